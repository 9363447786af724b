// <bp-order-step>: the buyer's order step (recipient -> review -> one confirm -> the created order). Internal:
// <branch-picker> mounts it after the buyer confirmed a point and re-dispatches its result as `bp-order`.
// Submission state lives in OrderSubmission; this element keeps only what the buyer typed and which view is up.
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { defineBranchPicker, type DefineResult } from '../define-guard.js';
import { resolveLang, toLang } from '../i18n/index.js';
import type { Branch } from '../model/branch.js';
import type { Money } from '../model/common.js';
import type { Lang, Origin } from '../model/config.js';
import type { CreatedOrder, Recipient } from '../model/order.js';
import type { Parcel } from '../model/parcel.js';
import type { Quote } from '../model/quote.js';
import type { OrderIntent } from '../orders/client.js';
import type { PendingOrderStore } from '../orders/pending.js';
import type { FetchLike } from '../orders/request.js';
import { VERSION } from '../version.js';
import { inputId, renderRecipientForm } from './form-view.js';
import { orderMessages, type OrderStepMessages } from './messages.js';
import { pendingOrder } from './order-store.js';
import {
  draftOf, emptyDraft, recipientFieldOf, RECIPIENT_FIELDS, validateRecipient, type FieldErrors, type RecipientDraft, type RecipientField,
} from './recipient-fields.js';
import { refusalText, renderDone, renderReview } from './review-view.js';
import { OrderSubmission, type RetryOptions, type SubmissionState } from './submission.js';
import { orderStepStyles } from './styles.js';
import { trackLink } from './track-link.js';

export const ORDER_STEP_TAG = 'bp-order-step';

/** `bp-order-step-done`: the order exists (detail: the API's answer with its token). Not composed: the host re-dispatches. */
export type OrderStepDoneEvent = CustomEvent<CreatedOrder>;

/** A fresh shop-neutral order number per intent: "bp-" + 12 random base-36 characters. */
export function newOrderNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `bp-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}

export class OrderStep extends LitElement {
  static readonly version = VERSION;
  static override styles = orderStepStyles;
  static override properties = {
    branch: { attribute: false },
    quote: { attribute: false },
    parcel: { attribute: false },
    origin: { attribute: false },
    apiBase: { attribute: 'api-base' },
    configId: { attribute: 'config-id' },
    lang: {},
    recipient: { attribute: false },
    orderNumber: { attribute: 'order-number' },
    cod: { attribute: false },
    store: { attribute: false },
    fetch: { attribute: false },
    retry: { attribute: false },
    resume: { type: Boolean },
    trackUrl: { attribute: 'track-url' },
    view: { state: true },
    draft: { state: true },
    errors: { state: true },
    acceptedQuote: { state: true },
  };

  /** The point the buyer confirmed. */
  declare branch: Branch | undefined;
  /** The price the buyer saw; the API re-checks it and answers 409 with the fresh one when it changed. */
  declare quote: Quote | undefined;
  declare parcel: Parcel | undefined;
  declare origin: Origin | undefined;
  declare apiBase: string;
  declare configId: string;
  declare lang: Lang | string;
  /** The shop already knows the recipient: skip the form, go straight to the review. */
  declare recipient: Recipient | undefined;
  /** The shop's order number; without one, a "bp-…" number is made per intent (and kept with it). */
  declare orderNumber: string | undefined;
  /** Cash on delivery, when the shop set it (else the parcel's own `cashOnDelivery`). */
  declare cod: Money | undefined;
  /** Where pending intents live (default: localStorage under this config's prefix). */
  declare store: PendingOrderStore | undefined;
  declare fetch: FetchLike | undefined;
  /** Retry budget of the order client (tests, hosts that want to report "offline" sooner); default the client's. */
  declare retry: RetryOptions | undefined;
  /** Finish the pending intent of this config instead of starting a new one (after a reload or a closed tab). */
  declare resume: boolean;
  /** "Track parcel" link template with {orderId}, {orderNumber}, {token}, {trackNumber}; without one, a button fires
   * `bp-order-step-track` ({ orderId, token }). */
  declare trackUrl: string | undefined;

  protected declare view: 'form' | 'review';
  protected declare draft: RecipientDraft;
  protected declare errors: FieldErrors;
  /** A new price the buyer accepted after a 409. */
  protected declare acceptedQuote: Quote | undefined;

  readonly submission = new OrderSubmission(this, { done: (order) => this.onDone(order) });
  /** The recipient that passed validation (what the review shows and the intent carries). */
  private checked: Recipient | undefined;
  /** True when the intent in hand came from the pending store (resume), not from this element's props. */
  private adopted = false;
  private generatedNumber: string | undefined;
  private seenState: SubmissionState | undefined;
  private focusTarget: string | undefined;

  constructor() {
    super();
    this.apiBase = '';
    this.configId = '';
    this.resume = false;
    this.view = 'form';
    this.draft = emptyDraft();
    this.errors = {};
  }

  private get t(): OrderStepMessages {
    return orderMessages(this.language);
  }

  /** The `lang` property (set by the host), else the page's languages as the picker resolves them. */
  private get language(): Lang {
    return toLang(this.lang) ?? resolveLang(this);
  }

  private get country(): string {
    const c = this.branch?.address.country;
    if (c) return c;
    const phone = this.submission.intent?.recipient.phone ?? '';
    return phone.startsWith('+380') ? 'UA' : 'RU';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('recipient') && this.recipient && !this.checked && !this.adopted) this.takeShopRecipient(this.recipient);
    const state = this.submission.state;
    if (state !== this.seenState) {
      this.seenState = state;
      this.onState(state);
    }
  }

  /** Focus the step's heading: the host calls it when the step replaces the point's details. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#bp-order-heading')?.focus(options));
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  protected override updated(): void {
    const id = this.focusTarget;
    if (!id) return;
    this.focusTarget = undefined;
    (this.renderRoot.querySelector(`#${id}`) as HTMLElement | null)?.focus();
  }

  /** A pending intent of this config is finished before anything new is sent: one confirm, one order. */
  private async start(): Promise<void> {
    const pending = this.resume || (this.configId && (await pendingOrder(this.configId, this.submission.store)));
    if (!pending) return;
    this.adopted = true;
    await this.submission.resume();
  }

  private takeShopRecipient(r: Recipient): void {
    this.draft = draftOf(r);
    const check = validateRecipient(this.draft, this.country, this.t);
    if (check.ok) {
      this.checked = check.recipient;
      this.view = 'review';
    } else {
      this.errors = check.errors;
      this.view = 'form';
    }
  }

  private onState(state: SubmissionState): void {
    switch (state.kind) {
      case 'done':
        this.focusTarget = 'bp-order-heading';
        break;
      case 'refused': {
        const field = recipientFieldOf(state.error.field);
        if (field) {
          // The API refused a recipient field: back to the form with the message next to that field.
          if (this.adopted && this.submission.intent) this.draft = draftOf(this.submission.intent.recipient);
          this.errors = { ...this.errors, [field]: refusalText(state.error.problem, this.t) };
          this.view = 'form';
          this.focusTarget = inputId(field);
        } else this.focusTarget = 'bp-order-alert';
        break;
      }
      case 'quote-changed':
      case 'failed':
      case 'stalled':
        this.focusTarget = 'bp-order-alert';
        break;
      default:
        break;
    }
  }

  protected override render(): TemplateResult {
    const state = this.submission.state;
    let body: TemplateResult;
    if (state.kind === 'done') {
      const order = state.order;
      body = renderDone({
        t: this.t, lang: this.language, order, trackHref: trackLink(this.trackUrl, order, document.baseURI),
        // No tracking page of the shop's: the host shows <bp-tracking> for this order itself.
        onTrack: () => this.dispatchEvent(new CustomEvent('bp-order-step-track', {
          detail: { orderId: order.id, token: order.token }, bubbles: true, composed: false,
        })),
      });
    } else if (state.kind === 'nothing-pending') {
      body = html`<h2 id="bp-order-heading" tabindex="-1">${this.t.pendingHeading}</h2><p>${this.t.pendingNothing}</p>`;
    } else if (this.view === 'form' && !this.submission.inFlight) {
      body = renderRecipientForm({
        t: this.t, draft: this.draft, errors: this.errors, country: this.country,
        onInput: (f, v) => this.onInput(f, v), onSubmit: (e) => this.onSubmit(e), onBack: () => this.back(),
      });
    } else {
      body = this.renderReviewView(state);
    }
    return html`<section class="step" aria-labelledby="bp-order-heading">${body}</section>`;
  }

  private renderReviewView(state: SubmissionState): TemplateResult {
    const intent = this.adopted ? this.submission.intent : undefined;
    const recipient = this.checked ?? intent?.recipient;
    if (!recipient) return html`<h2 id="bp-order-heading" tabindex="-1">${this.t.pendingHeading}</h2>`;
    const branch = this.branch && (!intent || intent.pointId === this.branch.id) ? this.branch : undefined;
    const pending = state.kind === 'offline' || state.kind === 'stalled';
    return renderReview({
      t: this.t,
      lang: this.language,
      heading: intent ? this.t.pendingHeading : this.t.reviewHeading,
      orderNumber: intent?.orderNumber,
      pointName: branch?.name ?? intent?.pointId,
      pointAddress: branch?.addressLine,
      recipient,
      quote: this.acceptedQuote ?? (intent ? intent.quote : this.quote),
      cod: intent ? intent.parcel.cashOnDelivery : this.cod ?? this.parcel?.cashOnDelivery,
      state,
      busy: this.submission.inFlight,
      canEdit: !pending && !this.submission.inFlight,
      onConfirm: () => this.confirm(),
      onConfirmQuote: (q) => {
        this.acceptedQuote = q;
        void this.submission.confirmQuote(q);
      },
      onRetry: () => void this.submission.retry(),
      onEdit: () => this.edit(),
      onBack: () => this.back(),
    });
  }

  private onInput(field: RecipientField, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.errors[field]) {
      const { [field]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const check = validateRecipient(this.draft, this.country, this.t);
    if (!check.ok) {
      this.errors = check.errors;
      const first = RECIPIENT_FIELDS.find((f) => check.errors[f]);
      if (first) this.focusTarget = inputId(first);
      this.requestUpdate();
      return;
    }
    this.errors = {};
    this.checked = check.recipient;
    this.view = 'review';
    this.focusTarget = 'bp-order-heading';
  }

  private edit(): void {
    this.view = 'form';
    this.focusTarget = 'bp-order-heading';
  }

  private back(): void {
    this.dispatchEvent(new CustomEvent('bp-order-step-back', { bubbles: true, composed: false }));
  }

  /** The one confirm: the button is disabled while a flight is out, and a second call joins it anyway. */
  private confirm(): void {
    const intent = this.intent();
    if (intent) void this.submission.submit(intent);
  }

  private intent(): OrderIntent | undefined {
    const recipient = this.checked;
    if (this.adopted && this.submission.intent) {
      const base = this.submission.intent;
      return { ...base, recipient: recipient ?? base.recipient, ...(this.acceptedQuote ? { quote: this.acceptedQuote } : {}) };
    }
    const { branch, parcel } = this;
    if (!branch || !parcel || !recipient) return undefined;
    const orderNumber = this.orderNumber ?? (this.generatedNumber ??= newOrderNumber());
    const cod = this.cod ?? parcel.cashOnDelivery;
    const quote = this.acceptedQuote ?? this.quote;
    return {
      intentId: orderNumber,
      orderNumber,
      pointId: branch.id,
      carrier: branch.carrier,
      parcel: { ...parcel, ...(cod ? { cashOnDelivery: cod } : {}) },
      recipient,
      ...(this.origin ? { origin: this.origin } : {}),
      ...(quote ? { quote } : {}),
    };
  }

  private onDone(order: CreatedOrder): void {
    // A new intent (a new number) for anything after this one.
    this.generatedNumber = undefined;
    this.dispatchEvent(new CustomEvent('bp-order-step-done', { detail: order, bubbles: true, composed: false }));
  }
}

/** Registers <bp-order-step> once per page; another version already there is kept (see define-guard.ts). */
export function defineOrderStep(registry: CustomElementRegistry | undefined = globalThis.customElements): DefineResult {
  return defineBranchPicker(OrderStep, registry, ORDER_STEP_TAG);
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-order-step': OrderStep;
  }
}


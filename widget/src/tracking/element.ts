// <bp-tracking>: a buyer follows their parcel inside the shop's page. Two ways in: `order-id` + `token` (what
// bp-order gave the shop, or the tracking link in the order e-mail), or `track-number` + `phone`; with neither it
// shows a lookup form. The element wires attributes to the controller and the view; the state lives in
// TrackingController, the texts in messages.ts, what is shown in view-model.ts.
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { formatTime, resolveLang } from '../i18n/index.js';
import type { Lang } from '../model/index.js';
import type { OrderStatus } from '../model/order.js';
import { createTrackingClient, type TrackingClient } from '../orders/tracking-client.js';
import { VERSION } from '../version.js';
import { TrackingController, type TrackingSource } from './controller.js';
import { checkLookup, type LookupField } from './lookup-input.js';
import { trackingMessages, type TrackingMessages } from './messages.js';
import { DEFAULT_POLL, MIN_POLL_MS } from './poll-policy.js';
import { trackingStyles } from './styles.js';
import { buildTrackingModel, type TrackingModel } from './view-model.js';
import { renderLoading, renderLookup, renderMessage, renderTracking } from './view.js';

export interface TrackingChangeDetail {
  orderId: string;
  status: OrderStatus;
  trackNumber: string | undefined;
  /** The status before, or undefined on the first answer. */
  previous: OrderStatus | undefined;
}

/** Fired when the parcel's status is first known and whenever it changes; bubbles and is composed. */
export class TrackingChangeEvent extends Event {
  static readonly type = 'bp-tracking-change';
  constructor(readonly detail: TrackingChangeDetail) {
    super(TrackingChangeEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * @summary Shows a parcel's status, timeline, ETA, storage deadline and pickup point; refreshes while it moves.
 * @fires bp-tracking-change - the status became known or changed (`detail`: orderId, status, trackNumber, previous)
 * @csspart tracking - the tracking view; @csspart lookup - the lookup form; @csspart status - the status block
 * @csspart timeline - the event list; @csspart event - one event; @csspart point - the pickup point
 * @csspart banner - offline / error / not-found messages; @csspart input - lookup fields; @csspart button - buttons
 * @cssprop --bp-primary, --bp-radius, --bp-font, --bp-font-size, --bp-surface, --bp-surface-alt, --bp-text,
 *   --bp-text-muted, --bp-border, --bp-focus-ring, --bp-open, --bp-closed, --bp-off - as on <branch-picker>
 */
export class BpTracking extends LitElement {
  static readonly version = VERSION;
  static override styles = trackingStyles;

  static override properties = {
    orderId: { attribute: 'order-id' },
    token: {},
    trackNumber: { attribute: 'track-number' },
    phone: {},
    apiBase: { attribute: 'api-base' },
    pollInterval: { attribute: 'poll-interval', type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    fetch: { attribute: false },
    lookupTrack: { state: true },
    lookupPhone: { state: true },
    lookupErrors: { state: true },
    manual: { state: true },
    formOnly: { state: true },
  };

  static override get observedAttributes(): string[] {
    // The page (or a language switch) may change lang at any time; our text follows it.
    return [...super.observedAttributes, 'lang'];
  }

  /** The order's id, with `token`: what `bp-order` carries and the tracking link holds. */
  declare orderId: string | null;
  /** The order's capability token (`Bearer`); set it as a property to keep it out of the DOM. */
  declare token: string | null;
  /** With `phone`: find the parcel by its track number and the recipient's phone. */
  declare trackNumber: string | null;
  declare phone: string | null;
  /** Origin of the order API (default: this page's origin). */
  declare apiBase: string | null;
  /** First refresh delay in ms while the parcel moves (default 30 000, at least 1 000); it doubles while nothing changes. */
  declare pollInterval: number | null;
  /** aria-level of the element's title (default 2: below the page's h1). */
  declare headingLevel: number | null;
  /** Replaces `fetch` (tests, a shop's own transport). */
  declare fetch: ((input: string, init: RequestInit) => Promise<Response>) | undefined;

  declare private lookupTrack: string;
  declare private lookupPhone: string;
  declare private lookupErrors: Partial<Record<LookupField, string>>;
  /** A source the buyer typed into the form (it wins over the attributes until "Another parcel"). */
  declare private manual: TrackingSource | undefined;
  /** The buyer left a wrong link for the form: the attributes' source is set aside. */
  declare private formOnly: boolean;

  private uiLang: Lang = 'ru';
  private m: TrackingMessages = trackingMessages('ru');
  private model: TrackingModel | undefined;
  private announcement = '';
  private lastAnnounced: OrderStatus | undefined;
  private clientKey = '';
  private focusTitle = false;
  private client: TrackingClient | undefined;

  private readonly tracking = new TrackingController(this, {
    client: () => this.currentClient(),
    poll: () => ({ ...DEFAULT_POLL, baseMs: Math.max(MIN_POLL_MS, Number(this.pollInterval) || DEFAULT_POLL.baseMs), random: Math.random }),
  });

  constructor() {
    super();
    this.orderId = null;
    this.token = null;
    this.trackNumber = null;
    this.phone = null;
    this.apiBase = null;
    this.pollInterval = null;
    this.headingLevel = null;
    this.lookupTrack = '';
    this.lookupPhone = '';
    this.lookupErrors = {};
    this.manual = undefined;
    this.formOnly = false;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** Asks the order API now instead of at the next scheduled refresh. */
  refresh(): void {
    this.tracking.refresh();
  }

  private currentClient(): TrackingClient {
    const key = `${this.apiBase ?? ''}`;
    if (!this.client || key !== this.clientKey) {
      this.clientKey = key;
      this.client = createTrackingClient({ apiBase: this.apiBase ?? '', ...(this.fetch ? { fetch: this.fetch } : {}) });
    }
    return this.client;
  }

  /** The source the attributes name; a lookup pair is used only when its check passes (else the form shows why). */
  private attributeSource(): TrackingSource | undefined {
    if (this.orderId && this.token) return { kind: 'order', orderId: this.orderId, token: this.token };
    if (this.trackNumber && this.phone) {
      const c = checkLookup(this.trackNumber, this.phone, this.m);
      if (c.ok) return { kind: 'lookup', trackNumber: c.trackNumber, phone: c.phone };
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.uiLang = resolveLang(this);
    this.m = trackingMessages(this.uiLang);
    if (changed.has('trackNumber') || changed.has('phone')) {
      this.lookupTrack = this.trackNumber ?? this.lookupTrack;
      this.lookupPhone = this.phone ?? this.lookupPhone;
      if (this.trackNumber && this.phone && !this.orderId) {
        const c = checkLookup(this.trackNumber, this.phone, this.m);
        this.lookupErrors = c.ok ? {} : c.errors;
      }
    }
    if (changed.has('apiBase') || changed.has('fetch')) this.client = undefined;
    // A new link from the shop wins over a form the buyer left it for.
    if ((changed.has('orderId') && changed.get('orderId') !== undefined) || (changed.has('token') && changed.get('token') !== undefined)) this.formOnly = false;
    this.tracking.setSource(this.manual ?? (this.formOnly ? undefined : this.attributeSource()));
    const c = this.tracking;
    this.model = c.value ? buildTrackingModel(c.value, this.m, this.uiLang, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone) : undefined;
    this.announce();
  }

  /** One polite live region: status changes, and why nothing can be shown. */
  private announce(): void {
    const c = this.tracking;
    const status = c.value?.status;
    if (c.state === 'ready' && status && status !== this.lastAnnounced && this.model) {
      const previous = this.lastAnnounced;
      this.lastAnnounced = status;
      this.announcement = this.m.statusNow(this.model.statusText);
      this.dispatchEvent(new TrackingChangeEvent({ orderId: c.value!.orderId, status, trackNumber: c.value!.trackNumber, previous }));
      return;
    }
    if (!c.value) this.lastAnnounced = undefined;
    if (c.state === 'not-found') this.announcement = this.notFoundText();
    else if (c.state === 'blocked') this.announcement = this.m.tooManyAttempts;
    else if (c.state === 'offline') this.announcement = c.value ? this.m.offlineStale : this.m.offline;
    else if (c.state === 'error') this.announcement = c.value ? this.m.errorStale : this.m.error;
  }

  private notFoundText(): string {
    return this.manual?.kind === 'lookup' || (!this.orderId && this.trackNumber) ? this.m.notFoundLookup : this.m.notFoundLink;
  }

  private readonly onLookupInput = (field: LookupField, value: string): void => {
    if (field === 'trackNumber') this.lookupTrack = value;
    else this.lookupPhone = value;
    // A fixed field stops being flagged at once; new errors wait for the next submit.
    if (this.lookupErrors[field]) this.lookupErrors = { ...this.lookupErrors, [field]: undefined };
  };

  private readonly onLookupSubmit = (e: Event): void => {
    e.preventDefault();
    const c = checkLookup(this.lookupTrack, this.lookupPhone, this.m);
    if (!c.ok) {
      this.lookupErrors = c.errors;
      // Focus the first bad field: its message is tied to it through aria-describedby.
      void this.updateComplete.then(() => {
        const first = c.errors.trackNumber ? 'trackNumber' : 'phone';
        this.renderRoot.querySelector<HTMLInputElement>(`#bp-tr-${first}`)?.focus();
      });
      return;
    }
    this.lookupErrors = {};
    const same = this.manual?.kind === 'lookup' && this.manual.trackNumber === c.trackNumber && this.manual.phone === c.phone;
    // The same number and phone again (after "not found" or a failure): ask again rather than ignore the click.
    if (same) this.tracking.refresh();
    else this.manual = { kind: 'lookup', trackNumber: c.trackNumber, phone: c.phone };
    this.focusTitle = true;
  };

  protected override updated(): void {
    // After a lookup the buyer's focus moves to what they asked for (or stays in the form when nothing was found).
    if (this.focusTitle && this.tracking.state !== 'loading') {
      this.focusTitle = false;
      if (this.tracking.state === 'ready') this.renderRoot.querySelector<HTMLElement>('#bp-tr-title')?.focus();
    }
  }

  private readonly onAnother = (): void => {
    this.manual = undefined;
    this.trackNumber = null;
    this.phone = null;
    this.lookupPhone = '';
    // The form, even when the shop's link attributes are still set.
    this.formOnly = true;
    this.tracking.setSource(undefined);
  };

  private readonly onRefresh = (): void => this.tracking.refresh();

  private readonly onFindByTrack = (): void => {
    this.formOnly = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#bp-tr-trackNumber')?.focus());
  };

  protected override render(): TemplateResult {
    return html`${this.renderBody()}<div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderBody(): TemplateResult {
    const { m } = this;
    const level = Math.min(6, Math.max(1, Number(this.headingLevel) || 2));
    const c = this.tracking;
    const fromLookup = this.manual?.kind === 'lookup' || (!this.orderId && !!this.trackNumber);
    if (this.model && (c.state === 'ready' || c.state === 'offline' || c.state === 'error')) {
      const banner = c.state === 'offline' ? { text: m.offlineStale, kind: 'warn' as const, retry: false }
        : c.state === 'error' ? { text: m.errorStale, kind: 'err' as const, retry: true } : undefined;
      return renderTracking({
        m, model: this.model, level, banner,
        updated: c.checkedAt ? m.updatedAt(formatTime(new Date(c.checkedAt), this.uiLang)) : undefined,
        onAnother: fromLookup ? this.onAnother : undefined,
        onRefresh: this.onRefresh,
      });
    }
    switch (c.state) {
      case 'loading':
        return renderLoading(m, level);
      case 'offline':
        return renderMessage(m, level, m.offline, undefined);
      case 'error':
        return renderMessage(m, level, m.error, { label: m.retry, run: this.onRefresh });
      case 'not-found':
      case 'blocked':
        if (!fromLookup) return renderMessage(m, level, m.notFoundLink, { label: m.findByTrack, run: this.onFindByTrack });
        return this.renderForm(c.state === 'blocked' ? m.tooManyAttempts : m.notFoundLookup);
      default:
        return this.renderForm(undefined);
    }
  }

  private renderForm(problem: string | undefined): TemplateResult {
    return renderLookup({
      m: this.m, level: Math.min(6, Math.max(1, Number(this.headingLevel) || 2)), track: this.lookupTrack, phone: this.lookupPhone,
      errors: this.lookupErrors, problem, busy: this.tracking.state === 'loading',
      onInput: this.onLookupInput, onSubmit: this.onLookupSubmit,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-tracking': BpTracking;
  }
  interface GlobalEventHandlersEventMap {
    'bp-tracking-change': TrackingChangeEvent;
  }
}

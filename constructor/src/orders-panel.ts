// The Orders tab: the orders of one widget (config) this browser holds the owner key of, with filters, paging,
// a details panel with the tracking timeline, cancelling, and the CSV export; plus signing in with an owner key.
// Every word comes from the interface language's table (`t.orders`), so the tab follows the language switch; messages
// are kept as functions of that table, not as strings, so one already shown changes language too.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FINAL_STATUSES, ORDER_STATUSES, type OrderStatus, type OrderView, type TrackingView } from '../../widget/src/model/order.js';
import type { Fetch } from './api.js';
import { CARRIER_OPTIONS } from './defaults.js';
import type { DraftStorage } from './draft-store.js';
import { en, type UiStrings } from './i18n/en.js';
import { carrierLabel, formatDate, formatInstant, formatLocal, formatPrice, mayCancel, statusTone } from './order-format.js';
import { cancelOrder, fetchOrdersCsv, getTracking, listOrders, verifyOwnerKey, type Failure, type OrderFilters } from './orders-api.js';
import { forgetOwnerKey, isConfigId, ownerKeys, rememberOwnerKey } from './owner-keys.js';

const SEARCH_DEBOUNCE_MS = 350;

type FilterField = 'status' | 'carrier' | 'from' | 'to' | 'q';

type Words = UiStrings['orders'];
/** A message in whatever language the tab speaks when it is rendered. */
type Text = (w: Words) => string;

type Tracking = { kind: 'loading' } | { kind: 'ok'; view: TrackingView } | { kind: 'failed'; message: Text };
type Cancel = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: Text };
interface SignIn {
  id: string;
  key: string;
  idError?: Text | undefined;
  keyError?: Text | undefined;
  busy: boolean;
  /** The config id just signed in to. */
  done: string;
}

/** What went wrong: our own words translated, the server's words as it gave them. */
function why(f: Failure): Text {
  const r = f.reason;
  if (!r) return () => f.message;
  switch (r.kind) {
    case 'unreachable':
      return (w) => w.errors.unreachable(r.cause);
    case 'http':
      return (w) => w.errors.http(r.status);
    case 'not-a-list':
      return (w) => w.errors.notAList;
    case 'bad-tracking':
      return (w) => w.errors.badTracking;
  }
}

/** A list failure in words a site owner can act on. */
function listProblem(f: Failure, configId: string): Text {
  if (f.status === 403) return (w) => w.errors.keyRefused(configId);
  return (w) => w.errors.listFailed(why(f)(w));
}

function cancelProblem(f: Failure): Text {
  if (f.code === 'not_cancellable' || f.status === 409) return (w) => w.cancel.notAllowed(why(f)(w));
  if (f.status === 503) return (w) => w.cancel.carrierDown(why(f)(w));
  return (w) => w.cancel.failed(why(f)(w));
}

@customElement('bpc-orders')
export class OrdersPanel extends LitElement {
  @property({ attribute: false }) fetchFn: Fetch = (input, init) => fetch(input, init);
  @property({ attribute: false }) apiRoot = '/api/v1';
  @property({ attribute: false }) storage!: DraftStorage;
  /** The config being edited in the settings: shown first when this browser has its key. */
  @property({ attribute: false }) preferredId: string | undefined;
  /** Pre-fills the sign-in form (e.g. after a save was refused for want of the key). */
  @property({ attribute: false }) signInId = '';
  /** The interface language's strings (app.ts passes them; a new table re-renders the tab in that language). */
  @property({ attribute: false }) t: UiStrings = en;

  @state() private keys: Record<string, string> = {};
  @state() private configId = '';
  @state() private filters: OrderFilters = {};
  @state() private filterErrors: Partial<Record<FilterField, Text>> = {};
  @state() private orders: OrderView[] = [];
  @state() private nextCursor: string | undefined;
  @state() private skipped = 0;
  @state() private loading = false;
  @state() private listError: Text | undefined;
  @state() private loaded = false;
  @state() private selected: OrderView | undefined;
  @state() private tracking: Tracking | undefined;
  @state() private cancel: Cancel = { kind: 'idle' };
  @state() private csvStatus: Text | undefined;
  @state() private csvBusy = false;
  @state() private showSignIn = false;
  @state() private signIn: SignIn = { id: '', key: '', busy: false, done: '' };

  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.keys = ownerKeys(this.storage);
    const ids = Object.keys(this.keys);
    this.configId = this.preferredId && this.keys[this.preferredId] ? this.preferredId : (ids.at(-1) ?? '');
    this.signIn = { ...this.signIn, id: this.signInId };
    this.showSignIn = ids.length === 0 || this.signInId !== '';
    if (this.configId) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.generation++;
  }

  private get w(): Words {
    return this.t.orders;
  }

  private get locale(): string {
    return this.t.lang;
  }

  private carrier(id: string): string {
    return carrierLabel(id, this.t.options.carriers);
  }

  private get key(): string {
    return this.keys[this.configId] ?? '';
  }

  /** First page for the current widget and filters; answers to older requests are dropped. */
  private async reload(): Promise<void> {
    clearTimeout(this.searchTimer);
    if (!this.configId) return;
    if (this.filters.from && this.filters.to && this.filters.from > this.filters.to) {
      this.filterErrors = { to: (w) => w.filters.toBeforeFrom };
      return;
    }
    this.filterErrors = {};
    await this.load(undefined);
  }

  private async load(cursor: string | undefined): Promise<void> {
    const gen = ++this.generation;
    const configId = this.configId;
    this.loading = true;
    this.listError = undefined;
    const r = await listOrders(this.fetchFn, this.apiRoot, configId, this.key, this.filters, cursor ? { cursor } : {});
    if (gen !== this.generation) return;
    this.loading = false;
    this.loaded = true;
    if (!r.ok) {
      const field = r.field as FilterField | undefined;
      if (r.status === 400 && field && ['status', 'carrier', 'from', 'to', 'q'].includes(field)) {
        this.filterErrors = { [field]: () => r.message };
      } else {
        this.listError = listProblem(r, configId);
      }
      if (!cursor) {
        this.orders = [];
        this.nextCursor = undefined;
        this.skipped = 0;
      }
      return;
    }
    this.orders = cursor ? [...this.orders, ...r.items.filter((o) => !this.orders.some((x) => x.id === o.id))] : r.items;
    this.skipped = (cursor ? this.skipped : 0) + r.skipped;
    this.nextCursor = r.nextCursor;
    if (!cursor && this.selected && !r.items.some((o) => o.id === this.selected?.id)) this.closeDetails(false);
  }

  private setFilter(field: FilterField, value: string, debounce = false): void {
    this.filters = { ...this.filters, [field]: value === '' ? undefined : value };
    if (this.filterErrors[field]) this.filterErrors = {};
    clearTimeout(this.searchTimer);
    if (debounce) this.searchTimer = setTimeout(() => void this.reload(), SEARCH_DEBOUNCE_MS);
    else void this.reload();
  }

  private resetFilters(): void {
    this.filters = {};
    this.filterErrors = {};
    void this.reload();
  }

  private chooseWidget(id: string): void {
    this.configId = id;
    this.closeDetails(false);
    this.orders = [];
    this.loaded = false;
    void this.reload();
  }

  private forget(): void {
    forgetOwnerKey(this.storage, this.configId);
    this.keys = ownerKeys(this.storage);
    const next = Object.keys(this.keys).at(-1) ?? '';
    this.csvStatus = undefined;
    this.chooseWidget(next);
    if (!next) this.showSignIn = true;
  }

  private async submitSignIn(e: Event): Promise<void> {
    e.preventDefault();
    const id = this.signIn.id.trim();
    const key = this.signIn.key.trim();
    const idError: Text | undefined = !id ? (w) => w.signIn.idRequired : !isConfigId(id) ? (w) => w.signIn.idFormat : undefined;
    const keyError: Text | undefined = !key ? (w) => w.signIn.keyRequired : undefined;
    this.signIn = { ...this.signIn, idError, keyError, done: '' };
    if (idError || keyError) {
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#signin-form [aria-invalid="true"]')?.focus());
      return;
    }
    this.signIn = { ...this.signIn, busy: true };
    const r = await verifyOwnerKey(this.fetchFn, this.apiRoot, id, key);
    if (!r.ok) {
      const wrongKey = r.status === 403;
      const wrongId = r.status === 400 && r.field === 'config';
      this.signIn = {
        ...this.signIn,
        busy: false,
        idError: wrongId ? (w) => w.signIn.notAnId(r.message) : undefined,
        keyError: wrongKey ? (w) => w.signIn.wrongKey(id) : wrongId ? undefined : (w) => w.signIn.cannotCheck(why(r)(w)),
      };
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#signin-form [aria-invalid="true"]')?.focus());
      return;
    }
    const kept = rememberOwnerKey(this.storage, id, key);
    this.keys = kept ? ownerKeys(this.storage) : { ...this.keys, [id]: key };
    this.signIn = { id: '', key: '', busy: false, done: id };
    this.showSignIn = false;
    this.chooseWidget(id);
    this.dispatchEvent(new CustomEvent('bpc-owner-key', { detail: { id }, bubbles: true }));
  }

  private async openDetails(o: OrderView): Promise<void> {
    this.selected = o;
    this.cancel = { kind: 'idle' };
    await this.updateComplete;
    this.querySelector<HTMLElement>('#order-details-title')?.focus();
    await this.loadTracking(o);
  }

  private async loadTracking(o: OrderView): Promise<void> {
    this.tracking = { kind: 'loading' };
    const r = await getTracking(this.fetchFn, this.apiRoot, o.id, this.key);
    if (this.selected?.id !== o.id) return;
    this.tracking = r.ok ? { kind: 'ok', view: r.tracking } : { kind: 'failed', message: (w) => w.tracking.failed(why(r)(w)) };
    // The timeline may know a newer status than the list row.
    if (r.ok && r.tracking.status !== o.status) this.replace({ ...o, status: r.tracking.status, ...(r.tracking.trackNumber ? { trackNumber: r.tracking.trackNumber } : {}) });
  }

  private replace(o: OrderView): void {
    this.orders = this.orders.map((x) => (x.id === o.id ? o : x));
    if (this.selected?.id === o.id) this.selected = o;
  }

  private closeDetails(focusRow = true): void {
    const id = this.selected?.id;
    this.selected = undefined;
    this.tracking = undefined;
    this.cancel = { kind: 'idle' };
    if (focusRow && id) void this.updateComplete.then(() => this.querySelector<HTMLElement>(`[data-order="${id}"]`)?.focus());
  }

  private async confirmCancel(o: OrderView): Promise<void> {
    this.cancel = { kind: 'busy' };
    const r = await cancelOrder(this.fetchFn, this.apiRoot, o.id, this.key);
    if (this.selected?.id !== o.id) return;
    if (!r.ok) {
      this.cancel = { kind: 'failed', message: cancelProblem(r) };
      return;
    }
    this.replace(r.order ?? { ...o, status: 'cancelled' });
    this.cancel = { kind: 'done' };
    await this.loadTracking(this.selected ?? o);
  }

  private async downloadCsv(): Promise<void> {
    this.csvBusy = true;
    this.csvStatus = (w) => w.csvPreparing;
    const r = await fetchOrdersCsv(this.fetchFn, this.apiRoot, this.configId, this.key, this.filters);
    this.csvBusy = false;
    if (!r.ok) {
      this.csvStatus = (w) => w.csvFailed(why(r)(w));
      return;
    }
    const url = URL.createObjectURL(r.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = r.filename;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    const file = r.filename;
    this.csvStatus = (w) => w.csvDone(file);
  }

  // ---- rendering ----

  private renderSignIn(): TemplateResult {
    const s = this.signIn;
    const w = this.w.signIn;
    const field = (
      id: 'signin-id' | 'signin-key',
      label: string,
      value: string,
      error: Text | undefined,
      hint: string,
      onInput: (v: string) => void,
      type = 'text',
    ) => html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        autocomplete="off"
        spellcheck="false"
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
      <p class="hint" id="${id}-hint">${hint}</p>
      ${error ? html`<p class="error" id="${id}-error">${error(this.w)}</p>` : nothing}
    </div>`;
    return html`<form id="signin-form" class="signin" novalidate @submit=${this.submitSignIn} aria-labelledby="signin-title">
      <h3 id="signin-title">${w.title}</h3>
      <p class="intro">${w.intro}</p>
      <div class="row">
        ${field('signin-id', w.configId, s.id, s.idError, w.configIdHint, (v) => (this.signIn = { ...this.signIn, id: v, idError: undefined }))}
        ${field('signin-key', w.ownerKey, s.key, s.keyError, w.ownerKeyHint, (v) => (this.signIn = { ...this.signIn, key: v, keyError: undefined }), 'password')}
      </div>
      <button type="submit" class="primary" ?disabled=${s.busy}>${s.busy ? w.checking : w.submit}</button>
    </form>`;
  }

  private renderWidgetBar(): TemplateResult {
    const ids = Object.keys(this.keys);
    const w = this.w;
    return html`<div class="orders-widget">
      ${ids.length
        ? html`<div class="field">
              <label for="orders-widget">${w.widget}</label>
              <select id="orders-widget" .value=${this.configId} @change=${(e: Event) => this.chooseWidget((e.target as HTMLSelectElement).value)}>
                ${ids.map((id) => html`<option value=${id} ?selected=${id === this.configId}>${id}${id === this.preferredId ? ` ${w.openInSettings}` : ''}</option>`)}
              </select>
            </div>
            <a class="button-like" href="./?config=${encodeURIComponent(this.configId)}">${w.editSettings}</a>
            <button type="button" class="secondary" @click=${this.forget}>${w.forgetKey}</button>`
        : html`<p class="hint">${w.noWidget}</p>`}
      <button
        type="button"
        class="link signin-toggle"
        aria-expanded=${this.showSignIn ? 'true' : 'false'}
        aria-controls="signin-form"
        @click=${() => (this.showSignIn = !this.showSignIn)}
      >
        ${w.signInToggle}
      </button>
    </div>
    ${this.signIn.done ? html`<p class="note ok-note" role="status">${w.signedIn} <code>${this.signIn.done}</code>.</p>` : nothing}
    ${this.showSignIn ? this.renderSignIn() : nothing}`;
  }

  private renderFilters(): TemplateResult {
    const f = this.filters;
    const e = this.filterErrors;
    const w = this.w.filters;
    const described = (id: string, hint?: boolean) => `${hint ? `${id}-hint` : ''}${e[id.replace('of-', '') as FilterField] ? ` ${id}-error` : ''}`.trim() || nothing;
    const err = (k: FilterField) => {
      const text = e[k];
      return text ? html`<p class="error" id="of-${k}-error">${text(this.w)}</p>` : nothing;
    };
    return html`<form class="orders-filters" role="search" aria-label=${w.label} @submit=${(ev: Event) => {
      ev.preventDefault();
      void this.reload();
    }}>
      <div class="field grow">
        <label for="of-q">${w.q}</label>
        <input id="of-q" type="search" maxlength="64" placeholder=${w.qPlaceholder} .value=${f.q ?? ''}
          aria-invalid=${e.q ? 'true' : 'false'} aria-describedby=${described('of-q')}
          @input=${(ev: Event) => this.setFilter('q', (ev.target as HTMLInputElement).value, true)} />
        ${err('q')}
      </div>
      <div class="field">
        <label for="of-status">${w.status}</label>
        <select id="of-status" .value=${f.status ?? ''} @change=${(ev: Event) => this.setFilter('status', (ev.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.status}>${w.anyStatus}</option>
          ${ORDER_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${this.w.status[s]}</option>`)}
        </select>
        ${err('status')}
      </div>
      <div class="field">
        <label for="of-carrier">${w.carrier}</label>
        <select id="of-carrier" .value=${f.carrier ?? ''} @change=${(ev: Event) => this.setFilter('carrier', (ev.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.carrier}>${w.anyCarrier}</option>
          ${CARRIER_OPTIONS.map((c) => html`<option value=${c.value} ?selected=${f.carrier === c.value}>${this.carrier(c.value)}</option>`)}
        </select>
        ${err('carrier')}
      </div>
      <div class="field">
        <label for="of-from">${w.from}</label>
        <input id="of-from" type="date" .value=${f.from ?? ''} aria-invalid=${e.from ? 'true' : 'false'} aria-describedby=${described('of-from')}
          @change=${(ev: Event) => this.setFilter('from', (ev.target as HTMLInputElement).value)} />
        ${err('from')}
      </div>
      <div class="field">
        <label for="of-to">${w.to}</label>
        <input id="of-to" type="date" .value=${f.to ?? ''} aria-invalid=${e.to ? 'true' : 'false'} aria-describedby=${described('of-to')}
          @change=${(ev: Event) => this.setFilter('to', (ev.target as HTMLInputElement).value)} />
        ${err('to')}
      </div>
      <div class="filter-actions">
        <button type="submit" class="secondary">${w.search}</button>
        <button type="button" class="secondary" ?disabled=${!Object.values(f).some(Boolean)} @click=${this.resetFilters}>${w.clear}</button>
      </div>
    </form>`;
  }

  private statusBadge(s: OrderStatus): TemplateResult {
    return html`<span class="status-badge ${statusTone(s)}">${this.w.status[s]}</span>`;
  }

  private renderTable(): TemplateResult {
    const w = this.w;
    if (!this.orders.length) {
      if (!this.loaded || this.listError) return html``;
      const filtered = Object.values(this.filters).some(Boolean);
      return html`<div class="orders-empty">
        <p>${filtered ? w.emptyFiltered : w.empty}</p>
        <p class="hint">${filtered ? w.emptyFilteredHint : w.emptyHint}</p>
      </div>`;
    }
    const t = w.table;
    return html`<div class="table-wrap" role="region" aria-labelledby="orders-table-caption" tabindex="0">
      <table class="orders-table">
        <caption id="orders-table-caption" class="visually-hidden">${t.caption(this.configId)}</caption>
        <thead>
          <tr>
            <th scope="col">${t.order}</th>
            <th scope="col">${t.created}</th>
            <th scope="col">${t.status}</th>
            <th scope="col">${t.carrier}</th>
            <th scope="col">${t.point}</th>
            <th scope="col">${t.track}</th>
            <th scope="col" class="num">${t.price}</th>
          </tr>
        </thead>
        <tbody>
          ${this.orders.map(
            (o) => html`<tr class=${this.selected?.id === o.id ? 'selected' : ''}>
              <th scope="row">
                <button
                  type="button"
                  class="link order-link"
                  data-order=${o.id}
                  aria-expanded=${this.selected?.id === o.id ? 'true' : 'false'}
                  aria-controls="order-details"
                  aria-label=${t.details(o.orderNumber)}
                  @click=${() => void this.openDetails(o)}
                >
                  ${o.orderNumber}
                </button>
              </th>
              <td class="nowrap">${formatInstant(o.createdAt, this.locale)}</td>
              <td>${this.statusBadge(o.status)}</td>
              <td class="nowrap">${this.carrier(o.carrier)}</td>
              <td class="point-cell">${o.pointName}</td>
              <td>${o.trackNumber ? html`<code>${o.trackNumber}</code>` : html`<span class="hint">${t.notYet}</span>`}</td>
              <td class="num nowrap">${formatPrice(o.quote.total, o.quote.currency, this.locale)}</td>
            </tr>
            ${this.selected?.id === o.id ? html`<tr class="details-row"><td colspan="7">${this.renderDetails()}</td></tr>` : nothing}`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderTracking(): TemplateResult {
    const t = this.tracking;
    const w = this.w.tracking;
    if (!t) return html``;
    if (t.kind === 'loading') return html`<p class="hint" aria-busy="true">${w.loading}</p>`;
    if (t.kind === 'failed') {
      return html`<p class="error">${t.message(this.w)}</p>
        <button type="button" class="secondary" @click=${() => this.selected && void this.loadTracking(this.selected)}>${this.w.tryAgain}</button>`;
    }
    const v = t.view;
    return html`<dl class="facts compact">
        ${v.eta && !FINAL_STATUSES.has(v.status) ? html`<div><dt>${w.eta}</dt><dd>${formatDate(v.eta, this.locale)}</dd></div>` : nothing}
        ${v.storageUntil ? html`<div><dt>${w.storageUntil}</dt><dd>${formatDate(v.storageUntil, this.locale)}</dd></div>` : nothing}
        ${v.checkedAt ? html`<div><dt>${w.checkedAt}</dt><dd>${formatInstant(v.checkedAt, this.locale)}</dd></div>` : nothing}
      </dl>
      ${v.events.length
        ? html`<ol class="timeline" aria-label=${w.events}>
            ${v.events.map(
              (ev) => html`<li>
                <p class="when"><time datetime=${ev.at}>${formatLocal(ev.at, this.locale)}</time>${ev.place ? html` · ${ev.place}` : nothing}</p>
                <p class="what"><strong>${this.w.status[ev.status]}</strong></p>
                <p class="carrier-words">${ev.description} <span class="hint">${w.carrierCode(ev.carrierCode)}</span></p>
              </li>`,
            )}
          </ol>`
        : html`<p class="hint">${w.none}</p>`}
      <button type="button" class="secondary" @click=${() => this.selected && void this.loadTracking(this.selected)}>${w.refresh}</button>`;
  }

  private renderCancel(o: OrderView): TemplateResult {
    const c = this.cancel;
    const w = this.w.cancel;
    let body: TemplateResult | typeof nothing = nothing;
    if (c.kind === 'confirm' || c.kind === 'busy') {
      body = html`<p>${w.askBefore} <strong>${o.orderNumber}</strong> ${w.askAfter(this.carrier(o.carrier))}</p>
        <div class="row-actions">
          <button type="button" class="danger" ?disabled=${c.kind === 'busy'} @click=${() => void this.confirmCancel(o)}>
            ${c.kind === 'busy' ? w.busy : w.confirm}
          </button>
          <button type="button" class="secondary" ?disabled=${c.kind === 'busy'} @click=${() => (this.cancel = { kind: 'idle' })}>${w.keep}</button>
        </div>`;
    } else if (mayCancel(o)) {
      body = html`<button type="button" class="secondary danger-outline" @click=${() => {
        this.cancel = { kind: 'confirm' };
      }}>${w.open}</button>`;
    }
    const message = c.kind === 'failed' ? c.message(this.w) : c.kind === 'done' ? w.done(o.orderNumber) : '';
    return html`<div class="cancel-box">
      ${body}
      <p class=${c.kind === 'failed' ? 'error' : 'ok-text'} role="status">${message}</p>
    </div>`;
  }

  private renderDetails(): TemplateResult {
    const o = this.selected;
    if (!o) return html``;
    const w = this.w.details;
    const price = (minor: number, currency: string) => formatPrice(minor, currency, this.locale);
    const kg = (o.parcel.weightG / 1000).toLocaleString(this.locale, { maximumFractionDigits: 3 });
    const dims = o.parcel.dimensionsCm;
    return html`<section id="order-details" class="order-details" aria-labelledby="order-details-title">
      <div class="details-head">
        <h3 id="order-details-title" tabindex="-1">${w.title(o.orderNumber)}</h3>
        ${this.statusBadge(o.status)}
        <button type="button" class="secondary" @click=${() => this.closeDetails()}>${w.close}</button>
      </div>
      ${o.error ? html`<p class="error">${w.carrierReason(o.error)}</p>` : nothing}
      <div class="details-body">
      <div class="details-facts">
      <dl class="facts">
        <div><dt>${w.carrier}</dt><dd>${this.carrier(o.carrier)}</dd></div>
        <div><dt>${w.track}</dt><dd>${o.trackNumber ? html`<code>${o.trackNumber}</code>` : w.trackNotYet}</dd></div>
        <div><dt>${w.point}</dt><dd>${o.pointName}<br /><span class="hint">${o.pointAddress}</span></dd></div>
        <div><dt>${w.recipient}</dt><dd>${o.recipient.givenName} ${o.recipient.surname}<br /><span class="hint">${o.recipient.phone}${o.recipient.email ? html`, ${o.recipient.email}` : nothing}</span></dd></div>
        <div><dt>${w.parcel}</dt><dd>${w.kg(kg)}${dims ? `, ${w.cm(dims.length, dims.width, dims.height)}` : ''}</dd></div>
        <div><dt>${w.price}</dt><dd>${price(o.quote.total, o.quote.currency)} <span class="hint">(${w.days(o.quote.deliveryDays.min, o.quote.deliveryDays.max)})</span></dd></div>
        ${o.cashOnDelivery ? html`<div><dt>${w.cod}</dt><dd>${price(o.cashOnDelivery.amount, o.cashOnDelivery.currency)}</dd></div>` : nothing}
        <div><dt>${w.created}</dt><dd>${formatInstant(o.createdAt, this.locale)}</dd></div>
        <div><dt>${w.orderId}</dt><dd><code>${o.id}</code></dd></div>
      </dl>
      ${this.renderCancel(o)}
      </div>
      <div class="details-tracking">
        <h4>${w.tracking}</h4>
        ${this.renderTracking()}
      </div>
      </div>
    </section>`;
  }

  private statusLine(): string {
    if (this.loading && !this.orders.length) return this.w.loading;
    if (!this.loaded || this.listError) return '';
    return [this.w.count(this.orders.length, Boolean(this.nextCursor)), this.w.skipped(this.skipped)].filter(Boolean).join(' ');
  }

  override render(): TemplateResult {
    const w = this.w;
    return html`<section class="card orders-access" aria-labelledby="orders-access-title">
        <h2 id="orders-access-title" class="visually-hidden">${w.accessTitle}</h2>
        ${this.renderWidgetBar()}
      </section>
      ${this.configId
        ? html`<div class="orders-grid">
            <section class="card orders-list" aria-labelledby="orders-list-title" aria-busy=${this.loading ? 'true' : 'false'}>
              <div class="orders-list-head">
                <h2 id="orders-list-title">${w.listTitle} <code class="config-id">${this.configId}</code></h2>
                <button type="button" class="secondary" ?disabled=${this.csvBusy} @click=${() => void this.downloadCsv()} aria-describedby="csv-hint">
                  ${this.csvBusy ? w.csvBusy : w.csvButton}
                </button>
              </div>
              <p class="hint" id="csv-hint">${w.listHint}</p>
              ${this.renderFilters()}
              <p class="orders-count" role="status">${this.statusLine()}</p>
              <p class="csv-status" role="status">${this.csvStatus?.(w) ?? ''}</p>
              ${this.listError
                ? html`<div class="error-box" role="alert">
                    <p>${this.listError(w)}</p>
                    <button type="button" class="secondary" @click=${() => void this.reload()}>${w.tryAgain}</button>
                  </div>`
                : nothing}
              ${this.renderTable()}
              ${this.nextCursor
                ? html`<button type="button" class="secondary load-more" ?disabled=${this.loading} @click=${() => void this.load(this.nextCursor)}>
                    ${this.loading ? w.loadingMore : w.loadMore}
                  </button>`
                : nothing}
            </section>
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bpc-orders': OrdersPanel;
  }
}

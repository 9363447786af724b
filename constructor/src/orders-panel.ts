// The Orders tab: the orders of one widget (config) this browser holds the owner key of, with filters, paging,
// a details panel with the tracking timeline, cancelling, and the CSV export; plus signing in with an owner key.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FINAL_STATUSES, ORDER_STATUSES, type OrderStatus, type OrderView, type TrackingView } from '../../widget/src/model/order.js';
import type { Fetch } from './api.js';
import { CARRIER_OPTIONS } from './defaults.js';
import type { DraftStorage } from './draft-store.js';
import {
  carrierLabel,
  countText,
  formatDate,
  formatInstant,
  formatLocal,
  formatPrice,
  mayCancel,
  skippedText,
  STATUS_WORDS,
  statusTone,
} from './order-format.js';
import { cancelOrder, fetchOrdersCsv, getTracking, listOrders, verifyOwnerKey, type Failure, type OrderFilters } from './orders-api.js';
import { forgetOwnerKey, isConfigId, ownerKeys, rememberOwnerKey } from './owner-keys.js';

const SEARCH_DEBOUNCE_MS = 350;

type FilterField = 'status' | 'carrier' | 'from' | 'to' | 'q';

type Tracking = { kind: 'loading' } | { kind: 'ok'; view: TrackingView } | { kind: 'failed'; message: string };
type Cancel = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** A list failure in words a site owner can act on. */
function listProblem(f: Failure, configId: string): string {
  if (f.status === 403) return `The owner key this browser keeps for ${configId} is not accepted. Sign in again with the widget's owner key.`;
  if (f.status === undefined) return `Orders could not be loaded: ${f.message}.`;
  return `Orders could not be loaded: ${f.message}.`;
}

function cancelProblem(f: Failure): string {
  if (f.code === 'not_cancellable' || f.status === 409) return `Not cancelled: the carrier no longer allows it (${f.message}).`;
  if (f.status === 503) return `Not cancelled: the carrier is not answering right now (${f.message}). Try again in a minute.`;
  return `Not cancelled: ${f.message}.`;
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

  @state() private keys: Record<string, string> = {};
  @state() private configId = '';
  @state() private filters: OrderFilters = {};
  @state() private filterErrors: Partial<Record<FilterField, string>> = {};
  @state() private orders: OrderView[] = [];
  @state() private nextCursor: string | undefined;
  @state() private skipped = 0;
  @state() private loading = false;
  @state() private listError = '';
  @state() private loaded = false;
  @state() private selected: OrderView | undefined;
  @state() private tracking: Tracking | undefined;
  @state() private cancel: Cancel = { kind: 'idle' };
  @state() private csvStatus = '';
  @state() private csvBusy = false;
  @state() private showSignIn = false;
  @state() private signIn = { id: '', key: '', idError: '', keyError: '', busy: false, done: '' };

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

  private get key(): string {
    return this.keys[this.configId] ?? '';
  }

  /** First page for the current widget and filters; answers to older requests are dropped. */
  private async reload(): Promise<void> {
    clearTimeout(this.searchTimer);
    if (!this.configId) return;
    if (this.filters.from && this.filters.to && this.filters.from > this.filters.to) {
      this.filterErrors = { to: 'The end date is before the start date.' };
      return;
    }
    this.filterErrors = {};
    await this.load(undefined);
  }

  private async load(cursor: string | undefined): Promise<void> {
    const gen = ++this.generation;
    const configId = this.configId;
    this.loading = true;
    this.listError = '';
    const r = await listOrders(this.fetchFn, this.apiRoot, configId, this.key, this.filters, cursor ? { cursor } : {});
    if (gen !== this.generation) return;
    this.loading = false;
    this.loaded = true;
    if (!r.ok) {
      const field = r.field as FilterField | undefined;
      if (r.status === 400 && field && ['status', 'carrier', 'from', 'to', 'q'].includes(field)) {
        this.filterErrors = { [field]: r.message };
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
    this.csvStatus = '';
    this.chooseWidget(next);
    if (!next) this.showSignIn = true;
  }

  private async submitSignIn(e: Event): Promise<void> {
    e.preventDefault();
    const id = this.signIn.id.trim();
    const key = this.signIn.key.trim();
    const idError = !id ? 'Enter the config id, e.g. cfg_AbC123.' : !isConfigId(id) ? 'A config id has 1 to 64 letters, digits, "_" or "-".' : '';
    const keyError = !key ? 'Enter the owner key you kept when the widget was first saved.' : '';
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
        idError: wrongId ? `Not a config id: ${r.message}.` : '',
        keyError: wrongKey
          ? `This key does not open widget ${id} (or there is no widget with this id). Check both and try again.`
          : wrongId ? '' : `Could not check the key: ${r.message}.`,
      };
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#signin-form [aria-invalid="true"]')?.focus());
      return;
    }
    const kept = rememberOwnerKey(this.storage, id, key);
    this.keys = kept ? ownerKeys(this.storage) : { ...this.keys, [id]: key };
    this.signIn = { id: '', key: '', idError: '', keyError: '', busy: false, done: id };
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
    this.tracking = r.ok ? { kind: 'ok', view: r.tracking } : { kind: 'failed', message: `Tracking could not be loaded: ${r.message}.` };
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
    this.csvStatus = 'Preparing the CSV file…';
    const r = await fetchOrdersCsv(this.fetchFn, this.apiRoot, this.configId, this.key, this.filters);
    this.csvBusy = false;
    if (!r.ok) {
      this.csvStatus = `The CSV file could not be made: ${r.message}.`;
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
    this.csvStatus = `Downloaded ${r.filename}.`;
  }

  // ---- rendering ----

  private renderSignIn(): TemplateResult {
    const s = this.signIn;
    const field = (
      id: 'signin-id' | 'signin-key',
      label: string,
      value: string,
      error: string,
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
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
    return html`<form id="signin-form" class="signin" novalidate @submit=${this.submitSignIn} aria-labelledby="signin-title">
      <h3 id="signin-title">Sign in with an owner key</h3>
      <p class="intro">For a widget saved in another browser: its config id and the owner key shown when it was first saved.</p>
      <div class="row">
        ${field('signin-id', 'Config id', s.id, s.idError, 'e.g. cfg_AbC123', (v) => (this.signIn = { ...this.signIn, id: v, idError: '' }))}
        ${field('signin-key', 'Owner key', s.key, s.keyError, 'Starts with ok_', (v) => (this.signIn = { ...this.signIn, key: v, keyError: '' }), 'password')}
      </div>
      <button type="submit" class="primary" ?disabled=${s.busy}>${s.busy ? 'Checking…' : 'Sign in'}</button>
    </form>`;
  }

  private renderWidgetBar(): TemplateResult {
    const ids = Object.keys(this.keys);
    return html`<div class="orders-widget">
      ${ids.length
        ? html`<div class="field">
              <label for="orders-widget">Widget</label>
              <select id="orders-widget" .value=${this.configId} @change=${(e: Event) => this.chooseWidget((e.target as HTMLSelectElement).value)}>
                ${ids.map((id) => html`<option value=${id} ?selected=${id === this.configId}>${id}${id === this.preferredId ? ' (open in Widget settings)' : ''}</option>`)}
              </select>
            </div>
            <a class="button-like" href="./?config=${encodeURIComponent(this.configId)}">Edit its settings</a>
            <button type="button" class="secondary" @click=${this.forget}>Forget its key in this browser</button>`
        : html`<p class="hint">
            No widget yet in this browser. Save your configuration under Widget settings to get an owner key, or sign in
            with one below.
          </p>`}
      <button
        type="button"
        class="link signin-toggle"
        aria-expanded=${this.showSignIn ? 'true' : 'false'}
        aria-controls="signin-form"
        @click=${() => (this.showSignIn = !this.showSignIn)}
      >
        Sign in with an owner key
      </button>
    </div>
    ${this.signIn.done ? html`<p class="note ok-note" role="status">Signed in: this browser now keeps the owner key of <code>${this.signIn.done}</code>.</p>` : nothing}
    ${this.showSignIn ? this.renderSignIn() : nothing}`;
  }

  private renderFilters(): TemplateResult {
    const f = this.filters;
    const e = this.filterErrors;
    const described = (id: string, hint?: boolean) => `${hint ? `${id}-hint` : ''}${e[id.replace('of-', '') as FilterField] ? ` ${id}-error` : ''}`.trim() || nothing;
    const err = (k: FilterField) => (e[k] ? html`<p class="error" id="of-${k}-error">${e[k]}</p>` : nothing);
    return html`<form class="orders-filters" role="search" aria-label="Filter orders" @submit=${(ev: Event) => {
      ev.preventDefault();
      void this.reload();
    }}>
      <div class="field grow">
        <label for="of-q">Order or track number</label>
        <input id="of-q" type="search" maxlength="64" placeholder="e.g. SHOP-1001" .value=${f.q ?? ''}
          aria-invalid=${e.q ? 'true' : 'false'} aria-describedby=${described('of-q')}
          @input=${(ev: Event) => this.setFilter('q', (ev.target as HTMLInputElement).value, true)} />
        ${err('q')}
      </div>
      <div class="field">
        <label for="of-status">Status</label>
        <select id="of-status" .value=${f.status ?? ''} @change=${(ev: Event) => this.setFilter('status', (ev.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.status}>Any status</option>
          ${ORDER_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${STATUS_WORDS[s]}</option>`)}
        </select>
        ${err('status')}
      </div>
      <div class="field">
        <label for="of-carrier">Carrier</label>
        <select id="of-carrier" .value=${f.carrier ?? ''} @change=${(ev: Event) => this.setFilter('carrier', (ev.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.carrier}>Any carrier</option>
          ${CARRIER_OPTIONS.map((c) => html`<option value=${c.value} ?selected=${f.carrier === c.value}>${c.label}</option>`)}
        </select>
        ${err('carrier')}
      </div>
      <div class="field">
        <label for="of-from">Created from</label>
        <input id="of-from" type="date" .value=${f.from ?? ''} aria-invalid=${e.from ? 'true' : 'false'} aria-describedby=${described('of-from')}
          @change=${(ev: Event) => this.setFilter('from', (ev.target as HTMLInputElement).value)} />
        ${err('from')}
      </div>
      <div class="field">
        <label for="of-to">Created to</label>
        <input id="of-to" type="date" .value=${f.to ?? ''} aria-invalid=${e.to ? 'true' : 'false'} aria-describedby=${described('of-to')}
          @change=${(ev: Event) => this.setFilter('to', (ev.target as HTMLInputElement).value)} />
        ${err('to')}
      </div>
      <div class="filter-actions">
        <button type="submit" class="secondary">Search</button>
        <button type="button" class="secondary" ?disabled=${!Object.values(f).some(Boolean)} @click=${this.resetFilters}>Clear filters</button>
      </div>
    </form>`;
  }

  private statusBadge(s: OrderStatus): TemplateResult {
    return html`<span class="status-badge ${statusTone(s)}">${STATUS_WORDS[s]}</span>`;
  }

  private renderTable(): TemplateResult {
    if (!this.orders.length) {
      if (!this.loaded || this.listError) return html``;
      const filtered = Object.values(this.filters).some(Boolean);
      return html`<div class="orders-empty">
        <p>${filtered ? 'No orders match these filters.' : 'No orders yet for this widget.'}</p>
        <p class="hint">
          ${filtered
            ? 'Clear the filters to see every order.'
            : 'Orders appear here as soon as your checkout sends them to POST /api/v1/orders with this config id.'}
        </p>
      </div>`;
    }
    return html`<div class="table-wrap" role="region" aria-labelledby="orders-table-caption" tabindex="0">
      <table class="orders-table">
        <caption id="orders-table-caption" class="visually-hidden">Orders of ${this.configId}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col">Carrier</th>
            <th scope="col">Point</th>
            <th scope="col">Track number</th>
            <th scope="col" class="num">Price</th>
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
                  aria-label="${o.orderNumber}: details"
                  @click=${() => void this.openDetails(o)}
                >
                  ${o.orderNumber}
                </button>
              </th>
              <td class="nowrap">${formatInstant(o.createdAt)}</td>
              <td>${this.statusBadge(o.status)}</td>
              <td class="nowrap">${carrierLabel(o.carrier)}</td>
              <td class="point-cell">${o.pointName}</td>
              <td>${o.trackNumber ? html`<code>${o.trackNumber}</code>` : html`<span class="hint">not yet</span>`}</td>
              <td class="num nowrap">${formatPrice(o.quote.total, o.quote.currency)}</td>
            </tr>
            ${this.selected?.id === o.id ? html`<tr class="details-row"><td colspan="7">${this.renderDetails()}</td></tr>` : nothing}`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderTracking(): TemplateResult {
    const t = this.tracking;
    if (!t) return html``;
    if (t.kind === 'loading') return html`<p class="hint" aria-busy="true">Loading the tracking timeline…</p>`;
    if (t.kind === 'failed') {
      return html`<p class="error">${t.message}</p>
        <button type="button" class="secondary" @click=${() => this.selected && void this.loadTracking(this.selected)}>Try again</button>`;
    }
    const v = t.view;
    return html`<dl class="facts compact">
        ${v.eta && !FINAL_STATUSES.has(v.status) ? html`<div><dt>Expected at the point</dt><dd>${formatDate(v.eta)}</dd></div>` : nothing}
        ${v.storageUntil ? html`<div><dt>Kept at the point until</dt><dd>${formatDate(v.storageUntil)}</dd></div>` : nothing}
        ${v.checkedAt ? html`<div><dt>Last heard from the carrier</dt><dd>${formatInstant(v.checkedAt)}</dd></div>` : nothing}
      </dl>
      ${v.events.length
        ? html`<ol class="timeline" aria-label="Tracking events, newest first">
            ${v.events.map(
              (ev) => html`<li>
                <p class="when"><time datetime=${ev.at}>${formatLocal(ev.at)}</time>${ev.place ? html` · ${ev.place}` : nothing}</p>
                <p class="what"><strong>${STATUS_WORDS[ev.status]}</strong></p>
                <p class="carrier-words">${ev.description} <span class="hint">(carrier code ${ev.carrierCode})</span></p>
              </li>`,
            )}
          </ol>`
        : html`<p class="hint">No events from the carrier yet.</p>`}
      <button type="button" class="secondary" @click=${() => this.selected && void this.loadTracking(this.selected)}>Refresh tracking</button>`;
  }

  private renderCancel(o: OrderView): TemplateResult {
    const c = this.cancel;
    let body: TemplateResult | typeof nothing = nothing;
    if (c.kind === 'confirm' || c.kind === 'busy') {
      body = html`<p>Cancel order <strong>${o.orderNumber}</strong> at ${carrierLabel(o.carrier)}? The parcel will not be sent.</p>
        <div class="row-actions">
          <button type="button" class="danger" ?disabled=${c.kind === 'busy'} @click=${() => void this.confirmCancel(o)}>
            ${c.kind === 'busy' ? 'Cancelling…' : 'Yes, cancel the order'}
          </button>
          <button type="button" class="secondary" ?disabled=${c.kind === 'busy'} @click=${() => (this.cancel = { kind: 'idle' })}>Keep the order</button>
        </div>`;
    } else if (mayCancel(o)) {
      body = html`<button type="button" class="secondary danger-outline" @click=${() => {
        this.cancel = { kind: 'confirm' };
      }}>Cancel this order…</button>`;
    }
    const message = c.kind === 'failed' ? c.message : c.kind === 'done' ? `Order ${o.orderNumber} is cancelled.` : '';
    return html`<div class="cancel-box">
      ${body}
      <p class=${c.kind === 'failed' ? 'error' : 'ok-text'} role="status">${message}</p>
    </div>`;
  }

  private renderDetails(): TemplateResult {
    const o = this.selected;
    if (!o) return html``;
    return html`<section id="order-details" class="order-details" aria-labelledby="order-details-title">
      <div class="details-head">
        <h3 id="order-details-title" tabindex="-1">Order ${o.orderNumber}</h3>
        ${this.statusBadge(o.status)}
        <button type="button" class="secondary" @click=${() => this.closeDetails()}>Close details</button>
      </div>
      ${o.error ? html`<p class="error">Carrier's reason: ${o.error}</p>` : nothing}
      <div class="details-body">
      <div class="details-facts">
      <dl class="facts">
        <div><dt>Carrier</dt><dd>${carrierLabel(o.carrier)}</dd></div>
        <div><dt>Track number</dt><dd>${o.trackNumber ? html`<code>${o.trackNumber}</code>` : 'not yet: the carrier has not registered it'}</dd></div>
        <div><dt>Point</dt><dd>${o.pointName}<br /><span class="hint">${o.pointAddress}</span></dd></div>
        <div><dt>Recipient</dt><dd>${o.recipient.givenName} ${o.recipient.surname}<br /><span class="hint">${o.recipient.phone}${o.recipient.email ? html`, ${o.recipient.email}` : nothing}</span></dd></div>
        <div><dt>Parcel</dt><dd>${(o.parcel.weightG / 1000).toLocaleString(undefined, { maximumFractionDigits: 3 })} kg${o.parcel.dimensionsCm ? `, ${o.parcel.dimensionsCm.length} × ${o.parcel.dimensionsCm.width} × ${o.parcel.dimensionsCm.height} cm` : ''}</dd></div>
        <div><dt>Delivery price</dt><dd>${formatPrice(o.quote.total, o.quote.currency)} <span class="hint">(${o.quote.deliveryDays.min === o.quote.deliveryDays.max ? o.quote.deliveryDays.min : `${o.quote.deliveryDays.min}–${o.quote.deliveryDays.max}`} days)</span></dd></div>
        ${o.cashOnDelivery ? html`<div><dt>Cash on delivery</dt><dd>${formatPrice(o.cashOnDelivery.amount, o.cashOnDelivery.currency)}</dd></div>` : nothing}
        <div><dt>Created</dt><dd>${formatInstant(o.createdAt)}</dd></div>
        <div><dt>Order id</dt><dd><code>${o.id}</code></dd></div>
      </dl>
      ${this.renderCancel(o)}
      </div>
      <div class="details-tracking">
        <h4>Tracking</h4>
        ${this.renderTracking()}
      </div>
      </div>
    </section>`;
  }

  private statusLine(): string {
    if (this.loading && !this.orders.length) return 'Loading orders…';
    if (!this.loaded || this.listError) return '';
    return [countText(this.orders.length, Boolean(this.nextCursor)), skippedText(this.skipped)].filter(Boolean).join(' ');
  }

  override render(): TemplateResult {
    return html`<section class="card orders-access" aria-labelledby="orders-access-title">
        <h2 id="orders-access-title" class="visually-hidden">Widget and owner key</h2>
        ${this.renderWidgetBar()}
      </section>
      ${this.configId
        ? html`<div class="orders-grid">
            <section class="card orders-list" aria-labelledby="orders-list-title" aria-busy=${this.loading ? 'true' : 'false'}>
              <div class="orders-list-head">
                <h2 id="orders-list-title">Orders of <code class="config-id">${this.configId}</code></h2>
                <button type="button" class="secondary" ?disabled=${this.csvBusy} @click=${() => void this.downloadCsv()} aria-describedby="csv-hint">
                  ${this.csvBusy ? 'Preparing CSV…' : 'Download CSV'}
                </button>
              </div>
              <p class="hint" id="csv-hint">Newest first. Search finds a whole order or track number. The CSV file has every order matching the filters (UTF-8, opens in spreadsheets).</p>
              ${this.renderFilters()}
              <p class="orders-count" role="status">${this.statusLine()}</p>
              <p class="csv-status" role="status">${this.csvStatus}</p>
              ${this.listError
                ? html`<div class="error-box" role="alert">
                    <p>${this.listError}</p>
                    <button type="button" class="secondary" @click=${() => void this.reload()}>Try again</button>
                  </div>`
                : nothing}
              ${this.renderTable()}
              ${this.nextCursor
                ? html`<button type="button" class="secondary load-more" ?disabled=${this.loading} @click=${() => void this.load(this.nextCursor)}>
                    ${this.loading ? 'Loading…' : 'Load more'}
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

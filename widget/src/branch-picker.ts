// <branch-picker>: the buyer's widget. A map (server-clustered feed, keyed markers) and a
// list (nearest first) that follow each other, search with suggestions, filters, a details
// panel and a confirm step. Form-associated: submits the chosen point id under `name`.
//
// This file orchestrates; each part keeps its own state in a controller (element/):
//   settings   SettingsController   attributes > config (property or config-id) > defaults; parcel, origin
//   list       PointListController  the list's points request, paging, centre
//   map        MapController        the Leaflet view, its tiles and fallback
//   selection  SelectionController  highlighted / committed point, details, point requests
//   tariffs    QuoteWiring          the on-demand tariff layer and the quote scheduler
//   search     SearchSuggestions    the combobox's suggestions and keyboard model
//   orders     OrderController      the on-demand order step (order attribute), pending intents
//   formValue  FormValue            the form value and validity
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ApiClient } from './api/client.js';
import { emptyFilters, type FilterState } from './core/filters.js';
import { fitCheck } from './core/fit.js';
import { BpChangeEvent, BpCloseEvent, BpErrorEvent, BpOpenEvent, BpReadyEvent, BpSelectEvent, toBranchDetail, type ErrorDetail, type SelectionDetail } from './element/events.js';
import { errorCode, errorMessage } from './element/error-detail.js';
import { FormValue } from './element/form-value.js';
import { locateBuyer } from './element/geolocation.js';
import { listKeyAction } from './element/list-keys.js';
import { listArea, queryFilters } from './element/list-query.js';
import { MapController } from './element/map-controller.js';
import { OrderController } from './element/order-controller.js';
import { PointListController } from './element/point-list.js';
import { QuoteWiring } from './element/quote-wiring.js';
import { SearchSuggestions } from './element/search-suggestions.js';
import { SelectionController } from './element/selection.js';
import { DOM_ATTRIBUTES, type Settings } from './element/settings.js';
import { SettingsController } from './element/settings-controller.js';
import { litAttributeProperties } from './element/settings-table.js';
import { getMessages, resolveLang, type Messages } from './i18n/index.js';
import { BRANCH_TYPES, isSelectable, type Branch, type BranchType, type Lang, type Origin, type Parcel, type Quote, type SearchSuggestion, type SortOrder, type WidgetConfig } from './model/index.js';
import { apiForSettings, WholeListApi } from './points/feed-source.js';
import type { QuoteStats } from './quotes/scheduler.js';
import { loadQuoteLayer } from './quotes/layer-loader.js';
import { loadOrderStep } from './order-step/loader.js';
import { BpOrderEvent, orderEventDetail } from './order-step/order-event.js';
import type { CreatedOrder, Recipient } from './model/order.js';
import { renderDetails } from './ui/details.js';
import { renderFilterChips } from './ui/filter-chips.js';
import { renderMapPanel } from './ui/map-panel.js';
import { renderModalShell } from './ui/modal-shell.js';
import { renderPickerLayout } from './ui/picker-layout.js';
import { renderPointList } from './ui/point-list.js';
import { renderPointRow } from './ui/point-row.js';
import { listRows, pointView } from './ui/quote-view.js';
import { renderSearchCombobox } from './ui/search-combobox.js';
import { controlStyles, detailStyles, layoutStyles, leafletStyles, listStyles, mapStyles, modalStyles, tokens } from './ui/styles.js';
import { VERSION } from './version.js';

/**
 * A pickup-point picker with a map and a list.
 *
 * @tag branch-picker
 * @fires bp-select - The buyer picked a point (cancelable: call preventDefault() to veto).
 * @fires bp-change - The choice was committed; the form value is the point id.
 * @fires bp-error - A bad attribute or config, or an API failure ({code, message, field?}).
 * @fires bp-ready - Settings resolved and the map/list started.
 * @fires bp-open - The modal opened.
 * @fires bp-close - The modal closed.
 * @fires bp-order - The order step created the order ({orderId, orderNumber, status, token, trackNumber?, quote}).
 * @fires bp-track - The buyer asked to follow the order and no `track-url` is set ({orderId, token}).
 * @csspart search - The search combobox input.
 * @csspart filters - The filter chips group.
 * @csspart list - The listbox of points.
 * @csspart item - One point in the list.
 * @csspart map - The map region.
 * @csspart details - The details panel of a point.
 * @csspart confirm - The confirm button.
 * @csspart trigger - The button that opens the modal (mode="modal").
 * @csspart quote - The region around the quote slot (hidden while the slot is empty).
 * @csspart order - The order step (recipient, review, confirm, the created order).
 * @slot quote - Cost and delivery time of the selected point (filled by tariffs).
 */
export class BranchPicker extends LitElement {
  static readonly version = VERSION;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: false };
  static override styles = [leafletStyles, tokens, layoutStyles, controlStyles, listStyles, detailStyles, mapStyles, modalStyles];

  static override properties = {
    // Every attribute-backed property, from the attribute table (element/settings-table.ts).
    ...litAttributeProperties(),
    config: { attribute: false },
    parcel: { attribute: false },
    quote: { attribute: false },
    recipient: { attribute: false },
    orderNumber: { attribute: false },
    // The buyer's own view state; everything else lives in the controllers.
    _filters: { state: true },
    _notice: { state: true },
    _announcement: { state: true },
    _sheetExpanded: { state: true },
    _dialogOpen: { state: true },
    _quoteFilled: { state: true },
    _disabled: { state: true },
    _hoverId: { state: true },
    _onlyFit: { state: true },
    _openOnArrival: { state: true },
    _sort: { state: true },
  };

  // Public attribute-backed properties: raw strings, validated by the settings controller.
  declare apiBase: string | null;
  declare carriers: string | null;
  declare types: string | null;
  declare center: string | null;
  declare zoom: string | number | null;
  declare layout: string | null;
  declare mode: string | null;
  declare selected: string | null;
  declare name: string | null;
  declare tileUrl: string | null;
  declare configId: string | null;
  declare required: boolean;
  /** A WidgetConfig (e.g. from the constructor); attributes win over it. */
  declare config: WidgetConfig | undefined;
  /** The buyer's parcel, for tariffs and fit. */
  declare parcel: Parcel | undefined;
  /** Quote of the selected point, passed through in bp-select / bp-change (wins over the widget's own). */
  declare quote: Quote | undefined;
  /** Where the shop ships from: an Origin object, or the `origin` attribute ("RU:101000", "UA:Київ"). */
  declare origin: Origin | string | null | undefined;
  /** Attributes for a parcel without script: grams, "LxWxH" cm, major units (currency of the origin country). */
  declare parcelWeight: string | null;
  declare parcelSize: string | null;
  declare declaredValue: string | null;
  declare cod: string | null;
  declare order: boolean;
  declare trackUrl: string | null;
  /** The recipient, when the shop already knows it: the order step skips its form. */
  declare recipient: Recipient | undefined;
  /** The shop's own order number for the order step (default: a "bp-…" number per order). */
  declare orderNumber: string | undefined;

  declare private _filters: FilterState;
  declare private _notice: { text: string; warn: boolean } | undefined;
  declare private _announcement: string;
  declare private _sheetExpanded: boolean;
  declare private _dialogOpen: boolean;
  declare private _quoteFilled: boolean;
  declare private _disabled: boolean;
  declare private _hoverId: string | undefined;
  declare private _onlyFit: boolean | undefined;
  declare private _openOnArrival: boolean;
  declare private _sort: SortOrder | undefined;

  private readonly internals = this.attachInternals();
  private api = new ApiClient('');
  private unwatchList: (() => void) | undefined;
  private reportedIssues = new Set<string>();
  private readyFired = false;
  /** Settings as they were at the last update, to see what changed. */
  private applied: Settings | undefined;
  private reducedMotion = false;
  /** Move focus into the order step once it renders (it replaced the button that had focus). */
  private focusStep = false;
  /** Derived in willUpdate: the list rows in display order (filters and sort applied) and the strings. */
  private rows: Branch[] = [];
  private t: Messages = getMessages('en');
  private langNow: Lang = 'en';

  private settings = new SettingsController(this, {
    fetchConfig: (id, signal) => this.api.config(id, signal),
    report: (d) => this.report(d),
  });
  private selection = new SelectionController(this, {
    fetchPoint: (id, signal) => this.api.point(id, signal),
    report: (d) => this.report(d),
  });
  private list: PointListController = new PointListController(this, {
    fallbackCentre: () => this.map.last?.center,
    fetch: (centre, widen, limit, signal) => {
      const s = this.settings.settings;
      const bbox = this.map.last && s.layout !== 'list' ? this.map.last.bbox : listArea(centre, widen);
      return this.api.points({ ...queryFilters(s, this._filters), bbox, near: centre, limit }, signal);
    },
    widens: () => this.settings.settings.layout === 'list',
    loaded: (res) => this.say(this.t.found(res.total)),
    failed: (e) => this.report({ code: errorCode(e), message: errorMessage(e) }),
  });
  private map: MapController = new MapController(this, this.api, {
    wanted: () => {
      const s = this.settings.settings;
      const t = this.t;
      return {
        container: this.renderRoot.querySelector<HTMLElement>('.map'),
        show: s.layout !== 'list' && this.isConnected && (s.mode === 'inline' || this._dialogOpen),
        wait: !this.settings.ready,
        start: { center: this.list.centre ?? s.center, zoom: s.zoom },
        tileUrl: s.tileUrl,
        selected: this.selection.current,
        options: {
          reducedMotion: this.reducedMotion,
          label: t.map,
          zoomTitles: t.zoomTitles,
          pointLabel: (p) => t.typeShort[p.type],
          clusterLabel: (c) => t.zoomInCluster(c.count),
          onPointClick: (id) => void this.openPoint(id),
          onPointHover: (id) => (this._hoverId = id),
        },
      };
    },
    filters: () => queryFilters(this.settings.settings, this._filters),
    viewChanged: (v) => v.byUser && this.list.panned(v.center),
    report: (d) => this.report(d),
  });
  private tariffs = new QuoteWiring(this, {
    loadLayer: loadQuoteLayer,
    inputs: () => {
      const { parcel, origin, settings, config } = this.settings;
      return { parcel, origin, apiBase: settings.apiBase, carrierTimeoutMs: config?.carrierTimeoutMs };
    },
    targets: () => ({ rows: this.rows, details: this.selection.details, current: this.selection.current, committed: this.selection.committed }),
    listRoot: () => this.renderRoot.querySelector<HTMLElement>('.scroll'),
    report: (d) => this.report(d),
  });
  private orders = new OrderController(this, {
    load: loadOrderStep,
    configId: () => {
      const s = this.settings.settings;
      return s.order ? s.configId : undefined;
    },
    report: (d) => this.report(d),
  });
  private formValue = new FormValue(this, this.internals, {
    value: () => this.selection.committed?.id,
    orderId: () => this.orders.created?.id,
    name: () => this.settings.settings.name,
    required: () => this.required,
    message: () => this.t.requiredMessage,
    anchor: () => this.renderRoot.querySelector<HTMLElement>('.trigger, input[role="combobox"], [role="listbox"].points') ?? undefined,
  });
  private search = new SearchSuggestions(this, {
    search: (q, signal) => this.api.search(q, this.map.last?.center ?? this.list.centre, signal),
    picked: (s) => this.pickSuggestion(s),
  });

  constructor() {
    super();
    this.required = false;
    this.order = false;
    this._filters = emptyFilters();
    this._announcement = '';
    this._sheetExpanded = false;
    this._dialogOpen = false;
    this._quoteFilled = false;
    this._disabled = false;
    this._openOnArrival = false;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...DOM_ATTRIBUTES];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if ((DOM_ATTRIBUTES as readonly string[]).includes(name)) this.requestUpdate();
  }

  // ---------------------------------------------------------------- public API

  /** The committed point id ('' when none). Never reflected to an attribute. */
  get value(): string {
    return this.selection.committed?.id ?? '';
  }
  /** The committed point, as in bp-change. */
  get branch(): Branch | undefined {
    return this.selection.committed;
  }
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  /** Tariff counters (requests, cache hits...) for diagnostics and benchmarks; undefined without a parcel. */
  get quoteStats(): Readonly<QuoteStats> | undefined {
    const q = this.tariffs.scheduler;
    return q ? { ...q.stats } : undefined;
  }

  /** Open the picker (modal mode). */
  async open(): Promise<void> {
    if (this.settings.settings.mode !== 'modal') return;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this._dialogOpen = true;
    this.dispatchEvent(new BpOpenEvent());
    await this.updateComplete;
    // Start where the buyer most likely begins: the search box.
    this.renderRoot.querySelector<HTMLInputElement>('dialog input[role="combobox"]')?.focus();
  }

  /** Close the picker (modal mode). */
  close(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
  }

  /** Choose a point by id, as if the buyer confirmed it. Resolves true when committed. */
  async select(id: string): Promise<boolean> {
    const b = await this.selection.find(id, this.list.items);
    if (!b) return false;
    this.showPoint(b, false);
    return this.commit(b);
  }

  /** Reload the map feed and the list (e.g. after the shop changed something server-side). */
  refresh(): void {
    this.map.reload();
    void this.list.load();
  }

  // ---------------------------------------------------------------- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    // Re-attached after a move: recreate the map on the next update.
    if (this.hasUpdated) {
      this.requestUpdate();
      this.watchList();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchList?.();
    this.unwatchList = undefined;
  }

  /** A whole list (feed="nova-poshta") is indexed progressively: reload the view each time it grows. */
  private watchList(): void {
    this.unwatchList?.();
    this.unwatchList = this.api instanceof WholeListApi ? this.api.list.onGrow(() => this.refresh()) : undefined;
  }

  protected override willUpdate(): void {
    const ctl = this.settings;
    ctl.resolve();
    const s = ctl.settings;
    this.langNow = s.lang ?? resolveLang(this);
    this.t = getMessages(this.langNow);
    // The tile feed, or a whole list clustered in a worker (feed="nova-poshta"): same interface.
    const api = apiForSettings(this.api, s);
    if (api !== this.api) {
      this.api = api;
      this.map.setApi(api);
      this.watchList();
    }
    const parcel = ctl.parcel;
    if (s.order && (!s.configId || !parcel)) {
      this.report({ code: 'invalid-attribute', field: 'order', message: `order: needs ${s.configId ? 'a parcel (parcel-weight and parcel-size, or the parcel property)' : 'config-id (the widget orders come through)'}` });
    }
    this.rows = listRows(this.list.items, {
      parcel,
      stateOf: (b) => this.tariffs.stateOf(b),
      onlyFit: this.onlyFit,
      openOnArrival: this._openOnArrival,
      order: this.sortOrder,
      weights: ctl.config?.sortWeights,
      from: this.list.from,
      now: new Date(),
      tools: this.tariffs.layer,
    });
  }


  protected override updated(): void {
    const s = this.settings.settings;
    const prev = this.applied;
    this.applied = s;
    if (s.mode === 'modal') this.setAttribute('data-bp-mode', 'modal');
    else this.removeAttribute('data-bp-mode');
    for (const [k, v] of Object.entries(this.settings.theme())) v ? this.style.setProperty(k, v) : this.style.removeProperty(k);
    if (prev && prev !== s && (prev.types.join() !== s.types.join() || prev.carriers.join() !== s.carriers.join())) this.refresh();
    const committed = this.selection.committed;
    if (s.selected && (!prev || prev.selected !== s.selected) && committed?.id !== s.selected) void this.preselect(s.selected);
    // The list-only layout has no map view to centre it: start from the configured centre.
    if (s.layout === 'list' && this.settings.ready && !this.list.centre) void this.list.moveTo(this.map.last?.center ?? s.center);
    const step = this.focusStep ? this.renderRoot.querySelector<HTMLElement>('bp-order-step') : null;
    if (step) {
      this.focusStep = false;
      step.focus();
    }
    if (this.settings.ready && !this.readyFired) {
      this.readyFired = true;
      this.dispatchEvent(new BpReadyEvent());
    }
  }

  // ---------------------------------------------------------------- selection

  /** Highlight a point on the map and in the list; optionally open its details. */
  private showPoint(b: Branch, openDetails: boolean, revealZoom?: number): void {
    this.selection.set({ current: b });
    this.map.select(b, { zoom: revealZoom });
    if (this.tariffs.scheduler) this.tariffs.scheduleWant(0);
    if (openDetails) void this.openDetails();
    else void this.scrollActiveIntoView();
  }

  private async openPoint(id: string, revealZoom?: number): Promise<void> {
    const sel = this.selection;
    if (!this.list.items.some((x) => x.id === id)) sel.set({ details: true, detailsLoading: true });
    this._sheetExpanded = true;
    const b = await sel.find(id, this.list.items);
    sel.set({ detailsLoading: false });
    if (b) this.showPoint(b, true, revealZoom);
    else sel.set({ details: false });
  }

  private async openDetails(): Promise<void> {
    this.selection.set({ details: true });
    this._sheetExpanded = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#bp-details-title')?.focus({ preventScroll: true });
  }

  private async closeDetails(): Promise<void> {
    this.selection.set({ details: false });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role="listbox"].points')?.focus({ preventScroll: true });
    void this.scrollActiveIntoView();
  }

  private async scrollActiveIntoView(): Promise<void> {
    await this.updateComplete;
    const i = this.activeIndex();
    const row = i >= 0 ? this.renderRoot.querySelector(`#bp-opt-${i}`) : null;
    row?.scrollIntoView({ block: 'nearest', behavior: this.reducedMotion ? 'auto' : 'smooth' });
  }

  private async preselect(id: string): Promise<void> {
    const b = await this.selection.point.run(id);
    if (!b || this.selection.committed?.id === b.id) return;
    this.selection.set({ committed: b, current: b });
    this.map.select(b);
    if (this.map.view) this.map.view.goTo(b.lat, b.lng, Math.max(this.settings.settings.zoom, 14));
    else void this.list.moveTo({ lat: b.lat, lng: b.lng });
  }

  private selectionDetail(b: Branch): SelectionDetail {
    const d: SelectionDetail = { branch: toBranchDetail(b) };
    const own = this.tariffs.stateOf(b);
    if (this.quote && this.quote.pointId === b.id) d.quote = this.quote;
    else if (own?.state === 'ready' && Date.parse(own.quote.expiresAt) > Date.now()) d.quote = structuredClone(own.quote);
    return d;
  }

  /** Open, and the parcel fits: a point the buyer may choose. */
  private choosable(b: Branch): boolean {
    const parcel = this.settings.parcel;
    return isSelectable(b) && (!parcel || fitCheck(parcel, b).fits);
  }

  private async commit(b: Branch): Promise<boolean> {
    if (!this.choosable(b)) return false;
    // Expired quotes of the selection are asked again; the choice never waits for a carrier.
    this.tariffs.scheduler?.refresh();
    if (!this.dispatchEvent(new BpSelectEvent(this.selectionDetail(b)))) return false;
    this.selection.set({ committed: b });
    await this.updateComplete;
    this.dispatchEvent(new BpChangeEvent(this.selectionDetail(b)));
    this.say(this.t.selectedAnnouncement(b.name));
    const s = this.settings.settings;
    // With the order step the buyer goes on to the recipient; without it the choice is the end.
    if (s.order && s.configId && this.settings.parcel) {
      this.orders.show();
      this.focusStep = true;
    } else if (s.mode === 'modal') this.close();
    return true;
  }

  private onOrderDone = (e: CustomEvent<CreatedOrder>): void => {
    this.orders.done(e.detail);
    this.dispatchEvent(new BpOrderEvent(orderEventDetail(e.detail)));
  };

  private onOrderBack = (): void => {
    this.orders.hide();
    void this.openDetails();
  };

  private onTrack = (e: CustomEvent<unknown>): void => {
    this.dispatchEvent(new CustomEvent('bp-track', { detail: e.detail, bubbles: true, composed: true }));
  };

  // ---------------------------------------------------------------- form

  formResetCallback(): void {
    this.selection.reset();
    this.map.select(undefined);
  }

  /** A disabled fieldset/form disables the picker (inert: no focus, no clicks). */
  formDisabledCallback(disabled: boolean): void {
    this._disabled = disabled;
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string' && state) void this.preselect(state);
  }

  // ---------------------------------------------------------------- search, location, keyboard

  /** A suggestion was picked: a city moves the map (or the list), a point opens its details. */
  private pickSuggestion(s: SearchSuggestion): void {
    if (s.kind === 'city') {
      if (this.map.view) this.map.view.goTo(s.lat, s.lng, 13);
      else void this.list.moveTo({ lat: s.lat, lng: s.lng });
    } else {
      if (!this.map.view) this.list.centre = { lat: s.lat, lng: s.lng };
      void this.openPoint(s.id, 15);
    }
  }

  private locate(): void {
    const t = this.t;
    locateBuyer({
      unsupported: () => this.setNotice(t.geolocationUnavailable, true),
      started: () => this.setNotice(t.locating, false),
      found: (lat, lng) => {
        this._notice = undefined;
        if (this.map.view) {
          this.map.view.goTo(lat, lng, 14);
          this.map.showMe(lat, lng);
        } else void this.list.moveTo({ lat, lng });
      },
      failed: (denied) => {
        this.setNotice(denied ? t.geolocationDenied : t.geolocationUnavailable, true);
        this.report({ code: 'geolocation', message: denied ? 'geolocation permission denied' : 'geolocation unavailable' }, false);
      },
    });
  }

  private setNotice(text: string, warn: boolean): void {
    this._notice = { text, warn };
    this.say(text);
  }

  private activeIndex(): number {
    const id = this.selection.current?.id;
    return id ? this.rows.findIndex((b) => b.id === id) : -1;
  }

  private onListKey = (e: KeyboardEvent): void => {
    const a = listKeyAction(e.key, this.activeIndex(), this.rows.length);
    if (!a) return;
    e.preventDefault();
    if ('open' in a) void this.openDetails();
    else this.showPoint(this.rows[a.move]!, false);
  };

  private onListFocus = (): void => {
    if (this.activeIndex() < 0 && this.rows.length) this.showPoint(this.rows[0]!, false);
  };

  // ---------------------------------------------------------------- feedback

  private say(text: string): void {
    // Toggling a trailing no-break space makes a repeated message announce again.
    this._announcement = this._announcement === text ? `${text}\u00a0` : text;
  }

  private report(detail: ErrorDetail, announce = true): void {
    const key = `${detail.code}|${detail.field ?? ''}|${detail.message}`;
    if (detail.code === 'invalid-attribute' || detail.code === 'invalid-config') {
      // Settings are recomputed on every change: report each bad value once.
      if (this.reportedIssues.has(key)) return;
      this.reportedIssues.add(key);
      console.warn(`[branch-picker] ${detail.message}; using the default`);
    } else if (announce) {
      this.say(detail.code === 'timeout' ? this.t.timeoutError : this.t.apiError);
    }
    this.dispatchEvent(new BpErrorEvent(detail));
  }

  // ---------------------------------------------------------------- render

  /** The types the shop allows (all when it did not restrict them). */
  private get allowedTypes(): readonly BranchType[] {
    const types = this.settings.settings.types;
    return types.length ? types : BRANCH_TYPES;
  }

  private get onlyFit(): boolean {
    return this._onlyFit ?? this.settings.config?.hideUnfit ?? false;
  }

  private get sortOrder(): SortOrder {
    return this._sort ?? this.settings.config?.sort ?? 'nearest';
  }

  private setFilters(next: FilterState): void {
    const typesChanged = next.types.join() !== this._filters.types.join();
    this._filters = next;
    if (typesChanged) this.map.loadFeed();
    void this.list.reload();
  }

  protected override render(): TemplateResult {
    const live = html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>`;
    if (this.settings.settings.mode !== 'modal') return html`<div class="root" ?inert=${this._disabled}>${this.renderPicker()}</div>${live}`;
    return renderModalShell({
      t: this.t,
      committed: this.selection.committed,
      disabled: this._disabled,
      picker: this._dialogOpen ? this.renderPicker() : nothing,
      live,
      onOpen: () => void this.open(),
      onClose: () => this.close(),
      onDialogClose: this.onDialogClose,
    });
  }

  private onDialogClose = (): void => {
    this._dialogOpen = false;
    this.map.destroy();
    this.dispatchEvent(new BpCloseEvent(!!this.selection.committed));
    this.renderRoot.querySelector<HTMLElement>('.trigger')?.focus();
  };

  private renderPicker(): TemplateResult {
    const s = this.settings.settings;
    const { t, search } = this;
    const types = this.allowedTypes;
    return renderPickerLayout({
      t,
      layout: s.layout,
      search: renderSearchCombobox({ t, state: search.state, onInput: search.onInput, onKey: search.onKey, onBlur: search.onBlur, onPick: search.pick, onLocate: () => this.locate() }),
      filters: renderFilterChips({
        t,
        filters: this._filters,
        facets: this.list.facets,
        allowed: types,
        parcel: !!this.settings.parcel,
        onlyFit: this.onlyFit,
        openOnArrival: this._openOnArrival,
        onFilters: (next) => this.setFilters(next),
        onToggleOnlyFit: () => (this._onlyFit = !this.onlyFit),
        onToggleOpenOnArrival: () => (this._openOnArrival = !this._openOnArrival),
      }),
      notice: this._notice,
      details: this.selection.details || this.orders.open,
      side: this.orders.open ? this.renderOrderStep() : this.selection.details ? this.renderDetailsPanel() : this.renderList(),
      sheetExpanded: this._sheetExpanded,
      onToggleSheet: () => (this._sheetExpanded = !this._sheetExpanded),
      map: s.layout === 'list' ? undefined : renderMapPanel({ t, types, error: this.map.error, fallback: this.map.fallback, onRetry: () => this.refresh() }),
    });
  }

  private renderList(): TemplateResult {
    const { t, langNow: lang, rows, tariffs, list } = this;
    const parcel = this.settings.parcel;
    const now = new Date();
    const active = this.activeIndex();
    const { current, committed } = this.selection;
    return renderPointList({
      t,
      lang,
      rows,
      loaded: list.items.length,
      total: list.total,
      limit: list.limit,
      loading: list.loading,
      error: list.error,
      active,
      failing: tariffs.failingCarriers(rows),
      sortable: !!parcel,
      sort: this.sortOrder,
      onSort: (o) => (this._sort = o),
      onRetry: () => void list.load(),
      onRetryCarrier: (c) => tariffs.retryCarrier(c),
      onShowMore: () => void list.more(),
      onKey: this.onListKey,
      onFocus: this.onListFocus,
      row: (b, i) => renderPointRow({
        t,
        lang,
        branch: b,
        index: i,
        active: i === active,
        now,
        centre: list.from,
        view: pointView(b, parcel, tariffs.stateOf(b), now, lang, tariffs.layer),
        priced: !!parcel,
        selected: current?.id === b.id,
        chosen: committed?.id === b.id,
        hover: this._hoverId === b.id,
        onClick: () => this.showPoint(b, true),
        onHover: (id) => this.map.view?.hover(id),
      }),
    });
  }

  private renderOrderStep(): TemplateResult {
    const { settings: ctl, orders } = this;
    const b = this.selection.committed;
    const s = ctl.settings;
    if (!orders.module) return html`<div class="details" part="details"><div class="state" role="status">${this.t.loading}</div></div>`;
    // No origin: the order API prices from the widget's saved config (only the owner key may set one per order).
    return html`<bp-order-step part="order" .branch=${b} .quote=${b && this.selectionDetail(b).quote} .parcel=${ctl.parcel}
      .apiBase=${s.apiBase} .configId=${s.configId} .lang=${this.langNow} .recipient=${this.recipient}
      .orderNumber=${this.orderNumber} .trackUrl=${s.trackUrl} .resume=${orders.resume}
      @bp-order-step-done=${this.onOrderDone} @bp-order-step-back=${this.onOrderBack} @bp-order-step-track=${this.onTrack}></bp-order-step>`;
  }

  private renderDetailsPanel(): TemplateResult {
    const { current: b, detailsLoading, committed } = this.selection;
    if (detailsLoading || !b) {
      return html`<div class="details" part="details"><div class="state" role="status">${this.t.loadingPoints}</div></div>`;
    }
    const st = this.tariffs.stateOf(b);
    return renderDetails({
      branch: b,
      t: this.t,
      lang: this.langNow,
      view: pointView(b, this.settings.parcel, st, new Date(), this.langNow, this.tariffs.layer),
      quote: st?.state === 'ready' ? st.quote : undefined,
      onRetry: st?.state === 'unavailable' ? () => st.retry() : undefined,
      chosen: committed?.id === b.id,
      quoteFilled: this._quoteFilled,
      now: new Date(),
      headingLevel: this.settings.settings.mode === 'modal' ? 3 : 2,
      onBack: () => void this.closeDetails(),
      onConfirm: () => void this.commit(b),
      choosable: this.choosable(b),
      onQuoteSlotChange: (e) => {
        this._quoteFilled = (e.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'branch-picker': BranchPicker;
  }
}

// <branch-picker>: the buyer's widget. A map (server-clustered feed, keyed markers) and a
// list (nearest first) that follow each other, search with suggestions, filters, a details
// panel, a confirm step and an optional order step. Form-associated: submits the chosen point id
// under `name`.
//
// This file orchestrates: it wires the controllers (element/), each of which keeps its own state,
// and holds the buyer's moves between list, map, details and order step. The form-control surface
// (form, validity...) comes from element/form-associated.ts.
//   settings   SettingsController   attributes > config (property or config-id) > defaults; parcel, origin
//   list       PointListController  the list's points request, paging, centre
//   map        MapController        the Leaflet view, its tiles and fallback
//   selection  SelectionController  highlighted / committed point, details, point requests
//   tariffs    QuoteWiring          the on-demand tariff layer and the quote scheduler
//   search     SearchSuggestions    the combobox's suggestions and keyboard model
//   orders     OrderController      the on-demand order step (order attribute), pending intents
//   formValue  FormValue            the form value and validity
//   modal      ModalController      mode="modal": the dialog, its focus and events
//   feedback   Feedback             the live region, the notice and bp-error
// The template is element/picker-view.ts: it reads what willUpdate derives and calls `actions`.
import { LitElement, type TemplateResult } from 'lit';
import { ApiClient } from './api/client.js';
import { emptyFilters, type FilterState } from './core/filters.js';
import { fitCheck } from './core/fit.js';
import { BpChangeEvent, BpReadyEvent, BpSelectEvent, toBranchDetail, type SelectionDetail } from './element/events.js';
import { errorCode, errorMessage } from './element/error-detail.js';
import { Feedback } from './element/feedback.js';
import { FormAssociatedElement } from './element/form-associated.js';
import { FormValue } from './element/form-value.js';
import { locateBuyer } from './element/geolocation.js';
import { listKeyAction } from './element/list-keys.js';
import { listArea, queryFilters } from './element/list-query.js';
import { MapController } from './element/map-controller.js';
import { ModalController } from './element/modal.js';
import { OrderController } from './element/order-controller.js';
import { renderPicker, type PickerActions, type PickerView, type ViewState } from './element/picker-view.js';
import { PointListController } from './element/point-list.js';
import { QuoteWiring } from './element/quote-wiring.js';
import { SearchSuggestions } from './element/search-suggestions.js';
import { SelectionController } from './element/selection.js';
import { DOM_ATTRIBUTES, type Settings } from './element/settings.js';
import { SettingsController } from './element/settings-controller.js';
import { litAttributeProperties, type AttributeProperties } from './element/settings-table.js';
import { getMessages, resolveLang, type Messages } from './i18n/index.js';
import { BRANCH_TYPES, CONFIG_DEFAULTS, isSelectable, type Branch, type LatLng, type Origin, type Parcel, type Quote, type SearchSuggestion, type WidgetConfig } from './model/index.js';
import type { Recipient } from './model/order.js';
import { loadOrderStep } from './order-step/loader.js';
import { BpOrderEvent, orderEventDetail } from './order-step/order-event.js';
import { apiForSettings, WholeListApi } from './points/feed-source.js';
import { loadQuoteLayer } from './quotes/layer-loader.js';
import type { QuoteStats } from './quotes/scheduler.js';
import { listRows, pointView } from './ui/quote-view.js';
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
// The attribute-backed properties are typed by the attribute table (raw strings, validated by the
// settings controller); `zoom` and `origin` also take a number / an Origin object, declared below.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface BranchPicker extends Omit<AttributeProperties, 'zoom' | 'origin'> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class BranchPicker extends FormAssociatedElement {
  static readonly version = VERSION;
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
    _ui: { state: true },
  };

  /** Initial zoom, 2..19: the attribute's string or a number. */
  declare zoom: string | number | null;
  /** Where the shop ships from: an Origin object, or the `origin` attribute ("RU:101000", "UA:Київ"). */
  declare origin: Origin | string | null | undefined;
  /** A WidgetConfig (e.g. from the constructor); attributes win over it. */
  declare config: WidgetConfig | undefined;
  /** The buyer's parcel, for tariffs and fit. */
  declare parcel: Parcel | undefined;
  /** Quote of the selected point, passed through in bp-select / bp-change (wins over the widget's own). */
  declare quote: Quote | undefined;
  /** The recipient, when the shop already knows it: the order step skips its form. */
  declare recipient: Recipient | undefined;
  /** The shop's own order number for the order step (default: a "bp-…" number per order). */
  declare orderNumber: string | undefined;
  declare private _ui: ViewState;

  private api = new ApiClient('');
  private unwatchList: (() => void) | undefined;
  private readyFired = false;
  /** Settings as they were at the last update, to see what changed. */
  private applied: Settings | undefined;
  private reducedMotion = false;
  /** Move focus into the order step once it renders (it replaced the button that had focus). */
  private focusStep = false;
  /** Derived in willUpdate: the strings, the list rows in display order, and all the template reads. */
  private t: Messages = getMessages('en');
  private rows: readonly Branch[] = [];
  private view!: PickerView;

  private feedback = new Feedback(this, () => this.t);
  private settings = new SettingsController(this, {
    fetchConfig: (id, signal) => this.api.config(id, signal),
    report: this.feedback.report,
  });
  private selection = new SelectionController(this, {
    fetchPoint: (id, signal) => this.api.point(id, signal),
    report: this.feedback.report,
  });
  private list: PointListController = new PointListController(this, {
    fallbackCentre: () => this.map.last?.center,
    fetch: (centre, widen, limit, signal) => {
      const s = this.settings.settings;
      const bbox = this.map.last && s.layout !== 'list' ? this.map.last.bbox : listArea(centre, widen);
      return this.api.points({ ...queryFilters(s, this._ui.filters), bbox, near: centre, limit }, signal);
    },
    widens: () => this.settings.settings.layout === 'list',
    loaded: (res) => this.feedback.say(this.t.found(res.total)),
    failed: (e) => this.feedback.report({ code: errorCode(e), message: errorMessage(e) }),
  });
  private map: MapController = new MapController(this, this.api, {
    wanted: () => {
      const { settings: s, t } = this;
      return {
        container: this.renderRoot.querySelector<HTMLElement>('.map'),
        show: s.settings.layout !== 'list' && this.isConnected && (s.settings.mode === 'inline' || this.modal.isOpen),
        wait: !s.ready,
        start: { center: this.list.centre ?? s.settings.center, zoom: s.settings.zoom },
        tileUrl: s.settings.tileUrl,
        selected: this.selection.current,
        options: {
          reducedMotion: this.reducedMotion,
          label: t.map,
          zoomTitles: t.zoomTitles,
          pointLabel: (p) => t.typeShort[p.type],
          clusterLabel: (c) => t.zoomInCluster(c.count),
          onPointClick: (id) => void this.openPoint(id),
          onPointHover: (hoverId) => this.setUi({ hoverId }),
        },
      };
    },
    filters: () => queryFilters(this.settings.settings, this._ui.filters),
    viewChanged: (v) => v.byUser && this.list.panned(v.center),
    report: this.feedback.report,
  });
  private tariffs = new QuoteWiring(this, {
    loadLayer: loadQuoteLayer,
    inputs: () => {
      const { parcel, origin, settings, config } = this.settings;
      return { parcel, origin, apiBase: settings.apiBase, carrierTimeoutMs: config?.carrierTimeoutMs };
    },
    targets: () => ({ rows: this.rows, details: this.selection.details, current: this.selection.current, committed: this.selection.committed }),
    listRoot: () => this.renderRoot.querySelector<HTMLElement>('.scroll'),
    report: this.feedback.report,
  });
  private orders = new OrderController(this, {
    load: loadOrderStep,
    configId: () => (this.settings.settings.order ? this.settings.settings.configId : undefined),
    report: this.feedback.report,
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
  private modal = new ModalController(this, {
    enabled: () => this.settings.settings.mode === 'modal',
    closed: () => this.map.destroy(),
    chosen: () => !!this.selection.committed,
  });

  /** What the template may do, bound once. */
  private readonly actions: PickerActions = {
    open: () => void this.open(),
    close: () => this.close(),
    dialogClosed: () => this.modal.onClose(),
    locate: () => this.locate(),
    setFilters: (next) => this.setFilters(next),
    setUi: (patch) => this.setUi(patch),
    retryMap: () => this.refresh(),
    retryList: () => void this.list.load(),
    retryCarrier: (carrier) => this.tariffs.retryCarrier(carrier),
    more: () => void this.list.more(),
    listKey: (e) => this.onListKey(e),
    listFocus: () => {
      if (this.activeIndex() < 0 && this.rows.length) this.showPoint(this.rows[0]!, false);
    },
    openRow: (b) => this.showPoint(b, true),
    hoverMarker: (id) => this.map.hover(id),
    closeDetails: () => void this.closeDetails(),
    confirm: (b) => void this.commit(b),
    orderDone: (e) => {
      this.orders.done(e.detail);
      this.dispatchEvent(new BpOrderEvent(orderEventDetail(e.detail)));
    },
    orderBack: () => {
      this.orders.hide();
      void this.openDetails();
    },
    track: (e) => this.dispatchEvent(new CustomEvent('bp-track', { detail: e.detail, bubbles: true, composed: true })),
  };

  constructor() {
    super();
    this.required = false;
    this.order = false;
    this._ui = { filters: emptyFilters(), sheetExpanded: false, quoteFilled: false, disabled: false, hoverId: undefined, onlyFit: undefined, sort: undefined, openOnArrival: false };
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
  /** Tariff counters (requests, cache hits...) for diagnostics and benchmarks; undefined without a parcel. */
  get quoteStats(): Readonly<QuoteStats> | undefined {
    const q = this.tariffs.scheduler;
    return q ? { ...q.stats } : undefined;
  }

  /** Open the picker (modal mode). */
  open(): Promise<void> {
    return this.modal.open();
  }

  /** Close the picker (modal mode). */
  close(): void {
    this.modal.close();
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
    const lang = s.lang ?? resolveLang(this);
    this.t = getMessages(lang);
    // The tile feed, or a whole list clustered in a worker (feed="nova-poshta"): same interface.
    const api = apiForSettings(this.api, s);
    if (api !== this.api) {
      this.api = api;
      this.map.setApi(api);
      this.watchList();
    }
    const { parcel, config } = ctl;
    if (s.order && (!s.configId || !parcel)) {
      this.feedback.report({ code: 'invalid-attribute', field: 'order', message: `order: needs ${s.configId ? 'a parcel (parcel-weight and parcel-size, or the parcel property)' : 'config-id (the widget orders come through)'}` });
    }
    const parts = this.viewParts();
    const { ui, list, selection, orders } = parts;
    const tariffs = this.tariffs;
    const onlyFit = ui.onlyFit ?? config?.hideUnfit ?? CONFIG_DEFAULTS.hideUnfit;
    const sort = ui.sort ?? config?.sort ?? CONFIG_DEFAULTS.sort;
    const now = new Date();
    this.rows = listRows(list.items, {
      parcel,
      stateOf: (b) => tariffs.stateOf(b),
      onlyFit,
      openOnArrival: ui.openOnArrival,
      order: sort,
      weights: config?.sortWeights,
      from: list.from,
      now,
      tools: tariffs.layer,
    });
    const { committed, current, details, detailsLoading } = selection;
    const listShown = !details && !orders.open;
    const viewOf = (b: Branch) => pointView(b, parcel, tariffs.stateOf(b), now, lang, tariffs.layer);
    const st = current && tariffs.stateOf(current);
    this.view = {
      ...parts,
      t: this.t,
      lang,
      settings: s,
      parcel,
      now,
      onlyFit,
      sort,
      allowedTypes: s.types.length ? s.types : BRANCH_TYPES,
      rows: this.rows,
      rowViews: listShown ? this.rows.map(viewOf) : [],
      active: this.activeIndex(),
      failing: listShown ? tariffs.failingCarriers(this.rows) : [],
      shown: details && !detailsLoading && current ? {
        branch: current,
        view: viewOf(current),
        quote: st?.state === 'ready' ? st.quote : undefined,
        retry: st?.state === 'unavailable' ? () => st.retry() : undefined,
        choosable: this.choosable(current),
      } : undefined,
      dialogOpen: this.modal.isOpen,
      recipient: this.recipient,
      orderNumber: this.orderNumber,
      committedQuote: orders.open && committed ? this.selectionDetail(committed).quote : undefined,
    };
  }

  /** The controllers and state the template reads as they are. */
  private viewParts(): Pick<PickerView, 'ui' | 'feedback' | 'list' | 'selection' | 'orders' | 'map' | 'search'> {
    const { _ui: ui, feedback, list, selection, orders, map, search } = this;
    return { ui, feedback, list, selection, orders, map, search };
  }

  protected override render(): TemplateResult {
    return renderPicker(this.view, this.actions);
  }

  protected override updated(): void {
    const s = this.settings.settings;
    const prev = this.applied;
    this.applied = s;
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

  private setUi(patch: Partial<ViewState>): void {
    this._ui = { ...this._ui, ...patch };
  }

  private setFilters(filters: FilterState): void {
    const typesChanged = filters.types.join() !== this._ui.filters.types.join();
    this.setUi({ filters });
    if (typesChanged) this.map.loadFeed();
    void this.list.reload();
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
    this.setUi({ sheetExpanded: true });
    const b = await sel.find(id, this.list.items);
    sel.set({ detailsLoading: false });
    if (b) this.showPoint(b, true, revealZoom);
    else sel.set({ details: false });
  }

  private async openDetails(): Promise<void> {
    this.selection.set({ details: true });
    this.setUi({ sheetExpanded: true });
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
    this.moveView(b, Math.max(this.settings.settings.zoom, 14));
  }

  /** Centre the map there, or the list when there is no map. */
  private moveView(p: LatLng, zoom: number): void {
    if (!this.map.goTo(p, zoom)) void this.list.moveTo({ lat: p.lat, lng: p.lng });
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
    this.feedback.say(this.t.selectedAnnouncement(b.name));
    const s = this.settings.settings;
    // With the order step the buyer goes on to the recipient; without it the choice is the end.
    if (s.order && s.configId && this.settings.parcel) {
      this.orders.show();
      this.focusStep = true;
    } else if (s.mode === 'modal') this.close();
    return true;
  }

  // ---------------------------------------------------------------- form

  formResetCallback(): void {
    this.selection.reset();
    this.map.select(undefined);
  }

  /** A disabled fieldset/form disables the picker (inert: no focus, no clicks). */
  formDisabledCallback(disabled: boolean): void {
    this.setUi({ disabled });
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string' && state) void this.preselect(state);
  }

  // ---------------------------------------------------------------- search, location, keyboard

  /** A suggestion was picked: a city moves the map (or the list), a point opens its details. */
  private pickSuggestion(s: SearchSuggestion): void {
    if (s.kind === 'city') this.moveView(s, 13);
    else {
      // Without a map the list moves to the point, so "back" shows its neighbours.
      if (!this.map.view) void this.list.moveTo({ lat: s.lat, lng: s.lng });
      void this.openPoint(s.id, 15);
    }
  }

  private locate(): void {
    const { t, feedback } = this;
    locateBuyer({
      unsupported: () => feedback.setNotice({ text: t.geolocationUnavailable, warn: true }),
      started: () => feedback.setNotice({ text: t.locating, warn: false }),
      found: (lat, lng) => {
        feedback.setNotice(undefined);
        this.moveView({ lat, lng }, 14);
        this.map.showMe(lat, lng);
      },
      failed: (denied) => {
        feedback.setNotice({ text: denied ? t.geolocationDenied : t.geolocationUnavailable, warn: true });
        feedback.report({ code: 'geolocation', message: denied ? 'geolocation permission denied' : 'geolocation unavailable' }, false);
      },
    });
  }

  private activeIndex(): number {
    const id = this.selection.current?.id;
    return id ? this.rows.findIndex((b) => b.id === id) : -1;
  }

  private onListKey(e: KeyboardEvent): void {
    const a = listKeyAction(e.key, this.activeIndex(), this.rows.length);
    if (!a) return;
    e.preventDefault();
    if ('open' in a) void this.openDetails();
    else this.showPoint(this.rows[a.move]!, false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'branch-picker': BranchPicker;
  }
}

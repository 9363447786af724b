// <branch-picker>: the buyer's widget. A map (server-clustered feed, keyed markers) and a
// list (nearest first) that follow each other, search with suggestions, filters, a details
// panel and a confirm step. Form-associated: submits the chosen point id under `name`.
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiClient, ApiError, isAbort, type PointsResult } from './api/client.js';
import { emptyFilters, type FilterState } from './core/filters.js';
import {
  BpChangeEvent,
  BpCloseEvent,
  BpErrorEvent,
  BpOpenEvent,
  BpReadyEvent,
  BpSelectEvent,
  toBranchDetail,
  type ErrorDetail,
  type SelectionDetail,
} from './element/events.js';
import { errorCode, errorMessage } from './element/error-detail.js';
import { locateBuyer } from './element/geolocation.js';
import { listArea, queryFilters } from './element/list-query.js';
import { PointsLoader } from './element/points-loader.js';
import { QuoteWiring } from './element/quote-wiring.js';
import { SearchSuggestions, type SearchState } from './element/search-suggestions.js';
import { ATTRIBUTES, DOM_ATTRIBUTES, PARCEL_ATTRIBUTES, parseConfig, resolveSettings, type Settings } from './element/settings.js';
import { SPEC, litAttributeProperties, type ParcelAttribute, type SettingAttribute } from './element/settings-table.js';
import { MapView, type ViewChange } from './map/map-view.js';
import { TileLoader } from './points/tile-loader.js';
import { apiForSettings, WholeListApi } from './points/feed-source.js';
import {
  BRANCH_TYPES,
  isSelectable,
  type Branch,
  type BranchType,
  type FeedPoint,
  type Lang,
  type Origin,
  type Parcel,
  type Quote,
  type SearchSuggestion,
  type SortOrder,
  type WidgetConfig,
} from './model/index.js';
import { renderDetails } from './ui/details.js';
import { renderFilterChips } from './ui/filter-chips.js';
import { renderMapPanel } from './ui/map-panel.js';
import { renderModalShell } from './ui/modal-shell.js';
import { renderPointList } from './ui/point-list.js';
import { renderPointRow } from './ui/point-row.js';
import { renderSearchCombobox } from './ui/search-combobox.js';
import { getMessages, resolveLang, type Messages } from './i18n/index.js';
import { fitCheck } from './core/fit.js';
import type { QuoteStats } from './quotes/scheduler.js';
import { loadQuoteLayer } from './quotes/layer-loader.js';
import { resolveParcel } from './element/parcel-input.js';
import { listRows, pointView } from './ui/quote-view.js';
import { controlStyles, detailStyles, layoutStyles, leafletStyles, listStyles, mapStyles, modalStyles, tokens } from './ui/styles.js';
import { VERSION } from './version.js';

const PAGE = 50;
const LIST_DEBOUNCE_MS = 200;

type Facets = PointsResult['facets'];

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
 * @csspart search - The search combobox input.
 * @csspart filters - The filter chips group.
 * @csspart list - The listbox of points.
 * @csspart item - One point in the list.
 * @csspart map - The map region.
 * @csspart details - The details panel of a point.
 * @csspart confirm - The confirm button.
 * @csspart trigger - The button that opens the modal (mode="modal").
 * @csspart quote - The region around the quote slot (hidden while the slot is empty).
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
    // Internal state.
    _settings: { state: true },
    _loadedConfig: { state: true },
    _filters: { state: true },
    _items: { state: true },
    _total: { state: true },
    _facets: { state: true },
    _listLoading: { state: true },
    _listError: { state: true },
    _limit: { state: true },
    _active: { state: true },
    _current: { state: true },
    _details: { state: true },
    _detailsLoading: { state: true },
    _committed: { state: true },
    _search: { state: true },
    _notice: { state: true },
    _announcement: { state: true },
    _mapError: { state: true },
    _fallback: { state: true },
    _sheetExpanded: { state: true },
    _dialogOpen: { state: true },
    _quoteFilled: { state: true },
    _ready: { state: true },
    _disabled: { state: true },
    _hoverId: { state: true },
    _qv: { state: true },
    _onlyFit: { state: true },
    _openOnArrival: { state: true },
    _sort: { state: true },
  };

  // Public attribute-backed properties: raw strings, validated into _settings.
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

  declare private _settings: Settings;
  declare private _loadedConfig: WidgetConfig | undefined;
  declare private _filters: FilterState;
  declare private _items: Branch[];
  declare private _total: number;
  declare private _facets: Facets;
  declare private _listLoading: boolean;
  declare private _listError: ApiError | undefined;
  declare private _limit: number;
  declare private _active: number;
  declare private _current: Branch | undefined;
  declare private _details: boolean;
  declare private _detailsLoading: boolean;
  declare private _committed: Branch | undefined;
  /** The search combobox (owned by `search`, stored here so changes re-render). */
  declare private _search: SearchState;
  declare private _notice: { text: string; warn: boolean } | undefined;
  declare private _announcement: string;
  declare private _mapError: boolean;
  declare private _fallback: boolean;
  declare private _sheetExpanded: boolean;
  declare private _dialogOpen: boolean;
  declare private _quoteFilled: boolean;
  declare private _ready: boolean;
  declare private _disabled: boolean;
  declare private _hoverId: string | undefined;
  /** Bumped on every quote update: re-renders rows and details. */
  declare private _qv: number;
  declare private _onlyFit: boolean | undefined;
  declare private _openOnArrival: boolean;
  declare private _sort: SortOrder | undefined;
  /** Effective parcel / origin / config (validated). */
  private parcelIn: Parcel | undefined;
  private originIn: Origin | undefined;
  private cfg: WidgetConfig | undefined;
  /** Tariffs: the scheduler, the on-demand layer and what is priced. */
  private tariffs = new QuoteWiring(this, {
    loadLayer: loadQuoteLayer,
    inputs: () => ({ parcel: this.parcelIn, origin: this.originIn, apiBase: this._settings.apiBase, carrierTimeoutMs: this.cfg?.carrierTimeoutMs }),
    targets: () => ({ rows: this.rows, details: this._details, current: this._current, committed: this._committed }),
    listRoot: () => this.renderRoot.querySelector<HTMLElement>('.scroll'),
    changed: () => {
      this._qv++;
    },
    report: (d) => this.report(d),
  });
  /** The rows of the last render, in display order (filters and sort applied). */
  private rows: Branch[] = [];
  private readonly internals: ElementInternals;
  private api = new ApiClient('');
  private unwatchList: (() => void) | undefined;
  private tiles = new TileLoader(this.api);
  private mapView: MapView | undefined;
  private view: ViewChange | undefined;
  private listCentre: { lat: number; lng: number } | undefined;
  private applied: Settings | undefined;
  private reportedIssues = new Set<string>();
  private pointCtrl: AbortController | undefined;
  private configCtrl: AbortController | undefined;
  private readyFired = false;
  private configFor: string | undefined;
  private configPending = false;
  private reducedMotion = false;
  private meMarker: { remove(): void } | undefined;
  /** The list's points request (abort, widening, the debounce after panning). */
  private points = new PointsLoader(this, {
    centre: () => this.listCentre ?? this.view?.center,
    fetch: (centre, widen, signal) => this.api.points(
      {
        ...queryFilters(this._settings, this._filters),
        bbox: this.view && this._settings.layout !== 'list' ? this.view.bbox : listArea(centre, widen),
        near: centre,
        limit: this._limit,
      },
      signal,
    ),
    widens: () => this._settings.layout === 'list',
    started: () => {
      this._listLoading = true;
      this._listError = undefined;
    },
    loaded: (res) => {
      this._items = res.items;
      this._total = res.total;
      this._facets = res.facets;
      this._active = this._current ? res.items.findIndex((b) => b.id === this._current!.id) : -1;
      this.say(this.t.found(res.total));
    },
    failed: (e) => {
      this._listError = e instanceof ApiError ? e : new ApiError('network', errorMessage(e));
      this.report({ code: errorCode(e), message: errorMessage(e) });
    },
    settled: () => {
      this._listLoading = false;
    },
  });
  private search = new SearchSuggestions(this, {
    search: (q, signal) => this.api.search(q, this.view?.center ?? this.listCentre, signal),
    changed: (s) => (this._search = s),
    picked: (s) => this.pickSuggestion(s),
  });

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.required = false;
    this._settings = resolveSettings({}).settings;
    this._filters = emptyFilters();
    this._items = [];
    this._total = 0;
    this._facets = undefined;
    this._listLoading = false;
    this._limit = PAGE;
    this._active = -1;
    this._details = false;
    this._detailsLoading = false;
    this._search = this.search.state;
    this._announcement = '';
    this._mapError = false;
    this._fallback = false;
    this._sheetExpanded = false;
    this._dialogOpen = false;
    this._quoteFilled = false;
    this._ready = false;
    this._disabled = false;
    this._qv = 0;
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
    return this._committed?.id ?? '';
  }
  /** The committed point, as in bp-change. */
  get branch(): Branch | undefined {
    return this._committed;
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

  /** Open the picker (modal mode). */
  async open(): Promise<void> {
    if (this._settings.mode !== 'modal') return;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this._dialogOpen = true;
    this.dispatchEvent(new BpOpenEvent());
    await this.updateComplete;
    this.ensureMap();
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
    const b = this._items.find((x) => x.id === id) ?? (await this.fetchPoint(id));
    if (!b) return false;
    this.showPoint(b, false);
    return this.commit(b);
  }

  /** Reload the map feed and the list (e.g. after the shop changed something server-side). */
  refresh(): void {
    this.tiles.clear();
    this._mapError = false;
    this.loadFeed();
    void this.loadList();
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

  /** A whole list (feed="nova-poshta") is indexed progressively: reload the view each time it grows. */
  private watchList(): void {
    this.unwatchList?.();
    this.unwatchList = this.api instanceof WholeListApi ? this.api.list.onGrow(() => this.refresh()) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchList?.();
    this.unwatchList = undefined;
    this.destroyMap();
    this.pointCtrl?.abort();
  }

  private get t(): Messages {
    return getMessages(this.langResolved);
  }

  /** Tariff counters (requests, cache hits...) for diagnostics and benchmarks; undefined without a parcel. */
  get quoteStats(): Readonly<QuoteStats> | undefined {
    const q = this.tariffs.scheduler;
    return q ? { ...q.stats } : undefined;
  }

  private get langResolved(): Lang {
    return this._settings.lang ?? resolveLang(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs: string[] = [...ATTRIBUTES.map(prop), ...PARCEL_ATTRIBUTES.map(prop), 'parcel', 'config', '_loadedConfig'];
    if (!this.hasUpdated || inputs.some((k) => changed.has(k as keyof BranchPicker)) || changed.size === 0) {
      this.recomputeSettings();
    }
    const s = this._settings;
    // The tile feed, or a whole list clustered in a worker (feed="nova-poshta"): same interface.
    const api = apiForSettings(this.api, s);
    if (api !== this.api) {
      this.api = api;
      this.tiles.setApi(this.api);
      this.watchList();
    }
    if (s.configId && !this.config && s.configId !== this.configFor) void this.loadConfig(s.configId);
    // Wait for a config-id's config before building the map: it may move the centre or change the layout.
    this._ready = !(s.configId && !this.config && this.configPending);
  }

  private recomputeSettings(): void {
    const attrs: Partial<Record<SettingAttribute, string | null>> = {};
    for (const a of ATTRIBUTES) {
      if (DOM_ATTRIBUTES.includes(a)) attrs[a] = this.getAttribute(a);
      else if (a === 'required') attrs.required = this.required ? '' : null;
      else {
        const v = (this as unknown as Record<string, unknown>)[prop(a)];
        attrs[a] = v == null ? null : String(v);
      }
    }
    const cfg = parseConfig(this.config ?? this._loadedConfig);
    if (cfg.issue) this.report({ code: 'invalid-config', message: cfg.issue.message, field: cfg.issue.field });
    const { settings, issues } = resolveSettings(attrs, cfg.config);
    const pAttrs: Partial<Record<ParcelAttribute, string | null>> = {};
    for (const a of PARCEL_ATTRIBUTES) {
      const v = a === 'origin' ? (typeof this.origin === 'string' ? this.origin : null) : (this as unknown as Record<string, unknown>)[prop(a)];
      pAttrs[a] = v == null ? null : String(v);
    }
    const p = resolveParcel({
      attrs: pAttrs,
      parcelProp: this.parcel,
      originProp: typeof this.origin === 'object' ? this.origin : undefined,
      configParcel: cfg.config?.parcel,
      configOrigin: cfg.config?.origin,
    });
    for (const issue of [...issues, ...p.issues]) this.report({ code: 'invalid-attribute', message: issue.message, field: issue.field });
    this._settings = settings;
    this.cfg = cfg.config;
    this.parcelIn = p.parcel;
    this.originIn = p.origin;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const s = this._settings;
    const prev = this.applied;
    this.applied = s;
    if (s.mode === 'modal') this.setAttribute('data-bp-mode', 'modal');
    else this.removeAttribute('data-bp-mode');
    this.applyTheme();
    if (prev && this.mapView && prev.tileUrl !== s.tileUrl) this.mapView.setTiles(s.tileUrl);
    if (prev && (prev.types.join() !== s.types.join() || prev.carriers.join() !== s.carriers.join())) this.refresh();
    if (s.selected && (!prev || prev.selected !== s.selected) && this._committed?.id !== s.selected) void this.preselect(s.selected);
    if (this._ready) this.ensureMap();
    this.tariffs.ensure();
    this.tariffs.observeRows();
    if (changed.has('_committed' as keyof BranchPicker) || changed.has('required') || !prev) this.syncForm();
    if (this._ready && !this.readyFired) {
      this.readyFired = true;
      this.dispatchEvent(new BpReadyEvent());
    }
  }

  private applyTheme(): void {
    const theme = (this.config ?? this._loadedConfig)?.theme;
    const set = (prop: string, v: string | undefined) => (v ? this.style.setProperty(prop, v) : this.style.removeProperty(prop));
    set('--bp-primary', theme?.primary);
    set('--bp-radius', theme?.radius !== undefined ? `${theme.radius}px` : undefined);
    set('--bp-font', theme?.font);
  }

  private async loadConfig(id: string): Promise<void> {
    this.configFor = id;
    this.configPending = true;
    this.configCtrl?.abort();
    const ctrl = new AbortController();
    this.configCtrl = ctrl;
    try {
      const raw = await this.api.config(id, ctrl.signal);
      const { config, issue } = parseConfig(raw);
      if (issue) this.report({ code: 'invalid-config', message: issue.message, field: issue.field });
      this._loadedConfig = config;
    } catch (e) {
      if (isAbort(e)) return;
      const notFound = e instanceof ApiError && e.code === 'not-found';
      this.report({
        code: notFound ? 'config-not-found' : errorCode(e),
        message: notFound ? `config "${id}" not found` : errorMessage(e),
        field: 'config-id',
      });
    } finally {
      if (this.configCtrl === ctrl) {
        this.configCtrl = undefined;
        this.configPending = false;
        this.requestUpdate();
      }
    }
  }

  // ---------------------------------------------------------------- map

  private ensureMap(): void {
    const s = this._settings;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    const wanted = s.layout !== 'list' && this.isConnected && !!container && (s.mode === 'inline' || this._dialogOpen);
    if (!wanted) {
      if (s.layout === 'list' || !container) this.destroyMap();
      if (s.layout === 'list' && !this.listCentre) {
        this.listCentre = this.view?.center ?? s.center;
        queueMicrotask(() => void this.loadList());
      }
      return;
    }
    if (this.mapView && this.mapView.container === container) return;
    this.destroyMap();
    const t = this.t;
    const start = this.view ? { center: this.view.center, zoom: this.view.zoom } : { center: this.listCentre ?? s.center, zoom: s.zoom };
    this.mapView = new MapView(container, {
      center: start.center,
      zoom: start.zoom,
      tileUrl: s.tileUrl,
      reducedMotion: this.reducedMotion,
      label: t.map,
      zoomTitles: t.zoomTitles,
      pointLabel: (p) => t.typeShort[p.type],
      clusterLabel: (c) => t.zoomInCluster(c.count),
      onViewChange: (v) => this.onViewChange(v),
      onPointClick: (id) => void this.openPoint(id),
      onPointHover: (id) => (this._hoverId = id),
      onFallback: (on, failed) => (this._fallback = on && failed),
    });
    if (this._current) this.mapView.setSelected(toFeedPoint(this._current));
    this.mapView.start();
  }

  private destroyMap(): void {
    this.tiles.abort();
    this.meMarker = undefined;
    this.mapView?.destroy();
    this.mapView = undefined;
  }

  private onViewChange(v: ViewChange): void {
    this.view = v;
    this.loadFeed();
    if (v.byUser) {
      this.points.request.debounce(() => {
        this.listCentre = v.center;
        this._limit = PAGE;
        void this.loadList();
      }, this.listCentre ? LIST_DEBOUNCE_MS : 0);
    }
  }

  private loadFeed(): void {
    const view = this.view;
    const mv = this.mapView;
    if (!view || !mv) return;
    const { types, carriers } = queryFilters(this._settings, this._filters);
    void this.tiles.load(view.bbox, view.zoom, { types, carriers }, (items) => mv.setItems(items)).then((err) => {
      if (!err) {
        this._mapError = false;
        return;
      }
      this._mapError = true;
      this.report({ code: errorCode(err), message: errorMessage(err) });
    });
  }

  // ---------------------------------------------------------------- list

  private loadList(): Promise<void> {
    return this.points.load();
  }

  private setFilters(next: FilterState): void {
    const typesChanged = next.types.join() !== this._filters.types.join();
    this._filters = next;
    this._limit = PAGE;
    if (typesChanged) this.loadFeed();
    void this.loadList();
  }

  // ---------------------------------------------------------------- selection

  private async fetchPoint(id: string): Promise<Branch | undefined> {
    this.pointCtrl?.abort();
    const ctrl = new AbortController();
    this.pointCtrl = ctrl;
    try {
      return await this.api.point(id, ctrl.signal);
    } catch (e) {
      if (!isAbort(e)) this.report({ code: errorCode(e), message: errorMessage(e) });
      return undefined;
    }
  }

  /** Highlight a point on the map and in the list; optionally open its details. */
  private showPoint(b: Branch, openDetails: boolean, revealZoom?: number): void {
    this._current = b;
    this._active = this._items.findIndex((x) => x.id === b.id);
    this.mapView?.setSelected(toFeedPoint(b));
    this.mapView?.reveal(b.lat, b.lng, revealZoom);
    if (this.tariffs.scheduler) this.tariffs.scheduleWant(0);
    if (openDetails) void this.openDetails();
    else void this.scrollActiveIntoView();
  }

  private async openPoint(id: string, revealZoom?: number): Promise<void> {
    const known = this._items.find((x) => x.id === id);
    if (known) {
      this.showPoint(known, true, revealZoom);
      return;
    }
    this._details = true;
    this._detailsLoading = true;
    this._sheetExpanded = true;
    const b = await this.fetchPoint(id);
    this._detailsLoading = false;
    if (b) this.showPoint(b, true, revealZoom);
    else this._details = false;
  }

  private async openDetails(): Promise<void> {
    this._details = true;
    this._sheetExpanded = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#bp-details-title')?.focus({ preventScroll: true });
  }

  private async closeDetails(): Promise<void> {
    this._details = false;
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
    const b = await this.fetchPoint(id);
    if (!b || this._committed?.id === b.id) return;
    this._committed = b;
    this._current = b;
    this.listCentre = { lat: b.lat, lng: b.lng };
    if (this.mapView) {
      this.mapView.setSelected(toFeedPoint(b));
      this.mapView.goTo(b.lat, b.lng, Math.max(this._settings.zoom, 14));
    } else if (!this.view) {
      this.view = undefined;
      void this.loadList();
    }
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
    return isSelectable(b) && (!this.parcelIn || fitCheck(this.parcelIn, b).fits);
  }

  private async commit(b: Branch): Promise<boolean> {
    if (!this.choosable(b)) return false;
    // Expired quotes of the selection are asked again; the choice never waits for a carrier.
    this.tariffs.scheduler?.refresh();
    const ok = this.dispatchEvent(new BpSelectEvent(this.selectionDetail(b)));
    if (!ok) return false;
    this._committed = b;
    await this.updateComplete;
    this.dispatchEvent(new BpChangeEvent(this.selectionDetail(b)));
    this.say(this.t.selectedAnnouncement(b.name));
    if (this._settings.mode === 'modal') this.close();
    return true;
  }

  private syncForm(): void {
    const name = this._settings.name;
    const id = this._committed?.id;
    if (id) {
      const data = new FormData();
      data.append(name, id);
      this.internals.setFormValue(data, id);
    } else this.internals.setFormValue(null);
    const anchor = this.renderRoot.querySelector<HTMLElement>('.trigger, input[role="combobox"], [role="listbox"].points') ?? undefined;
    if (this.required && !id) this.internals.setValidity({ valueMissing: true }, this.t.requiredMessage, anchor);
    else this.internals.setValidity({});
  }

  formResetCallback(): void {
    this._committed = undefined;
    this._current = undefined;
    this._details = false;
    this.mapView?.setSelected(undefined);
  }

  /** A disabled fieldset/form disables the picker (inert: no focus, no clicks). */
  formDisabledCallback(disabled: boolean): void {
    this._disabled = disabled;
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string' && state) void this.preselect(state);
  }

  // ---------------------------------------------------------------- search

  /** A suggestion was picked: a city moves the map (or the list), a point opens its details. */
  private pickSuggestion(s: SearchSuggestion): void {
    if (s.kind === 'city') {
      if (this.mapView) this.mapView.goTo(s.lat, s.lng, 13);
      else {
        this.listCentre = { lat: s.lat, lng: s.lng };
        this._limit = PAGE;
        void this.loadList();
      }
    } else {
      if (!this.mapView) this.listCentre = { lat: s.lat, lng: s.lng };
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
        if (this.mapView) {
          this.mapView.goTo(lat, lng, 14);
          this.meMarker?.remove();
          this.meMarker = this.mapView.showMe(lat, lng);
        } else {
          this.listCentre = { lat, lng };
          void this.loadList();
        }
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

  // ---------------------------------------------------------------- list keyboard

  private activeIndex(): number {
    const id = this._current?.id;
    return id ? this.rows.findIndex((b) => b.id === id) : -1;
  }

  private onListKey(e: KeyboardEvent): void {
    const n = this.rows.length;
    if (!n) return;
    let i = this.activeIndex();
    switch (e.key) {
      case 'ArrowDown': i = Math.min(n - 1, i + 1); break;
      case 'ArrowUp': i = Math.max(0, i - 1); break;
      case 'Home': i = 0; break;
      case 'End': i = n - 1; break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (i >= 0) void this.openDetails();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.showPoint(this.rows[i]!, false);
  }

  private onListFocus(): void {
    if (this.activeIndex() < 0 && this.rows.length) this.showPoint(this.rows[0]!, false);
  }

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

  protected override render(): TemplateResult {
    const s = this._settings;
    const live = html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>`;
    if (s.mode !== 'modal') return html`<div class="root" ?inert=${this._disabled}>${this.renderPicker()}</div>${live}`;
    return renderModalShell({
      t: this.t,
      committed: this._committed,
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
    this.destroyMap();
    this.dispatchEvent(new BpCloseEvent(!!this._committed));
    this.renderRoot.querySelector<HTMLElement>('.trigger')?.focus();
  };

  private renderPicker(): TemplateResult {
    const s = this._settings;
    const t = this.t;
    const side = this._details ? 'has-details' : '';
    const types = this.allowedTypes;
    return html`
      <div class="picker layout-${s.layout}">
        <div class="bar">
          ${renderSearchCombobox({
            t,
            state: this._search,
            onInput: this.search.onInput,
            onKey: this.search.onKey,
            onBlur: this.search.onBlur,
            onPick: this.search.pick,
            onLocate: () => this.locate(),
          })}
          ${renderFilterChips({
            t,
            filters: this._filters,
            facets: this._facets,
            allowed: types,
            parcel: !!this.parcelIn,
            onlyFit: this.onlyFit,
            openOnArrival: this._openOnArrival,
            onFilters: (next) => this.setFilters(next),
            onToggleOnlyFit: () => (this._onlyFit = !this.onlyFit),
            onToggleOpenOnArrival: () => (this._openOnArrival = !this._openOnArrival),
          })}
          ${this._notice ? html`<div class="notice ${this._notice.warn ? 'warn' : ''}">${this._notice.text}</div>` : nothing}
        </div>
        <div class="body">
          <div class="side ${side} ${this._sheetExpanded ? 'expanded' : ''}">
            ${s.layout === 'both' ? html`<button class="sheet-handle" type="button" aria-expanded=${this._sheetExpanded ? 'true' : 'false'}
              @click=${() => (this._sheetExpanded = !this._sheetExpanded)}>${this._sheetExpanded ? t.collapseList : t.expandList}</button>` : nothing}
            ${this._details ? this.renderDetailsPanel() : this.renderList()}
          </div>
          ${s.layout === 'list' ? nothing : renderMapPanel({
            t,
            types,
            error: this._mapError,
            fallback: this._fallback,
            onRetry: () => this.refresh(),
          })}
        </div>
      </div>`;
  }

  /** The types the shop allows (all when it did not restrict them). */
  private get allowedTypes(): readonly BranchType[] {
    return this._settings.types.length ? this._settings.types : BRANCH_TYPES;
  }

  private get onlyFit(): boolean {
    return this._onlyFit ?? this.cfg?.hideUnfit ?? false;
  }

  private get sortOrder(): SortOrder {
    return this._sort ?? this.cfg?.sort ?? 'nearest';
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const lang = this.langResolved;
    const now = new Date();
    const tariffs = this.tariffs;
    const stateOf = (b: Branch) => tariffs.stateOf(b);
    const items = listRows(this._items, {
      parcel: this.parcelIn,
      stateOf,
      onlyFit: this.onlyFit,
      openOnArrival: this._openOnArrival,
      order: this.sortOrder,
      weights: this.cfg?.sortWeights,
      from: this.listCentre ?? this.view?.center,
      now,
      tools: tariffs.layer,
    });
    this.rows = items;
    const active = this.activeIndex();
    const failing = new Set<string>();
    for (const b of items) {
      const st = stateOf(b);
      if (st?.state === 'unavailable' && (st.error.retryable || tariffs.originFailed.has(b.carrier))) failing.add(b.carrier);
    }
    const centre = this.listCentre ?? this.view?.center;
    return renderPointList({
      t,
      lang,
      rows: items,
      loaded: this._items.length,
      total: this._total,
      limit: this._limit,
      loading: this._listLoading,
      error: this._listError,
      active,
      failing: [...failing],
      sortable: !!this.parcelIn,
      sort: this.sortOrder,
      onSort: (o) => (this._sort = o),
      onRetry: () => void this.loadList(),
      onRetryCarrier: (c) => tariffs.retryCarrier(c),
      onShowMore: () => {
        this._limit += PAGE;
        void this.loadList();
      },
      onKey: this.onListKey,
      onFocus: this.onListFocus,
      row: (b, i) => renderPointRow({
        t,
        lang,
        branch: b,
        index: i,
        active: i === active,
        now,
        centre,
        view: pointView(b, this.parcelIn, stateOf(b), now, lang, tariffs.layer),
        priced: !!this.parcelIn,
        selected: this._current?.id === b.id,
        chosen: this._committed?.id === b.id,
        hover: this._hoverId === b.id,
        onClick: () => {
          this.showPoint(b, true);
        },
        onHover: (id) => this.mapView?.hover(id),
      }),
    });
  }

  private renderDetailsPanel(): TemplateResult {
    const b = this._current;
    if (this._detailsLoading || !b) {
      return html`<div class="details" part="details"><div class="state" role="status">${this.t.loadingPoints}</div></div>`;
    }
    const st = this.tariffs.stateOf(b);
    return renderDetails({
      branch: b,
      t: this.t,
      lang: this.langResolved,
      view: pointView(b, this.parcelIn, st, new Date(), this.langResolved, this.tariffs.layer),
      quote: st?.state === 'ready' ? st.quote : undefined,
      onRetry: st?.state === 'unavailable' ? () => st.retry() : undefined,
      chosen: this._committed?.id === b.id,
      quoteFilled: this._quoteFilled,
      now: new Date(),
      headingLevel: this._settings.mode === 'modal' ? 3 : 2,
      onBack: () => void this.closeDetails(),
      onConfirm: () => void this.commit(b),
      choosable: this.choosable(b),
      onQuoteSlotChange: (e) => {
        this._quoteFilled = (e.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
      },
    });
  }
}

function prop(a: SettingAttribute | ParcelAttribute): string {
  return SPEC[a].prop;
}

function toFeedPoint(b: Branch): FeedPoint {
  return { kind: 'point', id: b.id, carrier: b.carrier, type: b.type, status: b.status, lat: b.lat, lng: b.lng };
}

declare global {
  interface HTMLElementTagNameMap {
    'branch-picker': BranchPicker;
  }
}

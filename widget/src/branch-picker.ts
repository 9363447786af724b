// <branch-picker>: the buyer's widget. A map (server-clustered feed, keyed markers) and a
// list (nearest first) that follow each other, search with suggestions, filters, a details
// panel and a confirm step. Form-associated: submits the chosen point id under `name`.
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiClient, ApiError, isAbort, type PointsResult } from './api/client.js';
import { distanceM } from './core/geo.js';
import { todayStatus } from './core/hours.js';
import { emptyFilters, toggleOption, type FilterState } from './core/filters.js';
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
import { ATTRIBUTES, DOM_ATTRIBUTES, parseConfig, resolveSettings, type AttributeName, type Settings } from './element/settings.js';
import { MapView, type BBox, type ViewChange } from './map/map-view.js';
import { PointFeed } from './map/feed.js';
import { apiForSettings } from './map/feed-source.js';
import {
  BRANCH_TYPES,
  PAYMENT_METHODS,
  isSelectable,
  type Branch,
  type BranchType,
  type FeedPoint,
  type Lang,
  type Origin,
  type Parcel,
  type PaymentMethod,
  type Quote,
  type SearchSuggestion,
  type SortOrder,
  SORT_ORDERS,
  type WidgetConfig,
} from './model/index.js';
import { renderDetails } from './ui/details.js';
import { describeStatus, formatDistance } from './ui/format.js';
import { PAYMENT_GLYPHS, TYPE_GLYPHS, UI_GLYPHS } from './ui/glyphs.js';
import { icon } from './ui/icon.js';
import { getMessages, carrierName, resolveLang, type Messages } from './i18n/index.js';
import type { CarrierRegistry } from './carriers/registry.js';
import type { CarrierError } from './carriers/types.js';
import { fitCheck } from './core/fit.js';
import type { QuoteScheduler, QuoteState, QuoteStats } from './core/quotes.js';
import type { QuoteLayer } from './quotes/layer.js';
import { loadQuoteLayer } from './quotes/layer-loader.js';
import { PARCEL_ATTRIBUTES, resolveParcel, type ParcelAttribute } from './element/parcel-input.js';
import { listRows, pointView, type PointView } from './ui/quote-view.js';
import { controlStyles, detailStyles, layoutStyles, leafletStyles, listStyles, mapStyles, modalStyles, tokens } from './ui/styles.js';
import { VERSION } from './version.js';

const PAGE = 50;
const LIST_DEBOUNCE_MS = 200;
const SEARCH_DEBOUNCE_MS = 150;
/** list-only layout: the area searched around the centre, widened once when empty. */
const LIST_RADIUS_DEG = 0.12;

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
    apiBase: { attribute: 'api-base' },
    carriers: {},
    types: {},
    center: {},
    zoom: {},
    layout: {},
    mode: {},
    selected: {},
    name: {},
    tileUrl: { attribute: 'tile-url' },
    configId: { attribute: 'config-id' },
    required: { type: Boolean },
    config: { attribute: false },
    parcel: { attribute: false },
    origin: {},
    parcelWeight: { attribute: 'parcel-weight' },
    parcelSize: { attribute: 'parcel-size' },
    declaredValue: { attribute: 'declared-value' },
    cod: {},
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
    _query: { state: true },
    _suggestions: { state: true },
    _suggestOpen: { state: true },
    _suggestActive: { state: true },
    _searchFailed: { state: true },
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
  declare private _query: string;
  declare private _suggestions: SearchSuggestion[];
  declare private _suggestOpen: boolean;
  declare private _suggestActive: number;
  declare private _searchFailed: boolean;
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
  private quotes: QuoteScheduler | undefined;
  private registry: CarrierRegistry | undefined;
  private quotesFor = '';
  /** The tariff layer, loaded on demand the first time a parcel and an origin are set. */
  private layer: QuoteLayer | undefined;
  private layerLoading = false;
  private layerFailed = false;
  private parcelFor = '';
  /** Carriers whose origin lookup is running / failed (retry repeats it). */
  private originPending = new Set<string>();
  private originFailed = new Set<string>();
  private originCtrl: AbortController | undefined;
  private visible = new Set<string>();
  private io: IntersectionObserver | undefined;
  private wantTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The rows of the last render, in display order (filters and sort applied). */
  private rows: Branch[] = [];
  private readonly internals: ElementInternals;
  private api = new ApiClient('');
  private feed = new PointFeed(this.api);
  private mapView: MapView | undefined;
  private view: ViewChange | undefined;
  private listCentre: { lat: number; lng: number } | undefined;
  private applied: Settings | undefined;
  private reportedIssues = new Set<string>();
  private listCtrl: AbortController | undefined;
  private searchCtrl: AbortController | undefined;
  private pointCtrl: AbortController | undefined;
  private configCtrl: AbortController | undefined;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readyFired = false;
  private configFor: string | undefined;
  private configPending = false;
  private reducedMotion = false;
  private meMarker: { remove(): void } | undefined;

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
    this._query = '';
    this._suggestions = [];
    this._suggestOpen = false;
    this._suggestActive = -1;
    this._searchFailed = false;
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
    this.feed.clear();
    this._mapError = false;
    this.loadFeed();
    void this.loadList();
  }

  // ---------------------------------------------------------------- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    // Re-attached after a move: recreate the map on the next update.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
    this.listCtrl?.abort();
    this.searchCtrl?.abort();
    this.pointCtrl?.abort();
    clearTimeout(this.listTimer);
    clearTimeout(this.searchTimer);
    this.stopQuotes();
  }

  private get t(): Messages {
    return getMessages(this.langResolved);
  }

  /** Tariff counters (requests, cache hits...) for diagnostics and benchmarks; undefined without a parcel. */
  get quoteStats(): Readonly<QuoteStats> | undefined {
    return this.quotes ? { ...this.quotes.stats } : undefined;
  }

  private get langResolved(): Lang {
    return this._settings.lang ?? resolveLang(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs: string[] = [...ATTRIBUTES.map(attrProp), ...PARCEL_ATTRIBUTES.map(attrProp), 'parcel', 'config', '_loadedConfig'];
    if (!this.hasUpdated || inputs.some((k) => changed.has(k as keyof BranchPicker)) || changed.size === 0) {
      this.recomputeSettings();
    }
    const s = this._settings;
    // The tile feed, or a whole list clustered in a worker (feed="nova-poshta"): same interface.
    const api = apiForSettings(this.api, s);
    if (api !== this.api) {
      this.api = api;
      this.feed.setApi(this.api);
    }
    if (s.configId && !this.config && s.configId !== this.configFor) void this.loadConfig(s.configId);
    // Wait for a config-id's config before building the map: it may move the centre or change the layout.
    this._ready = !(s.configId && !this.config && this.configPending);
  }

  private recomputeSettings(): void {
    const attrs: Partial<Record<AttributeName, string | null>> = {};
    for (const a of ATTRIBUTES) {
      if (DOM_ATTRIBUTES.includes(a)) attrs[a] = this.getAttribute(a);
      else if (a === 'required') attrs.required = this.required ? '' : null;
      else {
        const v = (this as unknown as Record<string, unknown>)[attrProp(a)];
        attrs[a] = v == null ? null : String(v);
      }
    }
    const cfg = parseConfig(this.config ?? this._loadedConfig);
    if (cfg.issue) this.report({ code: 'invalid-config', message: cfg.issue.message, field: cfg.issue.field });
    const { settings, issues } = resolveSettings(attrs, cfg.config);
    const pAttrs: Partial<Record<ParcelAttribute, string | null>> = {};
    for (const a of PARCEL_ATTRIBUTES) {
      const v = a === 'origin' ? (typeof this.origin === 'string' ? this.origin : null) : (this as unknown as Record<string, unknown>)[attrProp(a)];
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
    this.ensureQuotes();
    this.observeRows();
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
    this.feed.abort();
    this.meMarker = undefined;
    this.mapView?.destroy();
    this.mapView = undefined;
  }

  private onViewChange(v: ViewChange): void {
    this.view = v;
    this.loadFeed();
    if (v.byUser) {
      clearTimeout(this.listTimer);
      this.listTimer = setTimeout(() => {
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
    const { types, carriers } = this.queryFilters();
    void this.feed.load(view.bbox, view.zoom, { types, carriers }, (items) => mv.setItems(items)).then((err) => {
      if (!err) {
        this._mapError = false;
        return;
      }
      this._mapError = true;
      this.report({ code: errorCode(err), message: errorMessage(err) });
    });
  }

  // ---------------------------------------------------------------- tariffs

  /** Create, update or stop the quote scheduler from the effective parcel / origin / API base. */
  private ensureQuotes(): void {
    const parcel = this.parcelIn;
    const origin = this.originIn;
    if (!parcel || !origin) {
      this.stopQuotes();
      return;
    }
    const layer = this.layer;
    if (!layer) {
      this.loadLayer();
      return;
    }
    const base = `${this._settings.apiBase}|${this.cfg?.carrierTimeoutMs ?? ''}`;
    const key = `${base}|${JSON.stringify(origin)}`;
    const parcelKey = JSON.stringify(parcel);
    // Called on every update: only real changes reach the scheduler (a new parcel re-keys everything).
    if (this.quotes && this.quotesFor.startsWith(`${base}|`)) {
      if (this.quotesFor !== key) {
        this.quotesFor = key;
        if (this.registry) void this.startQuotes(origin, this.quotes, this.registry, layer);
      }
      if (parcelKey !== this.parcelFor) {
        this.parcelFor = parcelKey;
        this.quotes.setParcel(parcel);
      }
      return;
    }
    this.stopQuotes();
    this.quotesFor = key;
    this.parcelFor = parcelKey;
    const registry = layer.createRegistry({ apiBase: this._settings.apiBase });
    const q = layer.createScheduler({
      carriers: registry, parcel, origin,
      ...(this.cfg?.carrierTimeoutMs ? { carrierTimeoutMs: this.cfg.carrierTimeoutMs } : {}),
      onUpdate: () => {
        this._qv++;
      },
    });
    this.quotes = q;
    this.registry = registry;
    void this.startQuotes(origin, q, registry, layer);
  }

  /** Fetch the tariff layer once; a failure (404, CSP, offline) shows the points as "unavailable, retry". */
  private loadLayer(): void {
    if (this.layerLoading || this.layerFailed) return;
    this.layerLoading = true;
    loadQuoteLayer().then(
      (layer) => {
        this.layer = layer;
        this.layerLoading = false;
        // Start at once so the rows go from skeleton to price without a blank frame.
        this.ensureQuotes();
        this._qv++;
      },
      (e: unknown) => {
        this.layerLoading = false;
        this.layerFailed = true;
        this._qv++;
        this.report({ code: 'network', message: `tariffs unavailable: ${errorMessage(e)}` });
      },
    );
  }

  private retryLayer(): void {
    if (!this.layerFailed) return;
    this.layerFailed = false;
    this._qv++;
    this.loadLayer();
  }

  /** Complete the origin (e.g. Nova Poshta city ref from "UA:Київ") before asking for anything. */
  // Carriers waiting for that lookup show "loading" and are not asked yet; the others start at once.
  private async startQuotes(origin: Origin, q: QuoteScheduler, registry: CarrierRegistry, layer: QuoteLayer): Promise<void> {
    this.originCtrl?.abort();
    const ctrl = new AbortController();
    this.originCtrl = ctrl;
    this.originPending = new Set(registry.list().filter((a) => a.originRequest?.(origin)).map((a) => a.id));
    this.originFailed.clear();
    this.scheduleWant(0);
    if (!this.originPending.size) return;
    try {
      const done = await layer.completeOrigin(registry, origin, (u, i) => fetch(u, i), ctrl.signal);
      if (ctrl.signal.aborted || this.quotes !== q) return;
      for (const e of done.errors) {
        console.warn(`[branch-picker] origin for ${e.carrier}: ${e.message}`);
        this.originFailed.add(e.carrier);
      }
      q.setOrigin(done.origin);
    } catch {
      if (ctrl.signal.aborted || this.quotes !== q) return;
    }
    this.originPending.clear();
    this._qv++;
    this.scheduleWant(0);
  }

  private stopQuotes(): void {
    this.originCtrl?.abort();
    this.quotes?.dispose();
    this.quotes = undefined;
    this.registry = undefined;
    this.quotesFor = '';
    clearTimeout(this.wantTimer);
    clearTimeout(this.expiryTimer);
  }

  /** Rows entering or leaving the list's viewport decide what is priced (plus the selection). */
  private observeRows(): void {
    const root = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!this.quotes || !root) {
      this.io?.disconnect();
      this.io = undefined;
      if (this.quotes) this.scheduleWant();
      return;
    }
    if (!this.io || this.io.root !== root) {
      this.io?.disconnect();
      this.visible.clear();
      this.io = new IntersectionObserver((entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset.id;
          if (!id) continue;
          if (e.isIntersecting) this.visible.add(id);
          else this.visible.delete(id);
        }
        this.scheduleWant();
      }, { root, rootMargin: '40px 0px' });
    }
    const io = this.io;
    for (const li of root.querySelectorAll<HTMLElement>('li.item')) {
      if (li.dataset.observed === '1') continue;
      li.dataset.observed = '1';
      io.observe(li);
    }
  }

  private scheduleWant(delay = 80): void {
    clearTimeout(this.wantTimer);
    this.wantTimer = setTimeout(() => this.wantNow(), delay);
  }

  /** Visible rows (in display order) and the selection; points the parcel cannot fit are never priced. */
  private wantNow(): void {
    const q = this.quotes;
    const parcel = this.parcelIn;
    if (!q || !parcel) return;
    const shown = this._details ? [] : this.rows.filter((b) => this.visible.has(b.id));
    const list = [...shown, ...[this._current, this._committed].filter((b): b is Branch => !!b)];
    q.want(list.filter((b) => !this.originPending.has(b.carrier) && fitCheck(parcel, b).fits));
    this.armExpiry();
  }

  /** Re-ask when the shown quote of the selection expires, so the details never show a stale price. */
  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    const st = this._current ? this.quotes?.stateOf(this._current.id) : undefined;
    if (st?.state !== 'ready') return;
    const ms = Date.parse(st.quote.expiresAt) - Date.now();
    this.expiryTimer = setTimeout(() => this.quotes?.refresh(), Math.max(1000, Math.min(ms + 50, 2 ** 31 - 1)));
  }

  private stateOf(b: Branch): QuoteState | undefined {
    if (!this.quotes) {
      if (!this.parcelIn || !this.originIn) return undefined;
      if (this.layerFailed) {
        const error = { kind: 'network', carrier: b.carrier, codes: [], message: 'tariffs unavailable', retryable: true } satisfies CarrierError;
        return { state: 'unavailable', error, retry: () => this.retryLayer() };
      }
      return this.layerLoading ? { state: 'loading' } : undefined;
    }
    return this.originPending.has(b.carrier) ? { state: 'loading' } : this.quotes.stateOf(b.id);
  }

  /** Retry every failed point of a carrier (one request per shared key), or its failed origin lookup. */
  private retryCarrier(carrier: string): void {
    if (this.originFailed.has(carrier) && this.quotes && this.originIn && this.registry && this.layer) {
      void this.startQuotes(this.originIn, this.quotes, this.registry, this.layer);
      return;
    }
    for (const b of this.rows) {
      if (b.carrier !== carrier) continue;
      const st = this.stateOf(b);
      if (st?.state === 'unavailable') st.retry();
    }
  }

  // ---------------------------------------------------------------- list

  private queryFilters() {
    const s = this._settings;
    const f = this._filters;
    const allowed = s.types.length ? s.types : [...BRANCH_TYPES];
    const types = f.types.length ? f.types.filter((x) => allowed.includes(x)) : s.types;
    return { types, carriers: s.carriers, payment: f.payment, openNow: f.openNow, weekends: f.weekends };
  }

  private listBBox(centre: { lat: number; lng: number }, widen: number): BBox {
    if (this.view && this._settings.layout !== 'list') return this.view.bbox;
    const d = LIST_RADIUS_DEG * widen;
    const k = Math.max(0.2, Math.cos((centre.lat * Math.PI) / 180));
    return [centre.lng - d / k, centre.lat - d, centre.lng + d / k, centre.lat + d];
  }

  private async loadList(widen = 1): Promise<void> {
    const centre = this.listCentre ?? this.view?.center;
    if (!centre) return;
    this.listCtrl?.abort();
    const ctrl = new AbortController();
    this.listCtrl = ctrl;
    this._listLoading = true;
    this._listError = undefined;
    try {
      const res = await this.api.points(
        { ...this.queryFilters(), bbox: this.listBBox(centre, widen), near: centre, limit: this._limit },
        ctrl.signal,
      );
      if (ctrl.signal.aborted) return;
      if (res.total === 0 && this._settings.layout === 'list' && widen < 8) {
        await this.loadList(widen * 4);
        return;
      }
      this._items = res.items;
      this._total = res.total;
      this._facets = res.facets;
      this._active = this._current ? res.items.findIndex((b) => b.id === this._current!.id) : -1;
      this.say(this.t.found(res.total));
    } catch (e) {
      if (isAbort(e) || ctrl.signal.aborted) return;
      this._listError = e instanceof ApiError ? e : new ApiError('network', errorMessage(e));
      this.report({ code: errorCode(e), message: errorMessage(e) });
    } finally {
      if (this.listCtrl === ctrl) this._listLoading = false;
    }
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
    if (this.quotes) this.scheduleWant(0);
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
    const own = this.stateOf(b);
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
    this.quotes?.refresh();
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

  private onSearchInput(e: Event): void {
    this._query = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.runSearch(), SEARCH_DEBOUNCE_MS);
  }

  private async runSearch(): Promise<void> {
    const q = this._query.trim();
    this.searchCtrl?.abort();
    if (q.length < 2) {
      this._suggestions = [];
      this._suggestOpen = false;
      return;
    }
    const ctrl = new AbortController();
    this.searchCtrl = ctrl;
    try {
      const items = await this.api.search(q, this.view?.center ?? this.listCentre, ctrl.signal);
      if (ctrl.signal.aborted) return;
      this._suggestions = items;
      this._searchFailed = false;
    } catch (e) {
      if (isAbort(e) || ctrl.signal.aborted) return;
      this._suggestions = [];
      this._searchFailed = true;
    }
    this._suggestActive = -1;
    this._suggestOpen = true;
  }

  private onSearchKey(e: KeyboardEvent): void {
    const n = this._suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this._suggestOpen) {
          if (n) this._suggestOpen = true;
          else void this.runSearch();
          return;
        }
        this._suggestActive = n ? (this._suggestActive + 1) % n : -1;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (this._suggestOpen && n) this._suggestActive = this._suggestActive <= 0 ? n - 1 : this._suggestActive - 1;
        break;
      case 'Enter': {
        const s = this._suggestOpen ? this._suggestions[this._suggestActive >= 0 ? this._suggestActive : 0] : undefined;
        if (s) {
          e.preventDefault();
          this.pickSuggestion(s);
        }
        break;
      }
      case 'Escape':
        // Keep the dialog open: Escape first closes the popup, then clears the box.
        if (this._suggestOpen || this._query) {
          e.preventDefault();
          e.stopPropagation();
          if (this._suggestOpen) this._suggestOpen = false;
          else this._query = '';
        }
        break;
    }
  }

  private pickSuggestion(s: SearchSuggestion): void {
    this._suggestOpen = false;
    this._query = s.label;
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
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      this.setNotice(t.geolocationUnavailable, true);
      return;
    }
    this.setNotice(t.locating, false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this._notice = undefined;
        const { latitude: lat, longitude: lng } = pos.coords;
        if (this.mapView) {
          this.mapView.goTo(lat, lng, 14);
          this.meMarker?.remove();
          this.meMarker = this.mapView.showMe(lat, lng);
        } else {
          this.listCentre = { lat, lng };
          void this.loadList();
        }
      },
      (err) => {
        const denied = err.code === err.PERMISSION_DENIED;
        this.setNotice(denied ? t.geolocationDenied : t.geolocationUnavailable, true);
        this.report({ code: 'geolocation', message: denied ? 'geolocation permission denied' : 'geolocation unavailable' }, false);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
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
    const t = this.t;
    const c = this._committed;
    return html`
      <button class="trigger" part="trigger" type="button" aria-haspopup="dialog" ?disabled=${this._disabled} @click=${() => void this.open()}>
        ${icon(UI_GLYPHS.pin)}
        <span class="t-main">
          ${c ? html`<span>${c.name}</span><span class="t-sub">${c.addressLine}</span>` : html`<span>${t.choosePoint}</span>`}
        </span>
        <span class="t-act">${c ? t.change : nothing}</span>
      </button>
      <dialog aria-labelledby="bp-dialog-title" @close=${this.onDialogClose}>
        <div class="dlg-head">
          <h2 id="bp-dialog-title">${t.dialogTitle}</h2>
          <button class="btn icon-only" type="button" aria-label=${t.close} @click=${() => this.close()}>${icon(UI_GLYPHS.close)}</button>
        </div>
        <div class="root">${this._dialogOpen ? this.renderPicker() : nothing}</div>
      </dialog>
      ${live}`;
  }

  private onDialogClose = (): void => {
    this._dialogOpen = false;
    this.destroyMap();
    this.dispatchEvent(new BpCloseEvent(!!this._committed));
    this.renderRoot.querySelector<HTMLElement>('.trigger')?.focus();
  };

  private renderPicker(): TemplateResult {
    const s = this._settings;
    const side = this._details ? 'has-details' : '';
    return html`
      <div class="picker layout-${s.layout}">
        <div class="bar">
          ${this.renderSearch()}
          ${this.renderFilters()}
          ${this._notice ? html`<div class="notice ${this._notice.warn ? 'warn' : ''}">${this._notice.text}</div>` : nothing}
        </div>
        <div class="body">
          <div class="side ${side} ${this._sheetExpanded ? 'expanded' : ''}">
            ${s.layout === 'both' ? html`<button class="sheet-handle" type="button" aria-expanded=${this._sheetExpanded ? 'true' : 'false'}
              @click=${() => (this._sheetExpanded = !this._sheetExpanded)}>${this._sheetExpanded ? this.t.collapseList : this.t.expandList}</button>` : nothing}
            ${this._details ? this.renderDetailsPanel() : this.renderList()}
          </div>
          ${s.layout === 'list' ? nothing : this.renderMap()}
        </div>
      </div>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.t;
    const open = this._suggestOpen;
    const active = this._suggestActive;
    return html`
      <div class="search-row">
        <div class="combo">
          ${icon(UI_GLYPHS.search)}
          <input
            part="search"
            type="text"
            role="combobox"
            aria-label=${t.search}
            aria-autocomplete="list"
            aria-controls="bp-suggest"
            aria-expanded=${open ? 'true' : 'false'}
            aria-activedescendant=${open && active >= 0 ? `bp-sug-${active}` : nothing}
            autocomplete="off"
            spellcheck="false"
            placeholder=${t.searchPlaceholder}
            .value=${this._query}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKey}
            @blur=${() => (this._suggestOpen = false)}
          />
          <ul id="bp-suggest" class="suggest" role="listbox" aria-label=${t.suggestions} ?hidden=${!open}>
            ${this._suggestions.map(
              (sg, i) => html`<li id="bp-sug-${i}" role="option" aria-selected=${i === active ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pickSuggestion(sg)}>
                <span class="s-icon">${icon(sg.kind === 'city' ? UI_GLYPHS.pin : TYPE_GLYPHS.pickup_point)}</span>
                <span><div class="s-main">${sg.label}</div>
                <div class="s-sub">${sg.kind === 'city' ? [sg.region, t.suggestionPoints(sg.count)].filter(Boolean).join(' · ') : sg.addressLine}</div></span>
              </li>`,
            )}
            ${open && !this._suggestions.length
              ? html`<li class="empty" role="presentation">${this._searchFailed ? t.apiError : t.nothingFound}</li>` : nothing}
          </ul>
        </div>
        <button class="btn icon-only" type="button" aria-label=${t.nearMe} title=${t.nearMe} @click=${this.locate}>${icon(UI_GLYPHS.locate)}</button>
      </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const f = this._filters;
    const fc = this._facets;
    const allowed: readonly BranchType[] = this._settings.types.length ? this._settings.types : BRANCH_TYPES;
    const count = (n: number | undefined) => (n === undefined ? nothing : html`<span class="count">${n}</span>`);
    const chip = (label: string, pressed: boolean, onClick: () => void, extra: unknown = nothing, n?: number) =>
      html`<button class="chip" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>${extra}${label}${count(n)}</button>`;
    return html`
      <div class="filters" part="filters" role="group" aria-label=${t.filters}>
        ${allowed.length > 1 ? allowed.map((ty) => chip(t.typesPlural[ty], f.types.includes(ty),
          () => this.setFilters(toggleOption(f, 'types', ty)), html`<span class="dot t-${ty}"></span>`, fc ? (fc.type[ty] ?? 0) : undefined)) : nothing}
        ${allowed.length > 1 ? html`<span class="sep"></span>` : nothing}
        ${chip(t.openNow, f.openNow, () => this.setFilters({ ...f, openNow: !f.openNow }), icon(UI_GLYPHS.clock))}
        ${chip(t.weekends, f.weekends, () => this.setFilters({ ...f, weekends: !f.weekends }))}
        <span class="sep"></span>
        ${PAYMENT_METHODS.map((m: PaymentMethod) => chip(t.paymentNames[m], f.payment.includes(m),
          () => this.setFilters(toggleOption(f, 'payment', m)), icon(PAYMENT_GLYPHS[m]), fc ? (fc.payment[m] ?? 0) : undefined))}
        ${this.parcelIn ? html`<span class="sep"></span>
          ${chip(t.onlyFit, this.onlyFit, () => (this._onlyFit = !this.onlyFit), icon(UI_GLYPHS.check))}
          ${chip(t.openOnArrival, this._openOnArrival, () => (this._openOnArrival = !this._openOnArrival), icon(UI_GLYPHS.clock))}` : nothing}
      </div>`;
  }

  private get onlyFit(): boolean {
    return this._onlyFit ?? this.cfg?.hideUnfit ?? false;
  }

  private get sortOrder(): SortOrder {
    return this._sort ?? this.cfg?.sort ?? 'nearest';
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const now = new Date();
    const items = listRows(this._items, {
      parcel: this.parcelIn,
      stateOf: (b) => this.stateOf(b),
      onlyFit: this.onlyFit,
      openOnArrival: this._openOnArrival,
      order: this.sortOrder,
      weights: this.cfg?.sortWeights,
      from: this.listCentre ?? this.view?.center,
      now,
      tools: this.layer,
    });
    this.rows = items;
    const active = this.activeIndex();
    const err = this._listError;
    const first = this._listLoading && !this._items.length && !err;
    const failing = new Set<string>();
    for (const b of items) {
      const st = this.stateOf(b);
      if (st?.state === 'unavailable' && (st.error.retryable || this.originFailed.has(b.carrier))) failing.add(b.carrier);
    }
    return html`
      <div class="list-head">
        <span>${first ? t.loadingPoints : err ? '' : t.found(this._total)}</span>
        ${this.parcelIn ? html`<label class="sort">${t.sortBy}
          <select @change=${(e: Event) => (this._sort = (e.target as HTMLSelectElement).value as SortOrder)}>
            ${SORT_ORDERS.map((o) => html`<option value=${o} ?selected=${o === this.sortOrder}>${t.sortNames[o]}</option>`)}
          </select></label>` : nothing}
      </div>
      ${this._listLoading ? html`<div class="progress" aria-hidden="true"></div>` : nothing}
      <div class="scroll">
        ${err ? html`<div class="state error">${icon(UI_GLYPHS.warn)}
            <div>${err.code === 'timeout' ? t.timeoutError : t.apiError}</div>
            <button class="btn" type="button" @click=${() => void this.loadList()}>${t.retry}</button></div>`
          : first ? html`<div aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<div class="skeleton"></div>`)}</div>`
          : !items.length && !this._listLoading ? html`<div class="state">${t.nothingHere}</div>`
          : nothing}
        <ul class="points" role="listbox" part="list" aria-label=${t.points} tabindex="0" ?hidden=${!!err || !items.length}
          aria-activedescendant=${active >= 0 ? `bp-opt-${active}` : nothing}
          aria-busy=${this._listLoading ? 'true' : 'false'}
          @keydown=${this.onListKey} @focus=${this.onListFocus}>
          ${items.map((b, i) => this.renderItem(b, i, active, now))}
        </ul>
        ${[...failing].map((c) => html`<div class="carrier-note" role="group" aria-label=${t.carrierUnavailable(carrierName(c, this.langResolved))}>
          ${icon(UI_GLYPHS.warn)}<span>${t.carrierUnavailable(carrierName(c, this.langResolved))}</span>
          <button class="btn small" type="button" @click=${() => this.retryCarrier(c)}>${t.retry}</button></div>`)}
        ${!err && items.length < this._total && items.length >= this._limit
          ? html`<div class="more"><button class="btn" type="button" @click=${() => { this._limit += PAGE; void this.loadList(); }}>${t.showMore}</button></div>`
          : nothing}
      </div>`;
  }

  private renderItem(b: Branch, i: number, active: number, now: Date): TemplateResult {
    const t = this.t;
    const lang = this.langResolved;
    const st = describeStatus(todayStatus(b, now), lang);
    const centre = this.listCentre ?? this.view?.center;
    const selected = this._current?.id === b.id;
    const v = pointView(b, this.parcelIn, this.stateOf(b), now, lang, this.layer);
    const dist = centre ? formatDistance(distanceM(centre, b), lang) : '';
    return html`
      <li id="bp-opt-${i}" role="option" part="item" data-id=${b.id}
        class="item ${i === active ? 'active' : ''} ${isSelectable(b) && v.fits ? '' : 'off'} ${v.fits ? '' : 'unfit'} ${this._hoverId === b.id ? 'hover' : ''}"
        aria-selected=${selected ? 'true' : 'false'} aria-disabled=${v.fits ? nothing : 'true'}
        @click=${() => { this.showPoint(b, true); }}
        @mouseenter=${() => this.mapView?.hover(b.id)} @mouseleave=${() => this.mapView?.hover(undefined)}>
        <span class="badge t-${b.type}" title=${t.typeShort[b.type]}>${icon(TYPE_GLYPHS[b.type])}</span>
        <span class="name">${b.name}</span>
        ${this.parcelIn ? this.renderPrice(v) : html`<span class="dist">${dist}</span>`}
        <span class="addr">${b.addressLine}</span>
        ${this.parcelIn ? html`<span class="when ${v.closedOnArrival ? 'warn' : ''}">${
          !v.fits ? v.unfit : v.quote === 'ready' ? (v.closedOnArrival ?? v.arrives) : v.quote === 'loading' ? html`<span class="sk w"></span>` : ''}</span>` : nothing}
        <span class="meta">
          <span class="sr-only">${t.typeShort[b.type]}.</span>
          <span class="status ${st.tone}">${st.text}</span>
          ${this.parcelIn && dist ? html`<span class="d">${dist}</span>` : nothing}
          <span class="pay">${b.payment.map((m) => icon(PAYMENT_GLYPHS[m], t.paymentNames[m]))}</span>
          ${this._committed?.id === b.id ? html`<span class="chosen-mark">${icon(UI_GLYPHS.check)}${t.selected}</span>` : nothing}
        </span>
      </li>`;
  }

  /** The price cell keeps its size in every state (no layout shift when prices arrive). */
  private renderPrice(v: PointView): TemplateResult {
    const t = this.t;
    if (!v.fits) return html`<span class="price muted">${t.doesNotFit}</span>`;
    switch (v.quote) {
      case 'ready':
        return html`<span class="price"><b>${v.price}</b><small>${v.days}</small></span>`;
      case 'loading':
        return html`<span class="price"><span class="sk"></span><span class="sk s"></span><span class="sr-only">${t.quoteLoading}</span></span>`;
      case 'unavailable':
        return html`<span class="price muted">${t.priceUnavailable}</span>`;
      default:
        return html`<span class="price"></span>`;
    }
  }

  private renderDetailsPanel(): TemplateResult {
    const b = this._current;
    if (this._detailsLoading || !b) {
      return html`<div class="details" part="details"><div class="state" role="status">${this.t.loadingPoints}</div></div>`;
    }
    const st = this.stateOf(b);
    return renderDetails({
      branch: b,
      t: this.t,
      lang: this.langResolved,
      view: pointView(b, this.parcelIn, st, new Date(), this.langResolved, this.layer),
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

  private renderMap(): TemplateResult {
    const t = this.t;
    const types: readonly BranchType[] = this._settings.types.length ? this._settings.types : BRANCH_TYPES;
    return html`
      <div class="map-wrap" part="map" role="region" aria-label=${t.map}>
        <div class="map"></div>
        ${this._mapError ? html`<div class="map-note error" role="alert">${t.mapPointsError}
          <button class="btn" type="button" @click=${() => this.refresh()}>${t.retry}</button></div>` : nothing}
        ${this._fallback && !this._mapError ? html`<div class="map-note">${t.fallbackMap}</div>` : nothing}
        <div class="legend" aria-hidden="true">${types.map((ty) => html`<span><i class="t-${ty}"></i>${t.typesPlural[ty]}</span>`)}</div>
      </div>`;
  }
}

function attrProp(a: string): string {
  return a.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function toFeedPoint(b: Branch): FeedPoint {
  return { kind: 'point', id: b.id, carrier: b.carrier, type: b.type, status: b.status, lat: b.lat, lng: b.lng };
}

function errorCode(e: unknown): ErrorDetail['code'] {
  return e instanceof ApiError ? e.code : 'network';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

declare global {
  interface HTMLElementTagNameMap {
    'branch-picker': BranchPicker;
  }
}

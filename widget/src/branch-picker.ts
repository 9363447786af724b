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
import { ATTRIBUTES, parseConfig, resolveSettings, type AttributeName, type Settings } from './element/settings.js';
import { MapView, type BBox, type ViewChange } from './map/map-view.js';
import { PointFeed } from './map/feed.js';
import {
  BRANCH_TYPES,
  PAYMENT_METHODS,
  isSelectable,
  type Branch,
  type BranchType,
  type FeedPoint,
  type Lang,
  type Parcel,
  type PaymentMethod,
  type Quote,
  type SearchSuggestion,
  type WidgetConfig,
} from './model/index.js';
import { renderDetails } from './ui/details.js';
import { describeStatus, formatDistance } from './ui/format.js';
import { PAYMENT_GLYPHS, TYPE_GLYPHS, UI_GLYPHS } from './ui/glyphs.js';
import { icon } from './ui/icon.js';
import { uiStrings, type UiStrings } from './ui/strings.js';
import { resolveLang } from './i18n/index.js';
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
  /** Quote of the selected point, passed through in bp-select / bp-change. */
  declare quote: Quote | undefined;

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
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
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
  }

  private get t(): UiStrings {
    return uiStrings(this.langResolved);
  }

  private get langResolved(): Lang {
    return this._settings.lang ?? resolveLang(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs: string[] = [...ATTRIBUTES.map(attrProp), 'config', '_loadedConfig'];
    if (!this.hasUpdated || inputs.some((k) => changed.has(k as keyof BranchPicker)) || changed.size === 0) {
      this.recomputeSettings();
    }
    const s = this._settings;
    if (this.api.base !== s.apiBase) {
      this.api = new ApiClient(s.apiBase);
      this.feed.setApi(this.api);
    }
    if (s.configId && !this.config && s.configId !== this.configFor) void this.loadConfig(s.configId);
    // Wait for a config-id's config before building the map: it may move the centre or change the layout.
    this._ready = !(s.configId && !this.config && this.configPending);
  }

  private recomputeSettings(): void {
    const attrs: Partial<Record<AttributeName, string | null>> = {};
    for (const a of ATTRIBUTES) {
      if (a === 'lang') attrs.lang = this.getAttribute('lang');
      else if (a === 'required') attrs.required = this.required ? '' : null;
      else {
        const v = (this as unknown as Record<string, unknown>)[attrProp(a)];
        attrs[a] = v == null ? null : String(v);
      }
    }
    const cfg = parseConfig(this.config ?? this._loadedConfig);
    if (cfg.issue) this.report({ code: 'invalid-config', message: cfg.issue.message, field: cfg.issue.field });
    const { settings, issues } = resolveSettings(attrs, cfg.config);
    for (const issue of issues) this.report({ code: 'invalid-attribute', message: issue.message, field: issue.field });
    this._settings = settings;
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
      pointLabel: (p) => t.types[p.type],
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
    const row = this._active >= 0 ? this.renderRoot.querySelector(`#bp-opt-${this._active}`) : null;
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
    if (this.quote && this.quote.pointId === b.id) d.quote = this.quote;
    return d;
  }

  private async commit(b: Branch): Promise<boolean> {
    if (!isSelectable(b)) return false;
    const ok = this.dispatchEvent(new BpSelectEvent(this.selectionDetail(b)));
    if (!ok) return false;
    this._committed = b;
    await this.updateComplete;
    this.dispatchEvent(new BpChangeEvent(this.selectionDetail(b)));
    this.say(this.t.selectedAnnounce(b.name));
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
    if (this.required && !id) this.internals.setValidity({ valueMissing: true }, this.t.required, anchor);
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
      this.setNotice(t.geoUnavailable, true);
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
        this.setNotice(denied ? t.geoDenied : t.geoUnavailable, true);
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

  private onListKey(e: KeyboardEvent): void {
    const n = this._items.length;
    if (!n) return;
    let i = this._active;
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
    this.showPoint(this._items[i]!, false);
  }

  private onListFocus(): void {
    if (this._active < 0 && this._items.length) this.showPoint(this._items[0]!, false);
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
              @click=${() => (this._sheetExpanded = !this._sheetExpanded)}>${this._sheetExpanded ? this.t.hideList : this.t.showList}</button>` : nothing}
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
        ${PAYMENT_METHODS.map((m: PaymentMethod) => chip(t.payment[m], f.payment.includes(m),
          () => this.setFilters(toggleOption(f, 'payment', m)), icon(PAYMENT_GLYPHS[m]), fc ? (fc.payment[m] ?? 0) : undefined))}
      </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const items = this._items;
    const err = this._listError;
    const first = this._listLoading && !items.length && !err;
    return html`
      <div class="list-head">
        <span>${first ? t.loading : err ? '' : t.found(this._total)}</span>
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
          aria-activedescendant=${this._active >= 0 ? `bp-opt-${this._active}` : nothing}
          aria-busy=${this._listLoading ? 'true' : 'false'}
          @keydown=${this.onListKey} @focus=${this.onListFocus}>
          ${items.map((b, i) => this.renderItem(b, i))}
        </ul>
        ${!err && items.length < this._total && items.length >= this._limit
          ? html`<div class="more"><button class="btn" type="button" @click=${() => { this._limit += PAGE; void this.loadList(); }}>${t.showMore}</button></div>`
          : nothing}
      </div>`;
  }

  private renderItem(b: Branch, i: number): TemplateResult {
    const t = this.t;
    const lang = this.langResolved;
    const st = describeStatus(todayStatus(b, new Date()), lang);
    const centre = this.listCentre ?? this.view?.center;
    const selected = this._current?.id === b.id;
    return html`
      <li id="bp-opt-${i}" role="option" part="item"
        class="item ${i === this._active ? 'active' : ''} ${isSelectable(b) ? '' : 'off'} ${this._hoverId === b.id ? 'hover' : ''}"
        aria-selected=${selected ? 'true' : 'false'}
        @click=${() => { this.showPoint(b, true); }}
        @mouseenter=${() => this.mapView?.hover(b.id)} @mouseleave=${() => this.mapView?.hover(undefined)}>
        <span class="badge t-${b.type}" title=${t.types[b.type]}>${icon(TYPE_GLYPHS[b.type])}</span>
        <span class="name">${b.name}</span>
        <span class="dist">${centre ? formatDistance(distanceM(centre, b), lang) : ''}</span>
        <span class="addr">${b.addressLine}</span>
        <span class="meta">
          <span class="sr-only">${t.types[b.type]}.</span>
          <span class="status ${st.tone}">${st.text}</span>
          <span class="pay">${b.payment.map((m) => icon(PAYMENT_GLYPHS[m], t.payment[m]))}</span>
          ${this._committed?.id === b.id ? html`<span class="chosen-mark">${icon(UI_GLYPHS.check)}${t.chosen}</span>` : nothing}
        </span>
      </li>`;
  }

  private renderDetailsPanel(): TemplateResult {
    const b = this._current;
    if (this._detailsLoading || !b) {
      return html`<div class="details" part="details"><div class="state" role="status">${this.t.loading}</div></div>`;
    }
    return renderDetails({
      branch: b,
      t: this.t,
      lang: this.langResolved,
      chosen: this._committed?.id === b.id,
      quoteFilled: this._quoteFilled,
      now: new Date(),
      headingLevel: this._settings.mode === 'modal' ? 3 : 2,
      onBack: () => void this.closeDetails(),
      onConfirm: () => void this.commit(b),
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

function attrProp(a: AttributeName): string {
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

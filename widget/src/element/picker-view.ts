// The picker's whole template: the frame (inline, or the modal shell), the list with its rows, the
// details panel and the order step. It reads only what the element derived in willUpdate
// (PickerView) and calls only the element's actions (PickerActions, bound once); it changes nothing.
import { html, nothing, type TemplateResult } from 'lit';
import type { FilterState } from '../core/filters.js';
import type { Messages } from '../i18n/index.js';
import type { Branch, BranchType, Lang, Parcel, Quote, SortOrder } from '../model/index.js';
import type { CreatedOrder, Recipient } from '../model/order.js';
import { renderDetails } from '../ui/details.js';
import { renderFilterChips } from '../ui/filter-chips.js';
import { renderMapPanel } from '../ui/map-panel.js';
import { renderModalShell } from '../ui/modal-shell.js';
import { renderPickerLayout } from '../ui/picker-layout.js';
import { renderPointList } from '../ui/point-list.js';
import { renderPointRow } from '../ui/point-row.js';
import type { PointView } from '../ui/quote-view.js';
import { renderSearchCombobox } from '../ui/search-combobox.js';
import type { Feedback } from './feedback.js';
import type { MapController } from './map-controller.js';
import type { OrderController } from './order-controller.js';
import type { PointListController } from './point-list.js';
import type { SearchSuggestions } from './search-suggestions.js';
import type { SelectionController } from './selection.js';
import type { Settings } from './settings.js';

/** The buyer's own view state, kept by the element (everything else lives in a controller). */
export interface ViewState {
  filters: FilterState;
  sheetExpanded: boolean;
  quoteFilled: boolean;
  /** A disabled fieldset or form around the element. */
  disabled: boolean;
  /** The point under the pointer on the map. */
  hoverId: string | undefined;
  /** The buyer's own choices; undefined: the saved config's. */
  onlyFit: boolean | undefined;
  sort: SortOrder | undefined;
  openOnArrival: boolean;
}

export interface PickerView {
  t: Messages;
  lang: Lang;
  settings: Settings;
  parcel: Parcel | undefined;
  now: Date;
  ui: ViewState;
  onlyFit: boolean;
  sort: SortOrder;
  /** The types the shop allows (all when it did not restrict them). */
  allowedTypes: readonly BranchType[];
  /** The list rows in display order (filters and sort applied), their views, the highlighted one (-1: none). */
  rows: readonly Branch[];
  rowViews: readonly PointView[];
  active: number;
  /** Carriers whose tariffs failed for the rows (the list offers a retry). */
  failing: readonly string[];
  /** The details panel's point (selection.current), derived; undefined while it loads. */
  shown: ShownPoint | undefined;
  dialogOpen: boolean;
  feedback: Pick<Feedback, 'announcement' | 'notice'>;
  list: Pick<PointListController, 'items' | 'total' | 'limit' | 'loading' | 'error' | 'facets' | 'from'>;
  selection: Pick<SelectionController, 'current' | 'committed' | 'details' | 'detailsLoading'>;
  orders: Pick<OrderController, 'open' | 'module' | 'resume'>;
  map: Pick<MapController, 'error' | 'fallback'>;
  search: Pick<SearchSuggestions, 'state' | 'onInput' | 'onKey' | 'onBlur' | 'pick'>;
  /** For the order step: what the shop passed, and the quote the choice was made with. */
  recipient: Recipient | undefined;
  orderNumber: string | undefined;
  committedQuote: Quote | undefined;
}

export interface ShownPoint {
  branch: Branch;
  view: PointView;
  quote: Quote | undefined;
  /** Ask the carrier again (its quote is unavailable). */
  retry: (() => void) | undefined;
  /** Open, and the parcel fits. */
  choosable: boolean;
}

export interface PickerActions {
  open(): void;
  close(): void;
  dialogClosed(): void;
  locate(): void;
  setFilters(next: FilterState): void;
  setUi(patch: Partial<ViewState>): void;
  retryMap(): void;
  retryList(): void;
  retryCarrier(carrier: string): void;
  more(): void;
  listKey(e: KeyboardEvent): void;
  listFocus(): void;
  openRow(b: Branch): void;
  hoverMarker(id: string | undefined): void;
  closeDetails(): void;
  confirm(b: Branch): void;
  orderDone(e: CustomEvent<CreatedOrder>): void;
  orderBack(): void;
  track(e: CustomEvent<unknown>): void;
}

export function renderPicker(v: PickerView, a: PickerActions): TemplateResult {
  const live = html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${v.feedback.announcement}</div>`;
  if (v.settings.mode !== 'modal') return html`<div class="root" ?inert=${v.ui.disabled}>${renderFrame(v, a)}</div>${live}`;
  return renderModalShell({
    t: v.t,
    committed: v.selection.committed,
    disabled: v.ui.disabled,
    picker: v.dialogOpen ? renderFrame(v, a) : nothing,
    live,
    onOpen: a.open,
    onClose: a.close,
    onDialogClose: a.dialogClosed,
  });
}

function renderFrame(v: PickerView, a: PickerActions): TemplateResult {
  const { t, ui, search, orders, selection } = v;
  return renderPickerLayout({
    t,
    layout: v.settings.layout,
    search: renderSearchCombobox({ t, state: search.state, onInput: search.onInput, onKey: search.onKey, onBlur: search.onBlur, onPick: search.pick, onLocate: a.locate }),
    filters: renderFilterChips({
      t,
      filters: ui.filters,
      facets: v.list.facets,
      allowed: v.allowedTypes,
      parcel: !!v.parcel,
      onlyFit: v.onlyFit,
      openOnArrival: ui.openOnArrival,
      onFilters: a.setFilters,
      onToggleOnlyFit: () => a.setUi({ onlyFit: !v.onlyFit }),
      onToggleOpenOnArrival: () => a.setUi({ openOnArrival: !ui.openOnArrival }),
    }),
    notice: v.feedback.notice,
    details: selection.details || orders.open,
    side: orders.open ? renderOrderStep(v, a) : selection.details ? renderDetailsPanel(v, a) : renderList(v, a),
    sheetExpanded: ui.sheetExpanded,
    onToggleSheet: () => a.setUi({ sheetExpanded: !ui.sheetExpanded }),
    map: v.settings.layout === 'list' ? undefined : renderMapPanel({ t, types: v.allowedTypes, error: v.map.error, fallback: v.map.fallback, onRetry: a.retryMap }),
  });
}

function renderList(v: PickerView, a: PickerActions): TemplateResult {
  const { t, lang, rows, list, now, parcel, active } = v;
  const { current, committed } = v.selection;
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
    failing: v.failing,
    sortable: !!parcel,
    sort: v.sort,
    onSort: (sort) => a.setUi({ sort }),
    onRetry: a.retryList,
    onRetryCarrier: a.retryCarrier,
    onShowMore: a.more,
    onKey: a.listKey,
    onFocus: a.listFocus,
    row: (b, i) => renderPointRow({
      t,
      lang,
      branch: b,
      index: i,
      active: i === active,
      now,
      centre: list.from,
      view: v.rowViews[i]!,
      priced: !!parcel,
      selected: current?.id === b.id,
      chosen: committed?.id === b.id,
      hover: v.ui.hoverId === b.id,
      onClick: () => a.openRow(b),
      onHover: a.hoverMarker,
    }),
  });
}

function renderDetailsPanel(v: PickerView, a: PickerActions): TemplateResult {
  const p = v.shown;
  if (!p) return waiting(v.t.loadingPoints);
  const b = p.branch;
  return renderDetails({
    branch: b,
    t: v.t,
    lang: v.lang,
    view: p.view,
    quote: p.quote,
    onRetry: p.retry,
    chosen: v.selection.committed?.id === b.id,
    quoteFilled: v.ui.quoteFilled,
    now: v.now,
    headingLevel: v.settings.mode === 'modal' ? 3 : 2,
    onBack: a.closeDetails,
    onConfirm: () => a.confirm(b),
    choosable: p.choosable,
    onQuoteSlotChange: (e) => a.setUi({ quoteFilled: (e.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0 }),
  });
}

function renderOrderStep(v: PickerView, a: PickerActions): TemplateResult {
  const { settings: s, orders } = v;
  if (!orders.module) return waiting(v.t.loading);
  // No origin: the order API prices from the widget's saved config (only the owner key may set one per order).
  return html`<bp-order-step part="order" .branch=${v.selection.committed} .quote=${v.committedQuote} .parcel=${v.parcel}
    .apiBase=${s.apiBase} .configId=${s.configId} .lang=${v.lang} .recipient=${v.recipient}
    .orderNumber=${v.orderNumber} .trackUrl=${s.trackUrl} .resume=${orders.resume}
    @bp-order-step-done=${a.orderDone} @bp-order-step-back=${a.orderBack} @bp-order-step-track=${a.track}></bp-order-step>`;
}

function waiting(text: string): TemplateResult {
  return html`<div class="details" part="details"><div class="state" role="status">${text}</div></div>`;
}

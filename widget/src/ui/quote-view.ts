// What a row and the details say about price, delivery time, fit and opening on arrival:
// a pure view model from (point, parcel, quote state, now), so the words are testable
// without a browser and the template only lays them out.
// Arrival checks and price/speed orders only mean something with quotes, so they ship with the
// on-demand tariff layer (quotes/layer.ts) and are passed in (QuoteTools); until it has loaded,
// rows show prices as loading and keep a plain distance order.
import { fitCheck, type FitReason } from '../core/fit.js';
import { sortByDistance, type LatLngLike } from '../core/geo.js';
import type { QuoteState } from '../quotes/scheduler.js';
import { formatDate, formatMoney, getMessages } from '../i18n/index.js';
import type { SortWeights } from '../core/sort.js';
import type { Branch, Lang, Parcel, Quote, SortOrder } from '../model/index.js';
import type { QuoteTools } from '../quotes/layer.js';

export interface PointView {
  /** False when the parcel cannot go to this point: greyed, not choosable, no quote requested. */
  fits: boolean;
  /** Why it does not fit (first reason), worded. */
  unfit?: string;
  quote: 'none' | 'loading' | 'ready' | 'unavailable';
  price?: string;
  days?: string;
  /** "Прибудет к пт, 14 нояб." */
  arrives?: string;
  /** Known only with a quote: undefined = unknown. */
  openOnArrival?: boolean;
  /** Warning when the point is closed on the arrival day. */
  closedOnArrival?: string;
}

export function fitReasonText(r: FitReason, type: Branch['type'], lang: Lang): string {
  const m = getMessages(lang);
  switch (r.kind) {
    case 'too_heavy':
      return m.fitTooHeavy(type, r.maxG / 1000);
    case 'too_large':
      return m.fitTooLarge(type, `${r.max.length}×${r.max.width}×${r.max.height}`);
    case 'value_too_high':
      return m.fitValueTooHigh(formatMoney(r.max.amount, r.max.currency, lang));
    case 'no_locker_cell':
      return m.fitNoCell;
  }
}

export function priceText(q: Pick<Quote, 'total' | 'currency'>, lang: Lang): string {
  return q.total === 0 ? getMessages(lang).free : formatMoney(q.total, q.currency, lang);
}

export function daysText(q: Pick<Quote, 'deliveryDays'>, lang: Lang): string {
  const m = getMessages(lang);
  const { min, max } = q.deliveryDays;
  return max === 0 ? m.today : m.deliveryDays(Math.min(min, max), max);
}

export function pointView(
  b: Branch, parcel: Parcel | undefined, state: QuoteState | undefined, now: Date, lang: Lang, tools: QuoteTools | undefined,
): PointView {
  if (!parcel) return { fits: true, quote: 'none' };
  const fit = fitCheck(parcel, b);
  if (!fit.fits) return { fits: false, unfit: fitReasonText(fit.reasons[0]!, b.type, lang), quote: 'none' };
  if (!state) return { fits: true, quote: 'none' };
  if (state.state !== 'ready') return { fits: true, quote: state.state };
  // A ready quote comes from the layer, so the tools are there; "loading" if ever not.
  if (!tools) return { fits: true, quote: 'loading' };
  const q = state.quote;
  const m = getMessages(lang);
  const arrival = tools.arrivalCheck(b, q, now);
  const view: PointView = {
    fits: true,
    quote: 'ready',
    price: priceText(q, lang),
    days: daysText(q, lang),
    arrives: m.arrivesBy(formatDate(arrival.arrivalDate, lang, 'short')),
    openOnArrival: arrival.openOnArrival,
  };
  // A closed point says so already (its status); the arrival warning is for open points with closed days.
  if (!arrival.openOnArrival && b.status === 'open') {
    view.closedOnArrival = m.closedOnArrivalDay(
      formatDate(arrival.arrivalDate, lang, 'short'),
      arrival.firstOpenDate ? formatDate(arrival.firstOpenDate, lang, 'short') : undefined,
    );
  }
  return view;
}

export interface RowOptions {
  parcel: Parcel | undefined;
  stateOf: (b: Branch) => QuoteState | undefined;
  onlyFit: boolean;
  openOnArrival: boolean;
  order: SortOrder;
  weights?: SortWeights | undefined;
  from?: LatLngLike | undefined;
  now: Date;
  /** Undefined until the tariff layer has loaded. */
  tools: QuoteTools | undefined;
}

function readyQuote(s: QuoteState | undefined): Quote | undefined {
  return s?.state === 'ready' ? s.quote : undefined;
}

/**
 * The rows the list shows: the loaded points (nearest first, as the API sends them), minus the
 * ones the buyer filtered out (does not fit / closed on arrival), in the chosen order. Points
 * without a quote are never dropped by the arrival filter (unknown is not "closed") and sort last.
 */
export function listRows(items: readonly Branch[], o: RowOptions): Branch[] {
  let rows = items;
  const tools = o.tools;
  if (o.parcel && o.onlyFit) rows = rows.filter((b) => fitCheck(o.parcel!, b).fits);
  // Without the layer there is no ready quote, so nothing is known to be closed on arrival.
  if (o.parcel && o.openOnArrival && tools) {
    rows = rows.filter((b) => {
      const q = readyQuote(o.stateOf(b));
      return !q || tools.arrivalCheck(b, q, o.now).openOnArrival;
    });
  }
  if (o.order === 'nearest' || !o.parcel) return [...rows];
  // No quotes yet: every point is unquoted, and sortPoints puts those by distance.
  if (!tools) return o.from ? sortByDistance(rows, o.from) : [...rows];
  return tools.sortPoints(rows.map((branch) => ({ branch, quote: readyQuote(o.stateOf(branch)) })), o.order, {
    weights: o.weights, from: o.from,
  }).map((r) => r.branch);
}

// List orders: nearest, cheapest, fastest and a weighted "best". Points without a quote (still loading,
// unavailable) go after the quoted ones for price/speed orders, by distance: they never disappear.
import type { Branch, Quote, SortOrder, WidgetConfig } from '../model/index.js';
import { CONFIG_DEFAULTS } from '../model/config-defaults.js';
import { distanceM, type LatLngLike } from './geo.js';

export type SortWeights = NonNullable<WidgetConfig['sortWeights']>;
export const DEFAULT_SORT_WEIGHTS: SortWeights = CONFIG_DEFAULTS.sortWeights;

export interface SortItem {
  branch: Pick<Branch, 'id' | 'lat' | 'lng'>;
  quote?: Pick<Quote, 'total' | 'currency' | 'deliveryDays'> | undefined;
  /** Metres from the buyer; computed from `options.from` when absent. */
  distanceM?: number | undefined;
}

export interface SortOptions {
  weights?: SortWeights | undefined;
  /** Where distances are measured from (the buyer / the map centre). */
  from?: LatLngLike | undefined;
}

interface Row<T> {
  item: T;
  d: number;
  index: number;
}

/** Missing distances sort last. */
function distanceOf(item: SortItem, from: LatLngLike | undefined): number {
  if (item.distanceM !== undefined) return item.distanceM;
  return from ? distanceM(from, item.branch) : Infinity;
}

/** Numeric compare that treats Infinity - Infinity as equal (NaN would break the sort). */
function cmp(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

const byDistance = <T extends SortItem>(a: Row<T>, b: Row<T>): number =>
  cmp(a.d, b.d) || a.item.branch.id.localeCompare(b.item.branch.id) || a.index - b.index;

/** Speed: the promised maximum first, then the minimum. */
function speedOf(q: NonNullable<SortItem['quote']>): number {
  return q.deliveryDays.max * 1000 + q.deliveryDays.min;
}

/** (x - min) / (max - min) over a set; 0 when all are equal. */
function normaliser(values: readonly number[]): (v: number) => number {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min;
  return (v) => (!Number.isFinite(v) ? 1 : span > 0 ? (v - min) / span : 0);
}

/** Returns a new array; the input is not modified. Stable for equal keys (point id, then input order). */
export function sortPoints<T extends SortItem>(items: readonly T[], order: SortOrder, options: SortOptions = {}): T[] {
  const rows: Array<Row<T>> = items.map((item, index) => ({ item, d: distanceOf(item, options.from), index }));
  if (order === 'nearest') return rows.sort(byDistance).map((r) => r.item);

  const quoted = rows.filter((r) => r.item.quote);
  const rest = rows.filter((r) => !r.item.quote).sort(byDistance);

  if (order === 'cheapest') {
    // Amounts in different currencies are not comparable without a rate: group by currency.
    quoted.sort((a, b) => {
      const qa = a.item.quote!;
      const qb = b.item.quote!;
      return qa.currency.localeCompare(qb.currency) || qa.total - qb.total || byDistance(a, b);
    });
  } else if (order === 'fastest') {
    quoted.sort((a, b) => speedOf(a.item.quote!) - speedOf(b.item.quote!) || a.item.quote!.total - b.item.quote!.total || byDistance(a, b));
  } else {
    const w = options.weights ?? DEFAULT_SORT_WEIGHTS;
    const sum = w.distance + w.price + w.speed || 1;
    const nd = normaliser(quoted.map((r) => r.d));
    const ns = normaliser(quoted.map((r) => speedOf(r.item.quote!)));
    // Prices are normalised within their currency.
    const byCurrency = new Map<string, (v: number) => number>();
    for (const cur of new Set(quoted.map((r) => r.item.quote!.currency))) {
      byCurrency.set(cur, normaliser(quoted.filter((r) => r.item.quote!.currency === cur).map((r) => r.item.quote!.total)));
    }
    const score = new Map<Row<T>, number>();
    for (const r of quoted) {
      const q = r.item.quote!;
      const np = byCurrency.get(q.currency)!(q.total);
      score.set(r, (w.distance * nd(r.d) + w.price * np + w.speed * ns(speedOf(q))) / sum);
    }
    quoted.sort((a, b) => score.get(a)! - score.get(b)! || byDistance(a, b));
  }
  return [...quoted, ...rest].map((r) => r.item);
}

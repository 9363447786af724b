// Client-side filters and faceted counts.
// Options within one facet are OR-ed (post office OR parcel locker), facets are AND-ed.
// An empty option list means "no restriction". Counts are disjunctive, as in faceted search:
// the count next to an option is the number of points having that option with every OTHER
// facet applied, so it does not change when options of its own facet are toggled.
import {
  BRANCH_TYPES, PAYMENT_METHODS,
  type Branch, type BranchType, type PaymentMethod,
} from '../model/index.js';
import { isOpenAt, worksOnWeekends } from './hours.js';

export interface FilterState {
  types: BranchType[];
  payment: PaymentMethod[];
  openNow: boolean;
  weekends: boolean;
  carriers?: string[];
}

export type FilterableBranch = Pick<
  Branch, 'type' | 'payment' | 'carrier' | 'hours' | 'exceptions' | 'timeZone' | 'status'
>;

export interface FacetCounts {
  /** Points matching the current state. */
  total: number;
  /** Per option: points having that option, all other facets applied. */
  types: Record<BranchType, number>;
  payment: Record<PaymentMethod, number>;
  /** Keyed by carrier id; every carrier present in the input appears. */
  carriers: Record<string, number>;
  /** The count with "open now" switched on. */
  openNow: number;
  /** The count with "works on weekends" switched on. */
  weekends: number;
}

export function emptyFilters(): FilterState {
  return { types: [], payment: [], openNow: false, weekends: false };
}

export function isEmptyFilters(s: FilterState): boolean {
  return s.types.length === 0 && s.payment.length === 0 && !s.openNow && !s.weekends && !s.carriers?.length;
}

/** Adds the option when absent, removes it when present (returns a new state). */
export function toggleOption<K extends 'types' | 'payment' | 'carriers'>(
  s: FilterState, facet: K, option: NonNullable<FilterState[K]>[number],
): FilterState {
  const current = (s[facet] ?? []) as string[];
  const next = current.includes(option) ? current.filter((o) => o !== option) : [...current, option];
  return { ...s, [facet]: next };
}

function okType(b: FilterableBranch, s: FilterState): boolean {
  return s.types.length === 0 || s.types.includes(b.type);
}

function okPayment(b: FilterableBranch, s: FilterState): boolean {
  if (s.payment.length === 0) return true;
  for (const p of b.payment) if (s.payment.includes(p)) return true;
  return false;
}

function okCarrier(b: FilterableBranch, s: FilterState): boolean {
  return !s.carriers || s.carriers.length === 0 || s.carriers.includes(b.carrier);
}

export function matchesFilters(b: FilterableBranch, s: FilterState, at: Date): boolean {
  return okType(b, s) && okPayment(b, s) && okCarrier(b, s)
    && (!s.weekends || worksOnWeekends(b))
    && (!s.openNow || isOpenAt(b, at));
}

export function applyFilters<T extends FilterableBranch>(branches: readonly T[], s: FilterState, at: Date): T[] {
  if (isEmptyFilters(s)) return branches.slice();
  return branches.filter((b) => matchesFilters(b, s, at));
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  const r = {} as Record<K, number>;
  for (const k of keys) r[k] = 0;
  return r;
}

/** One pass: each point is tested once per facet, "open now" only when it could change a count. */
export function countFacets(branches: readonly FilterableBranch[], s: FilterState, at: Date): FacetCounts {
  const counts: FacetCounts = {
    total: 0,
    types: zeroes(BRANCH_TYPES),
    payment: zeroes(PAYMENT_METHODS),
    carriers: {},
    openNow: 0,
    weekends: 0,
  };
  for (const b of branches) {
    if (!Object.hasOwn(counts.carriers, b.carrier)) counts.carriers[b.carrier] = 0;
    const t = okType(b, s);
    const p = okPayment(b, s);
    const c = okCarrier(b, s);
    const wk = worksOnWeekends(b);
    const w = !s.weekends || wk;
    const othersOfOpen = t && p && c && w;
    // isOpenAt is the costly test: skip it when no count depends on it.
    const needOpen = s.openNow || othersOfOpen;
    const open = needOpen ? isOpenAt(b, at) : false;
    const o = !s.openNow || open;

    if (t && p && c && w && o) counts.total++;
    if (p && c && w && o) counts.types[b.type]++;
    if (t && c && w && o) {
      // Indexed loop, no Set: counting runs over every point on each toggle.
      for (let i = 0; i < b.payment.length; i++) {
        const m = b.payment[i] as PaymentMethod;
        if (b.payment.indexOf(m) === i) counts.payment[m]++;
      }
    }
    if (t && p && w && o) counts.carriers[b.carrier] = (counts.carriers[b.carrier] ?? 0) + 1;
    if (othersOfOpen && open) counts.openNow++;
    if (t && p && c && o && wk) counts.weekends++;
  }
  return counts;
}

import { describe, expect, it } from 'vitest';
import type { BranchType, DayHours, PaymentMethod } from '../model/index.js';
import {
  applyFilters, countFacets, emptyFilters, isEmptyFilters, toggleOption,
  type FilterableBranch, type FilterState,
} from './filters.js';

const weekdays: DayHours[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00', breaks: [] }));
const everyDay: DayHours[] = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '08:00', close: '22:00', breaks: [] }));
const nights: DayHours[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '00:00', close: '06:00', breaks: [] }));

interface P extends FilterableBranch { id: string }
function p(id: string, type: BranchType, payment: PaymentMethod[], hours: DayHours[], carrier = 'russian-post'): P {
  return { id, type, payment, hours, carrier, exceptions: [], timeZone: 'Europe/Moscow', status: 'open' };
}

const points: P[] = [
  p('a', 'post_office', ['card', 'cash'], weekdays),
  p('b', 'post_office', ['cash'], everyDay),
  p('c', 'parcel_locker', ['card'], everyDay),
  p('d', 'parcel_locker', ['card'], nights, 'nova-poshta'),
  p('e', 'pickup_point', ['cash', 'cod'], weekdays, 'nova-poshta'),
  { ...p('f', 'pickup_point', ['card'], everyDay), status: 'temporarily_closed' },
];
const monNoon = new Date('2026-03-02T12:00:00+03:00');
const ids = (list: P[]) => list.map((x) => x.id);
const state = (over: Partial<FilterState>): FilterState => ({ ...emptyFilters(), ...over });

describe('applyFilters', () => {
  it('empty filters keep everything (as a copy)', () => {
    const out = applyFilters(points, emptyFilters(), monNoon);
    expect(ids(out)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(out).not.toBe(points);
  });
  it('ORs options within a facet and ANDs facets', () => {
    expect(ids(applyFilters(points, state({ types: ['parcel_locker', 'pickup_point'] }), monNoon))).toEqual(['c', 'd', 'e', 'f']);
    expect(ids(applyFilters(points, state({ payment: ['cod', 'cash'] }), monNoon))).toEqual(['a', 'b', 'e']);
    expect(ids(applyFilters(points, state({ types: ['post_office'], payment: ['card'] }), monNoon))).toEqual(['a']);
    expect(ids(applyFilters(points, state({ carriers: ['nova-poshta'] }), monNoon))).toEqual(['d', 'e']);
  });
  it('filters by open now (status and hours) and weekend work', () => {
    expect(ids(applyFilters(points, state({ openNow: true }), monNoon))).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(applyFilters(points, state({ openNow: true }), new Date('2026-03-02T03:00:00+03:00')))).toEqual(['d']);
    expect(ids(applyFilters(points, state({ weekends: true }), monNoon))).toEqual(['b', 'c', 'f']);
  });
});

describe('countFacets', () => {
  it('with no filters, option counts are plain tallies that add up to the total', () => {
    const f = countFacets(points, emptyFilters(), monNoon);
    expect(f.total).toBe(6);
    expect(f.types).toEqual({ post_office: 2, pickup_point: 2, parcel_locker: 2 });
    expect(f.payment).toEqual({ card: 4, cash: 3, cod: 1 });
    expect(f.carriers).toEqual({ 'russian-post': 4, 'nova-poshta': 2 });
    expect(f.openNow).toBe(4);
    expect(f.weekends).toBe(3);
  });
  it('counts of a facet ignore that facet\'s own selection but honour the others', () => {
    const s = state({ types: ['parcel_locker'], payment: ['card'] });
    const f = countFacets(points, s, monNoon);
    expect(f.total).toBe(applyFilters(points, s, monNoon).length);
    expect(f.total).toBe(2);
    // Types counted among card-accepting points: a (office), c, d (lockers), f (pickup).
    expect(f.types).toEqual({ post_office: 1, pickup_point: 1, parcel_locker: 2 });
    // Payment counted among lockers: c and d take cards only.
    expect(f.payment).toEqual({ card: 2, cash: 0, cod: 0 });
    expect(f.openNow).toBe(1); // c; d works at night
    expect(f.weekends).toBe(1); // c
  });
  it('each option count equals the result of selecting only that option', () => {
    const base = state({ openNow: true });
    const f = countFacets(points, base, monNoon);
    for (const t of ['post_office', 'pickup_point', 'parcel_locker'] as const) {
      expect(f.types[t]).toBe(applyFilters(points, { ...base, types: [t] }, monNoon).length);
    }
    for (const m of ['card', 'cash', 'cod'] as const) {
      expect(f.payment[m]).toBe(applyFilters(points, { ...base, payment: [m] }, monNoon).length);
    }
    expect(f.weekends).toBe(applyFilters(points, { ...base, weekends: true }, monNoon).length);
    expect(f.openNow).toBe(f.total);
  });
  it('counts carriers even when they drop to zero, and tolerates odd carrier slugs', () => {
    const f = countFacets([...points, p('g', 'post_office', ['cash'], weekdays, 'constructor')], state({ payment: ['cod'] }), monNoon);
    expect(f.carriers).toEqual({ 'russian-post': 0, 'nova-poshta': 1, constructor: 0 });
  });
});

describe('filter state helpers', () => {
  it('toggles options immutably and knows an empty state', () => {
    const s1 = toggleOption(emptyFilters(), 'types', 'parcel_locker');
    expect(s1.types).toEqual(['parcel_locker']);
    expect(isEmptyFilters(s1)).toBe(false);
    const s2 = toggleOption(s1, 'types', 'parcel_locker');
    expect(s2.types).toEqual([]);
    expect(s1.types).toEqual(['parcel_locker']);
    expect(isEmptyFilters(s2)).toBe(true);
    expect(toggleOption(emptyFilters(), 'carriers', 'nova-poshta').carriers).toEqual(['nova-poshta']);
  });
});

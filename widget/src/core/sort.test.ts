import { describe, expect, it } from 'vitest';
import { sortPoints, type SortItem } from './sort.js';

function item(id: string, d: number | undefined, total?: number, days?: [number, number], currency = 'RUB'): SortItem {
  return {
    branch: { id, lat: 0, lng: 0 },
    distanceM: d,
    quote: total === undefined ? undefined : { total, currency, deliveryDays: { min: days?.[0] ?? 2, max: days?.[1] ?? 3 } },
  };
}

const ids = (xs: SortItem[]) => xs.map((x) => x.branch.id);

describe('sortPoints', () => {
  const set = [
    item('far-cheap', 5000, 20_000, [4, 6]),
    item('near-dear', 100, 50_000, [2, 3]),
    item('mid-fast', 1000, 35_000, [1, 1]),
    item('loading', 50),
    item('unavailable', 3000),
  ];

  it('nearest ignores quotes', () => {
    expect(ids(sortPoints(set, 'nearest'))).toEqual(['loading', 'near-dear', 'mid-fast', 'unavailable', 'far-cheap']);
  });

  it('cheapest and fastest keep unquoted points after, by distance', () => {
    expect(ids(sortPoints(set, 'cheapest'))).toEqual(['far-cheap', 'mid-fast', 'near-dear', 'loading', 'unavailable']);
    expect(ids(sortPoints(set, 'fastest'))).toEqual(['mid-fast', 'near-dear', 'far-cheap', 'loading', 'unavailable']);
  });

  it('best follows the weights', () => {
    const only = (distance: number, price: number, speed: number) => ids(sortPoints(set, 'best', { weights: { distance, price, speed } })).slice(0, 3);
    expect(only(1, 0, 0)).toEqual(['near-dear', 'mid-fast', 'far-cheap']);
    expect(only(0, 1, 0)).toEqual(['far-cheap', 'mid-fast', 'near-dear']);
    expect(only(0, 0, 1)).toEqual(['mid-fast', 'near-dear', 'far-cheap']);
    // Balanced: mid-fast is never the worst at anything.
    expect(ids(sortPoints(set, 'best'))[0]).toBe('mid-fast');
    expect(sortPoints(set, 'best')).toHaveLength(set.length);
  });

  it('computes distances from a point when not given; missing distance sorts last', () => {
    const a = { branch: { id: 'a', lat: 55.76, lng: 37.62 } };
    const b = { branch: { id: 'b', lat: 59.93, lng: 30.36 } };
    expect(ids(sortPoints([b, a], 'nearest', { from: { lat: 55.75, lng: 37.6 } }))).toEqual(['a', 'b']);
    expect(ids(sortPoints([item('x', undefined), item('y', 10)], 'nearest'))).toEqual(['y', 'x']);
  });

  it('groups currencies for cheapest and normalises price per currency for best', () => {
    const mixed = [item('uah', 10, 9000, [2, 2], 'UAH'), item('rub', 10, 30_000, [2, 2], 'RUB'), item('rub2', 10, 20_000, [2, 2], 'RUB')];
    expect(ids(sortPoints(mixed, 'cheapest'))).toEqual(['rub2', 'rub', 'uah']);
    expect(ids(sortPoints(mixed, 'best', { weights: { distance: 0, price: 1, speed: 0 } }))[2]).toBe('rub');
  });

  it('does not modify the input and is deterministic on ties', () => {
    const tie = [item('b', 10, 100), item('a', 10, 100)];
    const copy = [...tie];
    expect(ids(sortPoints(tie, 'cheapest'))).toEqual(['a', 'b']);
    expect(tie).toEqual(copy);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../core/filters.js';
import { listArea, queryFilters } from './list-query.js';

describe('queryFilters', () => {
  it('keeps only the chosen types the shop allows', () => {
    const q = queryFilters({ types: ['parcel_locker', 'pickup_point'], carriers: ['x'] }, { ...emptyFilters(), types: ['post_office', 'parcel_locker'] });
    expect(q.types).toEqual(['parcel_locker']);
    expect(q.carriers).toEqual(['x']);
  });

  it('falls back to the shop types when the buyer chose none', () => {
    const q = queryFilters({ types: ['pickup_point'], carriers: [] }, { ...emptyFilters(), openNow: true });
    expect(q.types).toEqual(['pickup_point']);
    expect(q.openNow).toBe(true);
  });
});

describe('listArea', () => {
  it('is centred on the point and scales with widen', () => {
    const [w, s, e, n] = listArea({ lat: 0, lng: 10 }, 1);
    expect((w + e) / 2).toBeCloseTo(10);
    expect((s + n) / 2).toBeCloseTo(0);
    const wide = listArea({ lat: 0, lng: 10 }, 4);
    expect(wide[3] - wide[1]).toBeCloseTo(4 * (n - s));
  });

  it('spans more longitude at higher latitude, capped near the poles', () => {
    const eq = listArea({ lat: 0, lng: 0 }, 1);
    const north = listArea({ lat: 60, lng: 0 }, 1);
    const pole = listArea({ lat: 89, lng: 0 }, 1);
    expect(north[2] - north[0]).toBeCloseTo(2 * (eq[2] - eq[0]));
    expect(pole[2] - pole[0]).toBeCloseTo(5 * (eq[2] - eq[0]));
  });
});

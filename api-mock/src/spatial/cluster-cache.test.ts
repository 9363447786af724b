import { describe, expect, it } from 'vitest';
import { FIXTURE_BRANCHES } from '../test-support/fixture.js';
import { ClusterCache } from './cluster-cache.js';

describe('ClusterCache', () => {
  it('gives equivalent filters one key: order, duplicates, unknown values and "everything" collapse', () => {
    const cache = new ClusterCache(FIXTURE_BRANCHES);
    expect(cache.key({ types: ['parcel_locker', 'post_office'] })).toBe(cache.key({ types: ['post_office', 'parcel_locker', 'post_office'] }));
    expect(cache.key({ types: ['post_office', 'parcel_locker', 'pickup_point'] })).toBe(cache.key({}));
    expect(cache.key({ carriers: ['russian-post', 'dhl'] })).toBe(cache.key({ carriers: ['russian-post'] }));
    expect(cache.key({ carriers: ['dhl'] })).not.toBe(cache.key({}));
  });

  it('builds an index per combination once, and warms the common ones', async () => {
    const cache = new ClusterCache(FIXTURE_BRANCHES);
    const a = cache.index({ types: ['post_office'] });
    expect(cache.index({ types: ['post_office'] })).toBe(a);
    // {} + 6 proper type subsets + 2 single carriers
    expect(await cache.warmCommonFilters()).toBe(9);
    expect(cache.index({ carriers: ['nova-poshta'] })).toBe(cache.index({ carriers: ['nova-poshta'] }));
    expect(cache.buildMs.size).toBe(9);
  });

  it('keeps "open now" indexes for their minute only', () => {
    const cache = new ClusterCache(FIXTURE_BRANCHES);
    const t0 = new Date('2026-11-25T09:00:10Z');
    const first = cache.index({ openNow: true, at: t0 });
    expect(cache.index({ openNow: true, at: new Date('2026-11-25T09:00:50Z') })).toBe(first);
    const next = cache.index({ openNow: true, at: new Date('2026-11-25T09:01:00Z') });
    expect(next).not.toBe(first);
    expect([...cache.buildMs.keys()].filter((k) => k.includes(';o='))).toHaveLength(1);
  });
});

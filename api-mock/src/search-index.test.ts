import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET } from './test-support/fixture.js';

describe('SearchIndex.prepare', () => {
  it('refuses to search before it is prepared', () => {
    const index = new SearchIndex(FIXTURE_BRANCHES, FIXTURE_DATASET.settlements);
    expect(() => index.search('москва', { limit: 5 })).toThrow(/prepare/);
  });

  it('yields to the event loop while normalising many points, then finds them all', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ...FIXTURE_BRANCHES[i % FIXTURE_BRANCHES.length]!, id: `p${i}` }));
    const index = new SearchIndex(many, FIXTURE_DATASET.settlements);
    let timerRan = false;
    setTimeout(() => { timerRan = true; }, 0);
    const ready = index.prepare();
    expect(index.ready).toBe(false);
    await ready;
    expect(timerRan).toBe(true);
    expect(index.prepare()).toBe(ready);
    const byId = new Map(many.map((b) => [b.id, b]));
    const hits = index.search('101000', { limit: 50 });
    expect(hits).toHaveLength(50);
    for (const h of hits) expect(h.kind === 'point' && byId.get(h.id)?.address.postcode).toBe('101000');
    // The last slice is searchable too.
    const last = many.at(-1)!;
    expect(index.search(last.address.postcode, { limit: 50_000 }).map((h) => (h.kind === 'point' ? h.id : ''))).toContain(last.id);
    const city = index.search('Москва', { limit: 1 });
    expect(city[0]).toMatchObject({ kind: 'city', count: many.filter((b) => b.address.city === 'Москва').length });
  });

  it('finds every point of a postcode, nearest first when a position is given', async () => {
    // Same postcode at spread-out positions, interleaved with other postcodes and a blank one.
    const many = Array.from({ length: 30 }, (_, i) => {
      const base = FIXTURE_BRANCHES[0]!;
      const postcode = i % 3 === 0 ? '123456' : i % 3 === 1 ? '654321' : '  ';
      return { ...base, id: `q${i}`, lat: 50 + i * 0.01, lng: 30, address: { ...base.address, postcode } };
    });
    const index = new SearchIndex(many, FIXTURE_DATASET.settlements);
    await index.prepare();
    const ids = (q: string, near?: { lat: number; lng: number }) =>
      index.search(q, { limit: 100, near }).map((h) => (h.kind === 'point' ? h.id : ''));
    const expected = many.filter((b) => b.address.postcode === '123456').map((b) => b.id);
    expect(ids('123456', { lat: 50, lng: 30 })).toEqual(expected);
    expect(ids('123456', { lat: 51, lng: 30 })).toEqual([...expected].reverse());
    expect(ids('111111')).toEqual([]);
  });
});

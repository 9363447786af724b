import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client.js';
import { TileLoader } from './tile-loader.js';

const MOSCOW: [number, number, number, number] = [37.3, 55.55, 37.9, 55.95];

/** failOn: one tile, "z/x/y", answers 500; aborted: the URLs whose request was aborted. */
function fakeApi(opts: { delayMs?: number; failOn?: string } = {}) {
  const calls: string[] = [];
  const aborted: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    calls.push(url);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, opts.delayMs ?? 1);
        init?.signal?.addEventListener('abort', () => { aborted.push(url); clearTimeout(t); reject(new DOMException('aborted', 'AbortError')); });
      });
      const [z, x, y] = url.match(/tiles\/(\d+)\/(\d+)\/(\d+)/)!.slice(1).map(Number);
      if (opts.failOn === `${z}/${x}/${y}`) return new Response('{}', { status: 500 });
      const item = { kind: 'point', id: `${z}-${x}-${y}`, carrier: 'russian-post', type: 'post_office', status: 'open', lat: 55.7, lng: 37.6 };
      return new Response(JSON.stringify({ z, x, y, total: 1, items: [item] }), { status: 200 });
    } finally {
      inFlight--;
    }
  };
  return { api: new ApiClient('', fetchImpl), calls, aborted, max: () => maxInFlight };
}

describe('TileLoader', () => {
  it('loads every tile of the view with at most 6 requests in flight, progressively', async () => {
    const f = fakeApi({ delayMs: 5 });
    const feed = new TileLoader(f.api);
    const seen: number[] = [];
    const err = await feed.load(MOSCOW, 11, {}, (items) => seen.push(items.length));
    expect(err).toBeUndefined();
    expect(f.calls.length).toBeGreaterThan(6);
    expect(f.max()).toBeLessThanOrEqual(6);
    expect(seen.at(-1)).toBe(f.calls.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('serves a repeated view from the cache, keyed by the type/carrier filters', async () => {
    const f = fakeApi();
    const feed = new TileLoader(f.api);
    await feed.load(MOSCOW, 10, {}, () => {});
    const first = f.calls.length;
    let items = 0;
    await feed.load(MOSCOW, 10, {}, (i) => (items = i.length));
    expect(f.calls.length).toBe(first);
    expect(items).toBe(first);
    await feed.load(MOSCOW, 10, { types: ['parcel_locker'] }, () => {});
    expect(f.calls.length).toBe(first * 2);
    expect(f.calls.at(-1)).toContain('types=parcel_locker');
  });

  it('aborts the previous view when the map moves on', async () => {
    const slow = fakeApi({ delayMs: 50 });
    const feed = new TileLoader(slow.api);
    let staleItemsAfterMove = 0;
    let moved = false;
    const stale = feed.load(MOSCOW, 12, {}, (i) => { if (moved) staleItemsAfterMove += i.length; });
    await new Promise((r) => setTimeout(r, 5)); // the first requests are on the wire
    moved = true;
    let fresh = 0;
    const next = feed.load([30.1, 59.8, 30.5, 60.0], 10, {}, (i) => (fresh = i.length));
    expect(await stale).toBeUndefined();
    expect(await next).toBeUndefined();
    // Every request of the old view that had started was aborted, and no further one was sent.
    const staleCalls = slow.calls.filter((u) => u.includes('/tiles/12/'));
    expect(staleCalls.length).toBeGreaterThan(0);
    expect(slow.aborted.filter((u) => u.includes('/tiles/12/')).sort()).toEqual(staleCalls.sort());
    expect(staleItemsAfterMove).toBe(0);
    expect(fresh).toBe(slow.calls.filter((u) => u.includes('/tiles/10/')).length);
  });

  it('reports one failed tile without dropping the others', async () => {
    const probe = fakeApi();
    await new TileLoader(probe.api).load(MOSCOW, 10, {}, () => {});
    const tiles = probe.calls.map((u) => u.match(/tiles\/(\d+\/\d+\/\d+)/)![1]!);
    expect(tiles.length).toBeGreaterThan(1);

    const failing = fakeApi({ failOn: tiles[0] });
    let last: string[] = [];
    const err = await new TileLoader(failing.api).load(MOSCOW, 10, {}, (i) => (last = i.map((x) => (x as { id: string }).id)));
    expect(err).toBeDefined();
    // Every other tile's point arrived; only the failed tile's is missing.
    expect(last.sort()).toEqual(tiles.slice(1).map((t) => t.replaceAll('/', '-')).sort());
  });
});

import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client.js';
import { TileLoader } from './tile-loader.js';

const MOSCOW: [number, number, number, number] = [37.3, 55.55, 37.9, 55.95];

function fakeApi(opts: { delayMs?: number; failOn?: string } = {}) {
  const calls: string[] = [];
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
        init?.signal?.addEventListener('abort', () => { clearTimeout(t); reject(new DOMException('aborted', 'AbortError')); });
      });
      if (opts.failOn && url.includes(opts.failOn)) return new Response('{}', { status: 500 });
      const [z, x, y] = url.match(/tiles\/(\d+)\/(\d+)\/(\d+)/)!.slice(1).map(Number);
      const item = { kind: 'point', id: `${z}-${x}-${y}`, carrier: 'russian-post', type: 'post_office', status: 'open', lat: 55.7, lng: 37.6 };
      return new Response(JSON.stringify({ z, x, y, total: 1, items: [item] }), { status: 200 });
    } finally {
      inFlight--;
    }
  };
  return { api: new ApiClient('', fetchImpl), calls, max: () => maxInFlight };
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

  it('aborts the previous view when the map moves on, and reports a failed tile without dropping the others', async () => {
    const slow = fakeApi({ delayMs: 50 });
    const feed = new TileLoader(slow.api);
    const stale = feed.load(MOSCOW, 12, {}, () => {});
    const fresh = feed.load([30.1, 59.8, 30.5, 60.0], 10, {}, () => {});
    expect(await stale).toBeUndefined();
    expect(await fresh).toBeUndefined();

    const failing = fakeApi({ failOn: '/tiles/10/' });
    const feed2 = new TileLoader(failing.api);
    let last = -1;
    const err = await feed2.load(MOSCOW, 10, {}, (i) => (last = i.length));
    expect(err).toBeDefined();
    const ok = await feed2.load(MOSCOW, 9, {}, (i) => (last = i.length));
    expect(ok).toBeUndefined();
    expect(last).toBeGreaterThan(0);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client.js';
import { WorkerBackend, type WorkerLike } from './cluster-client.js';
import { apiForSettings, WholeListApi } from './feed-source.js';

describe('apiForSettings', () => {
  it('keeps the client while nothing changed, and switches between the feeds', () => {
    const tiles = new ApiClient('/a');
    expect(apiForSettings(tiles, { apiBase: '/a', feed: 'tiles' })).toBe(tiles);
    const other = apiForSettings(tiles, { apiBase: '/b', feed: 'tiles' });
    expect(other).not.toBe(tiles);
    expect(other.base).toBe('/b');
    const np = apiForSettings(tiles, { apiBase: '/a', feed: 'nova-poshta', npApiKey: 'k' });
    expect(np).toBeInstanceOf(WholeListApi);
    expect(apiForSettings(np, { apiBase: '/a', feed: 'nova-poshta', npApiKey: 'k' })).toBe(np);
    // Another picker with the same source shares the loaded list.
    const again = apiForSettings(new ApiClient('/a'), { apiBase: '/a', feed: 'nova-poshta', npApiKey: 'k' }) as WholeListApi;
    expect(again.list).toBe((np as WholeListApi).list);
    const otherKey = apiForSettings(np, { apiBase: '/a', feed: 'nova-poshta', npApiKey: 'k2' }) as WholeListApi;
    expect(otherKey.list).not.toBe((np as WholeListApi).list);
    const back = apiForSettings(np, { apiBase: '/a', feed: 'tiles' });
    expect(back).not.toBeInstanceOf(WholeListApi);
  });
});

describe('WorkerBackend', () => {
  it('matches answers to requests by number, and fails pending requests when the worker errors', async () => {
    const sent: Array<{ seq: number }> = [];
    const on: Record<string, (e: never) => void> = {};
    const w: WorkerLike = {
      postMessage: (m) => void sent.push(m),
      addEventListener: (type: string, fn: (e: never) => void) => { on[type] = fn; },
      terminate: vi.fn(),
    };
    const b = new WorkerBackend(w);
    const first = b.request({ op: 'tile', z: 1, x: 0, y: 0, filter: {} });
    const second = b.request({ op: 'tile', z: 1, x: 1, y: 0, filter: {} });
    const reply = (seq: number, count: number) => on.message!({ data: { seq, answer: { ok: true, count, items: [], ms: 0 } } } as never);
    reply(sent[1]!.seq, 2);
    reply(sent[0]!.seq, 1);
    expect(await first).toMatchObject({ count: 1 });
    expect(await second).toMatchObject({ count: 2 });
    const third = b.request({ op: 'tile', z: 1, x: 1, y: 1, filter: {} });
    on.error!({ message: 'Failed to load worker script' } as never);
    await expect(third).rejects.toThrow(/Failed to load worker script/);
    await expect(b.request({ op: 'tile', z: 0, x: 0, y: 0, filter: {} })).rejects.toMatchObject({ name: 'WorkerFailed' });
  });

  it('a message without an answer is the "list grew" notice: onGrow, no request settled', async () => {
    const sent: Array<{ seq: number }> = [];
    const on: Record<string, (e: never) => void> = {};
    const w: WorkerLike = {
      postMessage: (m) => void sent.push(m),
      addEventListener: (type: string, fn: (e: never) => void) => { on[type] = fn; },
      terminate: vi.fn(),
    };
    const b = new WorkerBackend(w);
    const grew = vi.fn();
    b.onGrow = grew;
    let settled = false;
    const pending = b.request({ op: 'stats' }).then(() => (settled = true));
    on.message!({ data: { seq: 0 } } as never);
    await new Promise((r) => setTimeout(r, 1));
    expect(grew).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    on.message!({ data: { seq: sent[0]!.seq, answer: { ok: true, value: {}, ms: 0 } } } as never);
    await pending;
    expect(grew).toHaveBeenCalledTimes(1);
  });
});

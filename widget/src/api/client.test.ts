import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, dropped } from './client.js';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const goodPoint = { kind: 'point', id: 'a', carrier: 'russian-post', type: 'post_office', status: 'open', lat: 55, lng: 37 };

afterEach(() => vi.restoreAllMocks());

describe('ApiClient', () => {
  it('builds URLs under {base}/api/v1 with the filters', async () => {
    const fetchImpl = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json({ z: 10, x: 1, y: 2, total: 0, items: [] }));
    await new ApiClient('https://api.test', fetchImpl).tile(10, 1, 2, { types: ['post_office', 'parcel_locker'], carriers: [] });
    expect(fetchImpl.mock.calls[0]![0]).toBe('https://api.test/api/v1/tiles/10/1/2?types=post_office%2Cparcel_locker');
  });

  it('drops a malformed record and keeps the good ones, counting the drop', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = dropped.count;
    const api = new ApiClient('', async () => json({ z: 1, x: 0, y: 0, total: 2, items: [goodPoint, { ...goodPoint, id: 'b', lat: 'north' }] }));
    const res = await api.tile(1, 0, 0, {});
    expect(res.items.map((i) => i.id)).toEqual(['a']);
    expect(dropped.count).toBe(before + 1);
  });

  it('reports a malformed envelope as bad-response', async () => {
    const api = new ApiClient('', async () => json({ items: 'nope' }));
    await expect(api.points({})).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('maps 404 to not-found and 5xx to http', async () => {
    await expect(new ApiClient('', async () => json({}, 404)).point('x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(new ApiClient('', async () => json({}, 503)).point('x')).rejects.toMatchObject({ code: 'http', status: 503 });
  });

  it('gives up after the timeout with a timeout error (no frozen spinner)', async () => {
    const hang: typeof fetch = (_url, init) => new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const err = await new ApiClient('', hang, 30).point('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('timeout');
  });

  it('a caller abort is an AbortError, not an ApiError', async () => {
    const ctrl = new AbortController();
    const hang: typeof fetch = (_url, init) => new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const p = new ApiClient('', hang, 5000).point('x', ctrl.signal);
    ctrl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a network failure as network', async () => {
    await expect(new ApiClient('', async () => { throw new TypeError('Failed to fetch'); }).point('x')).rejects.toMatchObject({ code: 'network' });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixture from '../carriers/fixtures/np-warehouses.json' with { type: 'json' };
import { ApiError } from '../api/client.js';
import { FeedItem, parseEach } from '../model/index.js';
import { WorkerBackend, type ClusterBackend, type WorkerLike } from './cluster-client.js';
import { WholeListApi, RemoteList } from './feed-source.js';
import { WholeList, queryPoints } from './whole-list.js';
import { WholeListService } from './whole-list-service.js';

const template = fixture[0] as Record<string, unknown>;

/** n NP warehouses in and around Kyiv; every 97th is broken (no Latitude). */
function warehouses(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => {
    const w: Record<string, unknown> = {
      ...template,
      Ref: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      Description: `Відділення №${i + 1}`,
      Number: String(i + 1),
      CategoryOfWarehouse: i % 4 === 0 ? 'Postomat' : 'Branch',
      Latitude: String(50.45 + ((i % 100) - 50) * 0.002),
      Longitude: String(30.52 + (Math.floor(i / 100) - 25) * 0.003),
    };
    if (i % 97 === 5) delete w.Latitude;
    return w;
  });
}

interface Served { pages: number[]; maxInFlight: number; limits: string[] }

/** A fake NP endpoint paging through `all`. */
function npServer(all: unknown[], opts: { failPage?: number; failTimes?: number; refuse?: boolean; delayMs?: number; hold?: (page: number) => Promise<void> | undefined } = {}) {
  const served: Served = { pages: [], maxInFlight: 0, limits: [] };
  let inFlight = 0;
  let fails = opts.failTimes ?? 0;
  const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { calledMethod: string; methodProperties: { Page: string; Limit: string } };
    expect(body.calledMethod).toBe('getWarehouses');
    inFlight++;
    served.maxInFlight = Math.max(served.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, opts.delayMs ?? 1));
    inFlight--;
    await opts.hold?.(Number(body.methodProperties.Page));
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const page = Number(body.methodProperties.Page);
    const limit = Number(body.methodProperties.Limit);
    served.pages.push(page);
    served.limits.push(body.methodProperties.Limit);
    if (opts.refuse) return Response.json({ success: false, data: [], errors: ['API key expired'] });
    if (page === opts.failPage && fails > 0) {
      fails--;
      return new Response('busy', { status: 503 });
    }
    return Response.json({ success: true, data: all.slice((page - 1) * limit, page * limit), errors: [], info: { totalCount: all.length } });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, served };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('WholeList', () => {
  it('loads every page (Limit 1000, at most 6 in flight) and drops bad records one by one', async () => {
    const warn = vi.mocked(console.warn);
    const all = warehouses(8500);
    const { fetchImpl, served } = npServer(all);
    const feed = new WholeList({ apiBase: '', fetchImpl });
    await feed.ready();
    expect(served.pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(served.limits)).toEqual(new Set(['1000']));
    expect(served.maxInFlight).toBeLessThanOrEqual(6);
    expect(served.maxInFlight).toBeGreaterThan(1);
    const bad = all.filter((_, i) => i % 97 === 5).length;
    expect(feed.branches.length).toBe(8500 - bad);
    expect(feed.stats).toMatchObject({ pages: 9, received: 8500, rejected: bad });
    expect(warn).toHaveBeenCalled();
    // Good neighbours of a bad record survive, in the carrier's order.
    expect(feed.get('np-00000000-0000-4000-8000-000000000004')?.name).toBe('Відділення №5');
    expect(feed.get('np-00000000-0000-4000-8000-000000000006')?.name).toBe('Відділення №7');
    expect(feed.branches[0]?.carrier).toBe('nova-poshta');
  });

  it('shares one load between callers and retries a failed page once', async () => {
    const { fetchImpl, served } = npServer(warehouses(2500), { failPage: 2, failTimes: 1 });
    const feed = new WholeList({ apiBase: '', fetchImpl });
    await Promise.all([feed.ready(), feed.ready(), feed.ready()]);
    expect(served.pages.filter((p) => p === 1)).toHaveLength(1);
    expect(served.pages.filter((p) => p === 2)).toHaveLength(2);
    expect(feed.branches.length).toBeGreaterThan(2400);
  });

  it('a page failing twice fails the load with an ApiError; the next call loads again', async () => {
    const { fetchImpl, served } = npServer(warehouses(2500), { failPage: 3, failTimes: 2 });
    const feed = new WholeList({ apiBase: '', fetchImpl });
    await expect(feed.ready()).rejects.toMatchObject({ code: 'http', status: 503 });
    const before = served.pages.length;
    await feed.ready();
    expect(served.pages.length).toBeGreaterThan(before);
    expect(feed.branches.length).toBeGreaterThan(2400);
  });

  it('reports Nova Poshta refusing the key as an error, not an empty map', async () => {
    const { fetchImpl } = npServer(warehouses(10), { refuse: true });
    const err = await new WholeList({ apiBase: '', fetchImpl }).ready().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toContain('API key expired');
  });

  it('a caller\'s abort rejects only that caller; dispose() stops the fetches', async () => {
    const { fetchImpl, served } = npServer(warehouses(20_000), { delayMs: 20 });
    const feed = new WholeList({ apiBase: '', fetchImpl });
    const ctrl = new AbortController();
    const aborted = feed.ready(ctrl.signal);
    ctrl.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const shared = feed.ready();
    await new Promise((r) => setTimeout(r, 30));
    feed.dispose();
    await expect(shared).rejects.toMatchObject({ name: 'AbortError' });
    expect(served.pages.length).toBeLessThan(20);
  });
});

describe('WholeListApi over the worker service', () => {
  /** The service in-process (what the worker runs), behind the real main-thread client. */
  async function api(n = 3000, open?: () => Promise<ClusterBackend | undefined>) {
    const { fetchImpl } = npServer(warehouses(n));
    const service = new WholeListService(fetchImpl);
    const inProcess: ClusterBackend = { kind: 'worker', request: (r) => service.handle(r), dispose: () => undefined };
    const list = new RemoteList('', undefined, open ?? (async () => inProcess));
    const reference = new WholeList({ apiBase: '', fetchImpl: npServer(warehouses(n)).fetchImpl });
    await reference.ready();
    const a = new WholeListApi(list, '');
    // Answers come from the first pages until the whole list is in; search waits for all of it.
    await a.search('zz', undefined);
    return { a, list, branches: reference.branches };
  }

  it('tile() answers valid FeedItems that account for every loaded point; filters apply', async () => {
    const { a, list, branches } = await api();
    const t = await a.tile(4, 9, 5, { types: [], carriers: [] });
    expect(parseEach(FeedItem, t.items).rejected).toEqual([]);
    expect(t.total).toBe(branches.length);
    const lockers = await a.tile(4, 9, 5, { types: ['parcel_locker'] });
    expect(lockers.total).toBe(branches.filter((b) => b.type === 'parcel_locker').length);
    const stats = await list.stats();
    expect(stats.indexedMs).toBeGreaterThanOrEqual(stats.loadedMs);
    expect(stats.received).toBe(3000);
  });

  it('falls back to the main thread when the worker dies on start (404, CSP)', async () => {
    const { fetchImpl } = npServer(warehouses(1500));
    vi.stubGlobal('fetch', fetchImpl);
    const listeners: Record<string, (e: Event) => void> = {};
    const fake: WorkerLike = {
      postMessage: () => setTimeout(() => listeners.error?.(new Event('error')), 1),
      addEventListener: (type: string, fn: (e: never) => void) => { listeners[type] = fn as (e: Event) => void; },
      terminate: vi.fn(),
    };
    const list = new RemoteList('', undefined, async () => new WorkerBackend(fake));
    const a = new WholeListApi(list, '');
    await a.search('zz', undefined);
    const t = await a.tile(0, 0, 0, {});
    expect(t.total).toBeGreaterThan(1400);
    expect(fake.terminate).toHaveBeenCalled();
    expect(vi.mocked(console.warn).mock.calls.some((c) => String(c[0]).includes('running it on the main thread'))).toBe(true);
    vi.unstubAllGlobals();
  });

  it('worker errors reach the element as the open feed\'s ApiErrors (bp-error codes)', async () => {
    const { fetchImpl } = npServer(warehouses(10), { refuse: true });
    const service = new WholeListService(fetchImpl);
    const list = new RemoteList('', 'bad-key', async () => ({ kind: 'worker', request: (r) => service.handle(r), dispose: () => undefined }));
    const err = await new WholeListApi(list, '').tile(0, 0, 0, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'http' });
  });

  it('points(): the view\'s points nearest first, filters applied, facets like the server\'s', async () => {
    const { a, branches } = await api();
    const bbox: [number, number, number, number] = [30.4, 50.38, 30.6, 50.5];
    const near = { lat: 50.45, lng: 30.52 };
    const res = await a.points({ bbox, near, limit: 20, types: ['parcel_locker'] });
    expect(res.items).toHaveLength(20);
    expect(res.items.every((b) => b.type === 'parcel_locker')).toBe(true);
    const d = (b: { lat: number; lng: number }) => (b.lat - near.lat) ** 2 + ((b.lng - near.lng) * Math.cos((near.lat * Math.PI) / 180)) ** 2;
    for (let i = 1; i < res.items.length; i++) expect(d(res.items[i]!)).toBeGreaterThanOrEqual(d(res.items[i - 1]!));
    const inBox = branches.filter((b) => b.lng >= bbox[0] && b.lng <= bbox[2] && b.lat >= bbox[1] && b.lat <= bbox[3]);
    // Counted here by hand, not with the filters module under test: the total obeys the type filter; each
    // facet leaves its own filter out (so other types still count) and applies the others.
    const lockers = inBox.filter((b) => b.type === 'parcel_locker');
    expect(res.total).toBe(lockers.length);
    expect(res.facets?.type).toEqual({
      post_office: inBox.filter((b) => b.type === 'post_office').length,
      pickup_point: inBox.filter((b) => b.type === 'pickup_point').length,
      parcel_locker: lockers.length,
    });
    expect(res.facets?.payment).toEqual({
      card: lockers.filter((b) => b.payment.includes('card')).length,
      cash: lockers.filter((b) => b.payment.includes('cash')).length,
      cod: lockers.filter((b) => b.payment.includes('cod')).length,
    });
    // The oracle is not trivially zero: other types are in the view, so a facet that obeyed its own filter would fail.
    expect(res.facets!.type.post_office).toBeGreaterThan(0);
  });

  it('point() finds a loaded warehouse and says not-found for others', async () => {
    const { a, branches } = await api(200);
    const id = branches[10]!.id;
    expect((await a.point(id)).id).toBe(id);
    await expect(a.point('np-nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('search(): the city, then matching points, ignoring case', async () => {
    const { a, branches } = await api(500);
    const s = await a.search('kyiv', { lat: 50.45, lng: 30.52 });
    expect(s[0]).toMatchObject({ kind: 'city', label: 'Kyiv', count: branches.length });
    const p = await a.search('ВІДДІЛЕННЯ №12', undefined);
    expect(p.filter((x) => x.kind === 'point').map((x) => x.label)).toContain('Відділення №12');
  });

  it('a caller\'s abort rejects that call only', async () => {
    const { a } = await api(300);
    const ctrl = new AbortController();
    const p = a.points({ limit: 5 }, ctrl.signal);
    ctrl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect((await a.points({ limit: 5 })).items).toHaveLength(5);
  });
});

describe('progressive loading', () => {
  /** 17 pages; pages after the first wait until `open()`. */
  function slowService(fail?: { failPage: number; failTimes: number }) {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const all = warehouses(17_000);
    const { fetchImpl, served } = npServer(all, { ...fail, hold: (p) => (p > 1 ? gate : undefined) });
    const grew = vi.fn();
    const service = new WholeListService(fetchImpl, grew);
    const backend: ClusterBackend = { kind: 'worker', request: (r) => service.handle(r), dispose: () => undefined };
    const a = new WholeListApi(new RemoteList('', undefined, async () => backend), '');
    return { a, all, grew, served, open };
  }
  const valid = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k).filter((i) => i % 97 !== 5).length;

  it('answers tiles and the list from the first page, then says "grew" as pages are indexed', async () => {
    const { a, grew, open } = slowService();
    const first = await a.tile(0, 0, 0, {});
    expect(first.total).toBe(valid(0, 1000));
    expect((await a.points({ limit: 5 })).total).toBe(valid(0, 1000));
    expect(grew).not.toHaveBeenCalled();
    open();
    // A search waits for the whole list (a missing city would read as "no such place").
    await a.search('zz', undefined);
    // Rebuilt once mid-way (page 1 + REBUILD_EVERY) and once at the end.
    expect(grew).toHaveBeenCalledTimes(2);
    expect((await a.tile(0, 0, 0, {})).total).toBe(valid(0, 17_000));
    expect((await a.points({ limit: 5 })).total).toBe(valid(0, 17_000));
  }, 30_000);

  it('a load failing after the first answers says "grew" and the next request sees the error', async () => {
    const { a, grew, open } = slowService({ failPage: 3, failTimes: 4 });
    expect((await a.tile(0, 0, 0, {})).total).toBe(valid(0, 1000));
    open();
    await expect.poll(() => grew.mock.calls.length, { timeout: 10_000 }).toBe(1);
    await expect(a.tile(0, 0, 0, {})).rejects.toMatchObject({ code: 'http', status: 503 });
  }, 30_000);

  it('point() finds a warehouse of a loaded page before the rest arrive', async () => {
    const { a, open } = slowService();
    await a.tile(0, 0, 0, {});
    expect((await a.point('np-00000000-0000-4000-8000-000000000004')).name).toBe('Відділення №5');
    open();
  });
});

describe('queryPoints', () => {
  it('handles a box across the antimeridian and an empty result', async () => {
    const b = { lat: 10, lng: 179.5 };
    const c = { lat: 10, lng: -179.5 };
    const mk = (id: string, p: { lat: number; lng: number }) => ({
      id, carrier: 'x', type: 'post_office' as const, name: id, address: { country: 'XX', region: '', city: '', street: '', house: '', postcode: '' },
      addressLine: id, ...p, timeZone: 'UTC', hours: [], exceptions: [], payment: [], limits: {}, status: 'open' as const,
    });
    const list = [mk('a', b), mk('b', c), mk('c', { lat: 10, lng: 0 })];
    const res = await queryPoints(list, { bbox: [179, 9, -179, 11], near: b }, new Date());
    expect(res.items.map((x) => x.id)).toEqual(['a', 'b']);
    expect((await queryPoints(list, { bbox: [50, 50, 51, 51] }, new Date())).total).toBe(0);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuoteScheduler, QuoteUpdateEvent, type FetchLike, type QuoteState } from './scheduler.js';
import { createDefaultRegistry } from '../carriers/registry.js';
import { KYIV_REF, LVIV_REF, makeBranch, npBranch, PARCEL } from '../carriers/fixtures/branches.js';
import tariff from '../carriers/fixtures/rp-tariff.json' with { type: 'json' };
import npPrice from '../carriers/fixtures/np-price.json' with { type: 'json' };
import npDate from '../carriers/fixtures/np-delivery-date.json' with { type: 'json' };
import type { Branch } from '../model/index.js';

interface Call {
  url: string;
  init: RequestInit;
  aborted: boolean;
  respond(body: unknown, status?: number): void;
}

function fakeFetch() {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const call: Call = {
        url, init, aborted: false,
        respond: (body, status = 200) => resolve(new Response(JSON.stringify(body), { status })),
      };
      init.signal?.addEventListener('abort', () => {
        call.aborted = true;
        reject(init.signal?.reason as Error);
      });
      calls.push(call);
    });
  return { fetch, calls };
}

const ORIGIN = { country: 'RU', postcode: '344038', cityRef: LVIV_REF };
const rpAt = (id: string, postcode: string): Branch =>
  makeBranch({ id, address: { country: 'RU', region: '', city: 'Москва', street: '', house: '', postcode } });
const rps = (n: number, prefix = 'rp') => Array.from({ length: n }, (_, i) => rpAt(`${prefix}-${i}`, String(101000 + i)));

/** Let resolved fetches run through readAnswer and settle. */
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(over: { now?: () => number; carrierTimeoutMs?: number } = {}) {
  const f = fakeFetch();
  const updates: Array<[string, QuoteState]> = [];
  const s = new QuoteScheduler({
    carriers: createDefaultRegistry({ apiBase: 'http://sandbox', openFeedFallback: false }),
    parcel: PARCEL,
    origin: ORIGIN,
    fetch: f.fetch,
    onUpdate: (id, st) => updates.push([id, st]),
    ...over,
  });
  return { s, calls: f.calls, updates };
}

const urlTo = (c: Call) => new URL(c.url).searchParams.get('to');
const bodyOf = (c: Call) => JSON.parse(String(c.init.body)) as { calledMethod: string };

afterEach(() => {
  vi.useRealTimers();
});

describe('QuoteScheduler', () => {
  it('dedupes: two NP branches in one city -> one price request and one date request, two quotes', async () => {
    const { s, calls } = setup();
    s.want([npBranch('np-a'), npBranch('np-b')]);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => bodyOf(c).calledMethod).sort()).toEqual(['getDocumentDeliveryDate', 'getDocumentPrice']);
    expect(s.stateOf('np-a')).toEqual({ state: 'loading' });
    calls[0]!.respond(npPrice);
    calls[1]!.respond(npDate);
    await flush();
    const a = s.stateOf('np-a');
    const b = s.stateOf('np-b');
    expect(a?.state === 'ready' && a.quote.pointId).toBe('np-a');
    expect(b?.state === 'ready' && b.quote.pointId).toBe('np-b');
    expect(s.stats).toMatchObject({ misses: 2, deduped: 1, requests: 2 });
  });

  it('different cities are separate requests', () => {
    const { s, calls } = setup();
    s.want([npBranch('np-a', KYIV_REF), npBranch('np-b', LVIV_REF)]);
    expect(calls).toHaveLength(4);
  });

  it('keeps at most 6 requests in flight and starts the newest wants first', async () => {
    const { s, calls } = setup();
    s.want(rps(10));
    expect(calls).toHaveLength(6);
    expect(s.inFlight).toBe(6);
    expect(s.queued).toBe(4);
    // The buyer scrolls: new rows come first, old rows still visible keep their place after them.
    const fresh = rps(2, 'new').map((b, i) => rpAt(b.id, String(200000 + i)));
    s.want([...fresh, ...rps(10)]);
    calls[0]!.respond(tariff);
    await flush();
    expect(calls).toHaveLength(7);
    expect(urlTo(calls[6]!)).toBe('200000');
    calls[1]!.respond(tariff);
    await flush();
    expect(urlTo(calls[7]!)).toBe('200001');
    expect(s.inFlight).toBe(6);
  });

  it('aborts requests nobody wants any more and ignores their late answers', async () => {
    const { s, calls, updates } = setup();
    const [a, b, c] = rps(3);
    s.want([a!, b!]);
    expect(calls).toHaveLength(2);
    s.want([c!]);
    expect(calls[0]!.aborted && calls[1]!.aborted).toBe(true);
    expect(s.stats.aborted).toBe(2);
    expect(s.inFlight).toBe(1);
    expect(s.stateOf(a!.id)).toBeUndefined();
    calls[0]!.respond(tariff);
    await flush();
    expect(updates.filter(([id, st]) => id === a!.id && st.state !== 'loading')).toEqual([]);
  });

  it('drops queued requests that are no longer wanted without sending them', () => {
    const { s, calls } = setup();
    const list = rps(8);
    s.want(list);
    s.want(list.slice(0, 6));
    expect(s.queued).toBe(0);
    expect(calls).toHaveLength(6);
  });

  it('serves a point again from the cache (hit) until the answer expires', async () => {
    let now = Date.parse('2026-10-06T09:00:00Z');
    const { s, calls } = setup({ now: () => now });
    const [a] = rps(1);
    s.want([a!]);
    calls[0]!.respond(tariff);
    await flush();
    s.want([]);
    s.want([a!]);
    expect(calls).toHaveLength(1);
    expect(s.stats).toMatchObject({ hits: 1, misses: 1 });
    expect(s.stateOf(a!.id)?.state).toBe('ready');
    // Same postcode, another point: same key, also a hit, with its own point id.
    const twin = rpAt('twin', a!.address.postcode);
    s.want([a!, twin]);
    const t = s.stateOf('twin');
    expect(t?.state === 'ready' && t.quote.pointId).toBe('twin');
    expect(s.stats.hits).toBe(2);

    now += 31 * 60_000; // past the 30-minute lifetime, still on screen: refresh() asks again
    s.refresh();
    // Both points (same key) miss, one request serves them.
    expect(calls).toHaveLength(2);
    expect(s.stats).toMatchObject({ misses: 3, deduped: 1 });
  });

  it('a slow carrier turns unavailable after its time budget and never blocks another', async () => {
    vi.useFakeTimers();
    const { s, calls } = setup({ carrierTimeoutMs: 3000 });
    const slow = rps(2);
    const fast = npBranch('np-a');
    s.want([...slow, fast]);
    expect(calls).toHaveLength(4);
    const np = calls.filter((c) => c.url.includes('nova-poshta'));
    np[0]!.respond(bodyOf(np[0]!).calledMethod === 'getDocumentPrice' ? npPrice : npDate);
    np[1]!.respond(bodyOf(np[1]!).calledMethod === 'getDocumentPrice' ? npPrice : npDate);
    await vi.advanceTimersByTimeAsync(10);
    expect(s.stateOf('np-a')?.state).toBe('ready');
    expect(s.stateOf(slow[0]!.id)?.state).toBe('loading');
    await vi.advanceTimersByTimeAsync(3000);
    const st = s.stateOf(slow[0]!.id);
    expect(st?.state === 'unavailable' && st.error).toMatchObject({ kind: 'timeout', carrier: 'russian-post', retryable: true });
    expect(s.stats.timeouts).toBe(2);
    expect(s.inFlight).toBe(0);
    expect(calls.filter((c) => c.url.includes('russian-post')).every((c) => c.aborted)).toBe(true);
    // retry() asks again.
    if (st?.state === 'unavailable') st.retry();
    expect(calls).toHaveLength(5);
    expect(s.stateOf(slow[0]!.id)?.state).toBe('loading');
  });

  it('shares slots fairly: a second carrier starts at once even when the first fills the queue', () => {
    const { s, calls } = setup();
    s.want([...rps(8), npBranch('np-a')]);
    expect(calls.filter((c) => c.url.includes('nova-poshta'))).toHaveLength(2);
    expect(calls).toHaveLength(6);
  });

  it('never delivers one point\'s price to another, whatever the order of answers', async () => {
    const { s, calls } = setup();
    const [a, b] = rps(2);
    s.want([a!, b!]);
    const byTo = new Map(calls.map((c) => [urlTo(c), c]));
    byTo.get(b!.address.postcode)!.respond({ ...tariff, paynds: 2222, items: [] });
    await flush();
    byTo.get(a!.address.postcode)!.respond({ ...tariff, paynds: 1111, items: [] });
    await flush();
    const qa = s.stateOf(a!.id);
    const qb = s.stateOf(b!.id);
    expect(qa?.state === 'ready' && [qa.quote.pointId, qa.quote.total]).toEqual([a!.id, 1111]);
    expect(qb?.state === 'ready' && [qb.quote.pointId, qb.quote.total]).toEqual([b!.id, 2222]);
  });

  it('ignores an answer for an old parcel after setParcel', async () => {
    const { s, calls } = setup();
    const [a] = rps(1);
    s.want([a!]);
    s.setParcel({ ...PARCEL, weightG: 5000 });
    expect(calls[0]!.aborted).toBe(true);
    expect(calls).toHaveLength(2);
    expect(new URL(calls[1]!.url).searchParams.get('weight')).toBe('5000');
    calls[1]!.respond({ ...tariff, paynds: 9999, items: [] });
    await flush();
    const st = s.stateOf(a!.id);
    expect(st?.state === 'ready' && st.quote.total).toBe(9999);
  });

  it('reports carrier errors, outages and unknown carriers as unavailable, and emits events', async () => {
    const { s, calls } = setup();
    const events: string[] = [];
    s.addEventListener('quote', (e) => {
      if (e instanceof QuoteUpdateEvent) events.push(`${e.pointId}:${e.quoteState.state}`);
    });
    const [a, b] = rps(2);
    const alien = makeBranch({ id: 'x-1', carrier: 'pigeon-post' });
    const noIndex = rpAt('no-index', '');
    s.want([a!, b!, alien, noIndex]);
    expect(s.stateOf('x-1')).toMatchObject({ state: 'unavailable', error: { kind: 'unsupported' } });
    expect(s.stateOf('no-index')).toMatchObject({ state: 'unavailable', error: { kind: 'unsupported' } });
    calls[0]!.respond({ errors: [{ type: 2, code: 1104, msg: 'too heavy' }] });
    calls[1]!.respond('maintenance', 503);
    await flush();
    expect(s.stateOf(a!.id)).toMatchObject({ state: 'unavailable', error: { kind: 'rejected', codes: ['1104'] } });
    expect(s.stateOf(b!.id)).toMatchObject({ state: 'unavailable', error: { kind: 'http', retryable: true } });
    expect(events).toContain(`${a!.id}:loading`);
    expect(events).toContain(`${a!.id}:unavailable`);
    // Failures are remembered briefly: wanting again does not hammer the carrier.
    s.want([]);
    s.want([b!]);
    expect(calls).toHaveLength(2);
  });

  it('resolves a missing NP city ref with one lookup shared by the city, then prices', async () => {
    const { s, calls } = setup();
    const bare = (id: string) => npBranch(id, KYIV_REF, { carrierRefs: undefined });
    s.want([bare('np-x'), bare('np-y')]);
    expect(calls).toHaveLength(1);
    expect(bodyOf(calls[0]!)).toMatchObject({ modelName: 'Address', calledMethod: 'getWarehouses' });
    calls[0]!.respond({ success: true, data: [{ CityRef: KYIV_REF, Ref: 'some-locker' }], errors: [] });
    await flush();
    expect(calls).toHaveLength(3);
    const price = calls.find((c) => bodyOf(c).calledMethod === 'getDocumentPrice')!;
    const props = (JSON.parse(String(price.init.body)) as { methodProperties: Record<string, unknown> }).methodProperties;
    expect(props.CityRecipient).toBe(KYIV_REF);
    expect(props.RecipientWarehouse).toBeUndefined();
    for (const c of calls.slice(1)) c.respond(bodyOf(c).calledMethod === 'getDocumentPrice' ? npPrice : npDate);
    await flush();
    expect(s.stateOf('np-y')).toMatchObject({ state: 'ready', quote: { pointId: 'np-y', total: 14_900 } });
    // Another parcel: the city ref is remembered, no second lookup.
    s.setParcel({ ...PARCEL, weightG: 3000 });
    expect(calls.slice(3).map((c) => bodyOf(c).calledMethod).sort()).toEqual(['getDocumentDeliveryDate', 'getDocumentPrice']);
  });

  it('an unknown city in the lookup makes the points unavailable', async () => {
    const { s, calls } = setup();
    s.want([npBranch('np-z', KYIV_REF, { carrierRefs: undefined })]);
    calls[0]!.respond({ success: true, data: [], errors: [] });
    await flush();
    expect(s.stateOf('np-z')).toMatchObject({ state: 'unavailable', error: { kind: 'unsupported' } });
    expect(s.inFlight).toBe(0);
  });

  it('dispose aborts everything', () => {
    const { s, calls } = setup();
    s.want(rps(3));
    s.dispose();
    expect(calls.every((c) => c.aborted)).toBe(true);
    expect(s.inFlight).toBe(0);
  });
});

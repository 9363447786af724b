import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOrderClient, type OrderClientOptions } from './client.js';
import { OrderApiError, OrderRetryExhaustedError, PendingIntentError, QuoteChangedError } from './errors.js';
import { localStorageStore } from './local-storage-store.js';
import { memoryStore, type PendingIntent, type PendingOrderStore } from './pending.js';
import {
  created, fakeFetch, flush, FRESH_QUOTE, INTENT, MapStorage, orderView, problem, sequence, TRACKING, type Call,
} from './test-fixtures.js';

const ORDERS = 'https://picker.example/api/v1/orders';

function setup(over: Partial<OrderClientOptions> = {}) {
  const f = fakeFetch();
  const sleeps: number[] = [];
  const store = over.store ?? memoryStore();
  const client = createOrderClient({
    apiBase: 'https://picker.example/',
    configId: 'shop-1',
    fetch: f.fetch,
    store,
    newKey: sequence('key-1', 'key-2', 'key-3'),
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    ...over,
  });
  return { client, calls: f.calls, sleeps, store };
}

/** Flushes until `calls` has n entries (or gives up), then insists on exactly n. */
async function callsReach(calls: Call[], n: number) {
  for (let i = 0; i < 20 && calls.length < n; i++) await flush();
  expect(calls).toHaveLength(n);
}

const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

const EXPECTED_BODY = JSON.stringify({ ...INTENT, configId: 'shop-1' });

afterEach(() => {
  vi.useRealTimers();
});

describe('submit', () => {
  it('stores the key with the payload before the first request, sends it quoted, forgets it after the 201', async () => {
    const log: string[] = [];
    const inner = memoryStore();
    const store: PendingOrderStore = {
      load: () => inner.load(),
      save: (p) => { log.push(`save ${p.intentId} ${p.key}`); return inner.save(p); },
      remove: (id) => { log.push(`remove ${id}`); return inner.remove(id); },
    };
    const { client, calls } = setup({ store, now: () => 1_000 });
    const order = client.submit(INTENT);
    await callsReach(calls, 1);
    log.push('fetch');
    const c = calls[0]!;
    expect([c.url, c.init.method]).toEqual([ORDERS, 'POST']);
    expect(c.headers['Idempotency-Key']).toBe('"key-1"');
    expect(c.headers['Content-Type']).toBe('application/json');
    expect(c.body).toBe(EXPECTED_BODY);
    expect(await inner.load()).toEqual([{ intentId: 'A-1001', key: 'key-1', input: { ...INTENT, configId: 'shop-1' }, createdAt: 1_000 }]);
    c.respond(201, created());
    expect(await order).toEqual(created());
    expect(log).toEqual(['save A-1001 key-1', 'fetch', 'remove A-1001']);
    expect(await inner.load()).toEqual([]);
  });

  it('retries network errors, 503, 500, 429 and 408 with the same key and body, full-jitter delays in between', async () => {
    const { client, calls, sleeps } = setup({ random: sequence(0.5, 0.25, 0.75, 0.1, 0.9) });
    const order = client.submit(INTENT);
    await callsReach(calls, 1);
    calls[0]!.fail();
    await callsReach(calls, 2);
    calls[1]!.respond(503, problem(503, 'Service Unavailable'));
    await callsReach(calls, 3);
    calls[2]!.respond(500, 'Internal Server Error');
    await callsReach(calls, 4);
    calls[3]!.respond(429, problem(429, 'Too Many Requests'));
    await callsReach(calls, 5);
    calls[4]!.respond(408, problem(408, 'Request Timeout'));
    await callsReach(calls, 6);
    calls[5]!.respond(201, created(), { 'Idempotent-Replayed': 'true' });
    expect((await order).token).toBe('tok_0123456789abcdef');
    expect(new Set(calls.map((c) => c.headers['Idempotency-Key']))).toEqual(new Set(['"key-1"']));
    expect(new Set(calls.map((c) => c.body))).toEqual(new Set([EXPECTED_BODY]));
    // random() * min(5000, 500 * 2^n) for n = 0..4
    expect(sleeps).toEqual([250, 250, 1500, 400, 4500]);
  });

  it.each([
    [400, problem(400, 'Bad Request', { detail: 'Idempotency-Key is not a string' }), undefined, undefined],
    [404, problem(404, 'Not Found', { detail: 'no point rp-101000' }), undefined, undefined],
    [422, problem(422, 'Unprocessable Content', { code: 'key_reused' }), undefined, 'key_reused'],
    [422, problem(422, 'Unprocessable Content', { field: 'recipient.phone', detail: 'expected +7…' }), 'recipient.phone', undefined],
  ])('never retries %i: one request, OrderApiError, the intent is forgotten', async (status, body, field, code) => {
    const { client, calls, sleeps, store } = setup();
    const order = caught(client.submit(INTENT));
    await callsReach(calls, 1);
    calls[0]!.respond(status, body);
    const e = await order;
    expect(e).toBeInstanceOf(OrderApiError);
    expect(e).not.toBeInstanceOf(QuoteChangedError);
    expect(e).toMatchObject({ status, field, code, problem: body });
    await flush();
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(await store.load()).toEqual([]);
  });

  it('a 4xx without problem+json still gives a typed error', async () => {
    const { client, calls } = setup();
    const order = caught(client.submit(INTENT));
    await callsReach(calls, 1);
    calls[0]!.respond(400, '<html>bad request</html>', { 'Content-Type': 'text/html' });
    expect(await order).toMatchObject({ name: 'OrderApiError', status: 400, problem: { type: 'about:blank', title: 'HTTP 400', status: 400 } });
  });

  it('retries 409 in_flight with the same key', async () => {
    const { client, calls, sleeps } = setup();
    const order = client.submit(INTENT);
    await callsReach(calls, 1);
    calls[0]!.respond(409, problem(409, 'Conflict', { code: 'in_flight' }));
    await callsReach(calls, 2);
    calls[1]!.respond(201, created());
    expect((await order).id).toBe('ord_1');
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['"key-1"', '"key-1"']);
    expect(sleeps).toEqual([250]);
  });

  it('surfaces 409 quote_changed as QuoteChangedError with the fresh quote; the next submit uses a new key', async () => {
    const { client, calls, sleeps, store } = setup();
    const first = caught(client.submit(INTENT));
    await callsReach(calls, 1);
    calls[0]!.respond(409, problem(409, 'Quote changed', { code: 'quote_changed', quote: FRESH_QUOTE }));
    const e = await first;
    expect(e).toBeInstanceOf(QuoteChangedError);
    expect(e).toBeInstanceOf(OrderApiError);
    expect((e as QuoteChangedError).quote).toEqual(FRESH_QUOTE);
    expect((e as QuoteChangedError).status).toBe(409);
    expect(sleeps).toEqual([]);
    expect(await store.load()).toEqual([]);
    // The buyer confirms the new price.
    const second = client.submit({ ...INTENT, quote: FRESH_QUOTE });
    await callsReach(calls, 2);
    expect(calls[1]!.headers['Idempotency-Key']).toBe('"key-2"');
    expect(JSON.parse(calls[1]!.body!).quote).toEqual(FRESH_QUOTE);
    calls[1]!.respond(201, created());
    expect((await second).id).toBe('ord_1');
  });

  it('aborts an attempt after attemptTimeoutMs and retries it with the same key', async () => {
    vi.useFakeTimers();
    const { client, calls } = setup({ attemptTimeoutMs: 1_000 });
    const order = client.submit(INTENT);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls[0]!.aborted).toBe(false);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]!.aborted).toBe(true);
    expect((calls[0]!.abortReason as DOMException).name).toBe('TimeoutError');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers['Idempotency-Key']).toBe('"key-1"');
    expect(calls[1]!.init.signal).not.toBe(calls[0]!.init.signal);
    calls[1]!.respond(201, created());
    expect((await order).id).toBe('ord_1');
  });

  it('gives up on an attempt whose fetch ignores the signal', async () => {
    vi.useFakeTimers();
    let sent = 0;
    const { client } = setup({ attemptTimeoutMs: 1_000, maxAttempts: 2, fetch: () => { sent++; return new Promise<Response>(() => {}); } });
    const order = caught(client.submit(INTENT));
    await vi.advanceTimersByTimeAsync(2_000);
    const e = await order;
    expect(e).toBeInstanceOf(OrderRetryExhaustedError);
    expect(((e as Error).cause as DOMException).name).toBe('TimeoutError');
    expect(sent).toBe(2);
  });

  it('a double submit sends one request and both callers get the same order', async () => {
    let saves = 0;
    const inner = memoryStore();
    const { client, calls } = setup({ store: { ...inner, save: (p) => { saves++; return inner.save(p); } } });
    const a = client.submit(INTENT);
    const b = client.submit(INTENT);
    expect(b).toBe(a);
    await callsReach(calls, 1);
    await flush();
    expect(calls).toHaveLength(1);
    calls[0]!.respond(201, created());
    const [x, y] = await Promise.all([a, b]);
    expect(y).toBe(x);
    expect(saves).toBe(1);
  });

  it('refuses another payload for an intent in flight without sending it', async () => {
    const { client, calls } = setup();
    const a = client.submit(INTENT);
    const e = await caught(client.submit({ ...INTENT, comment: 'leave at the door' }));
    expect(e).toMatchObject({ name: 'PendingIntentError', intentId: 'A-1001', reason: 'conflict' });
    await callsReach(calls, 1);
    calls[0]!.respond(201, created());
    await a;
    await flush();
    expect(calls).toHaveLength(1);
  });

  it('retries a malformed 2xx (the replay answers the same order)', async () => {
    const { client, calls } = setup();
    const order = client.submit(INTENT);
    await callsReach(calls, 1);
    calls[0]!.respond(201, { ...created(), token: 'short' });
    await callsReach(calls, 2);
    calls[1]!.respond(201, '{"id":"ord_1",');
    await callsReach(calls, 3);
    calls[2]!.respond(200, created(), { 'Idempotent-Replayed': 'true' });
    expect(await order).toEqual(created());
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['"key-1"', '"key-1"', '"key-1"']);
  });

  it('exhausted attempts keep the pending record; a new client over the same store resumes with the same key and payload', async () => {
    const storage = new MapStorage();
    const before = setup({ store: localStorageStore(storage, 'bp:'), maxAttempts: 3, now: () => 5_000 });
    const order = caught(before.client.submit(INTENT));
    await callsReach(before.calls, 1);
    before.calls[0]!.fail();
    await callsReach(before.calls, 2);
    before.calls[1]!.respond(502, 'Bad Gateway');
    await callsReach(before.calls, 3);
    before.calls[2]!.respond(503, problem(503, 'Service Unavailable'));
    const e = await order;
    expect(e).toBeInstanceOf(OrderRetryExhaustedError);
    expect(e).toMatchObject({ attempts: 3, lastStatus: 503, intentId: 'A-1001' });
    expect((e as Error).cause).toMatchObject({ name: 'OrderApiError', status: 503 });
    expect(before.sleeps).toEqual([250, 500]);
    expect([...storage.map.keys()]).toEqual(['bp:A-1001']);

    // "Restart": a new client, a new store object over the same storage, a key generator that must not be used.
    const after = setup({ store: localStorageStore(storage, 'bp:'), newKey: () => 'must-not-be-used', now: () => 6_000 });
    expect((await after.client.pending()).map((p) => [p.intentId, p.key])).toEqual([['A-1001', 'key-1']]);
    const results = after.client.resume();
    await callsReach(after.calls, 1);
    expect(after.calls[0]!.headers['Idempotency-Key']).toBe('"key-1"');
    expect(after.calls[0]!.body).toBe(before.calls[0]!.body);
    expect(after.calls[0]!.body).toBe(EXPECTED_BODY);
    after.calls[0]!.respond(200, created(), { 'Idempotent-Replayed': 'true' });
    expect(await results).toEqual([{ intentId: 'A-1001', status: 'fulfilled', value: created() }]);
    expect(storage.map.size).toBe(0);
  });

  it('resubmitting a pending intent reuses its key', async () => {
    const { client, calls } = setup({ maxAttempts: 1 });
    const first = caught(client.submit(INTENT));
    await callsReach(calls, 1);
    calls[0]!.respond(500, problem(500, 'Internal Server Error'));
    expect(await first).toBeInstanceOf(OrderRetryExhaustedError);
    const second = client.submit({ ...INTENT, intentId: 'A-1001' });
    await callsReach(calls, 2);
    expect(calls[1]!.headers['Idempotency-Key']).toBe('"key-1"');
    calls[1]!.respond(201, created());
    expect((await second).id).toBe('ord_1');
  });
});

describe('resume', () => {
  const pendingOf = (intentId: string, key: string, orderNumber: string, configId = 'shop-1', createdAt = 0): PendingIntent => ({
    intentId, key, input: { ...INTENT, orderNumber, configId }, createdAt,
  });

  it('settles every pending intent of this config: one failure hides nothing', async () => {
    const store = memoryStore([
      pendingOf('A-1', 'k-a', 'A-1'),
      pendingOf('B-2', 'k-b', 'B-2'),
      pendingOf('C-3', 'k-c', 'C-3', 'other-shop'),
    ]);
    const { client, calls } = setup({ store, now: () => 60_000 });
    const results = client.resume();
    await callsReach(calls, 2);
    const byKey = new Map(calls.map((c) => [c.headers['Idempotency-Key'], c]));
    expect([...byKey.keys()].sort()).toEqual(['"k-a"', '"k-b"']);
    byKey.get('"k-a"')!.respond(422, problem(422, 'Unprocessable Content', { field: 'recipient.phone' }));
    byKey.get('"k-b"')!.respond(201, created('ord_2', 'B-2'));
    const out = await results;
    expect(out.map((r) => [r.intentId, r.status])).toEqual([['A-1', 'rejected'], ['B-2', 'fulfilled']]);
    expect(out[0]!.status === 'rejected' && out[0]!.reason).toMatchObject({ name: 'OrderApiError', status: 422, field: 'recipient.phone' });
    expect(out[1]!.status === 'fulfilled' && out[1]!.value.id).toBe('ord_2');
    expect((await store.load()).map((p) => p.intentId)).toEqual(['C-3']);
  });

  it('does not resend a key older than the API keeps keys; the record stays until discarded', async () => {
    const store = memoryStore([pendingOf('A-1', 'k-a', 'A-1', 'shop-1', 0)]);
    const { client, calls } = setup({ store, now: () => 24 * 3600 * 1000 });
    const out = await client.resume();
    expect(out).toEqual([{ intentId: 'A-1', status: 'rejected', reason: expect.any(PendingIntentError) }]);
    expect(out[0]!.status === 'rejected' && out[0]!.reason).toMatchObject({ reason: 'expired' });
    expect(calls).toHaveLength(0);
    expect(await client.pending()).toHaveLength(1);
    await client.discard('A-1');
    expect(await client.pending()).toEqual([]);
  });

  it('joins a submit already in flight instead of sending twice', async () => {
    const { client, calls } = setup();
    const order = client.submit(INTENT);
    await callsReach(calls, 1);
    const results = client.resume();
    await flush();
    expect(calls).toHaveLength(1);
    calls[0]!.respond(201, created());
    expect(await results).toEqual([{ intentId: 'A-1001', status: 'fulfilled', value: await order }]);
  });
});

describe('get, tracking, cancel', () => {
  it('GET the order with the bearer token, retrying a 503 and a malformed body', async () => {
    const { client, calls, sleeps } = setup();
    const view = client.get('ord/1', 'tok_0123456789abcdef');
    await callsReach(calls, 1);
    expect([calls[0]!.url, calls[0]!.init.method]).toEqual([`${ORDERS}/ord%2F1`, 'GET']);
    expect(calls[0]!.headers.Authorization).toBe('Bearer tok_0123456789abcdef');
    expect(calls[0]!.headers['Idempotency-Key']).toBeUndefined();
    calls[0]!.respond(503, problem(503, 'Service Unavailable'));
    await callsReach(calls, 2);
    calls[1]!.respond(200, { ...orderView(), status: 'lost' });
    await callsReach(calls, 3);
    calls[2]!.respond(200, orderView());
    expect(await view).toEqual(orderView());
    expect(sleeps).toEqual([250, 500]);
  });

  it('tracking reads the timeline', async () => {
    const { client, calls } = setup();
    const t = client.tracking('ord_1', 'tok_0123456789abcdef');
    await callsReach(calls, 1);
    expect(calls[0]!.url).toBe(`${ORDERS}/ord_1/tracking`);
    calls[0]!.respond(200, TRACKING);
    expect(await t).toEqual(TRACKING);
  });

  it('a 404 (unknown id or wrong token) is not retried', async () => {
    const { client, calls } = setup();
    const t = caught(client.get('ord_1', 'wrong'));
    await callsReach(calls, 1);
    calls[0]!.respond(404, problem(404, 'Not Found'));
    expect(await t).toMatchObject({ name: 'OrderApiError', status: 404 });
    await flush();
    expect(calls).toHaveLength(1);
  });

  it('cancel POSTs, retries 502, and surfaces 409 not_cancellable without retrying', async () => {
    const { client, calls } = setup();
    const ok = client.cancel('ord_1', 'tok_0123456789abcdef');
    await callsReach(calls, 1);
    expect([calls[0]!.url, calls[0]!.init.method]).toEqual([`${ORDERS}/ord_1/cancel`, 'POST']);
    calls[0]!.respond(502, 'Bad Gateway');
    await callsReach(calls, 2);
    calls[1]!.respond(200, orderView('ord_1', 'A-1001', { status: 'cancelled' }));
    expect((await ok).status).toBe('cancelled');

    const no = caught(client.cancel('ord_1', 'tok_0123456789abcdef'));
    await callsReach(calls, 3);
    calls[2]!.respond(409, problem(409, 'Conflict', { code: 'not_cancellable', detail: 'already delivered' }));
    expect(await no).toMatchObject({ name: 'OrderApiError', status: 409, code: 'not_cancellable' });
    await flush();
    expect(calls).toHaveLength(3);
  });
});

describe('createOrderClient options', () => {
  it('rejects a bad configId and maxAttempts', () => {
    expect(() => createOrderClient({ apiBase: 'https://x', configId: 'a b' })).toThrow(TypeError);
    expect(() => createOrderClient({ apiBase: 'https://x', configId: 'a', maxAttempts: 0 })).toThrow(RangeError);
  });

});

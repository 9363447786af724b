import { describe, expect, it } from 'vitest';
import type { Fetch } from './api.js';
import { cancelOrder, fetchOrdersCsv, getTracking, listOrders, ordersQuery, verifyOwnerKey } from './orders-api.js';
import { sampleOrder, sampleTracking } from './orders-fixture.js';

interface Call { url: string; method: string; authorization?: string }

function fakeFetch(responses: Array<Response | Error>): Fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ url, method: init?.method ?? 'GET', ...(auth ? { authorization: auth } : {}) });
    const next = responses.shift();
    if (!next) throw new Error('unexpected call');
    if (next instanceof Error) throw next;
    return next;
  }) as Fetch & { calls: Call[] };
  fn.calls = calls;
  return fn;
}

const json = (status: number, body: unknown, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string, detail: string, field?: string): Response =>
  json(status, { type: `https://example.test/problems/${code}`, title: code, status, detail, code, ...(field ? { field } : {}) }, 'application/problem+json');

describe('ordersQuery', () => {
  it('leaves out empty filters and trims the search', () => {
    expect(ordersQuery('cfg_a', {})).toBe('config=cfg_a');
    expect(ordersQuery('cfg_a', { status: '', carrier: '', q: '  ' })).toBe('config=cfg_a');
    expect(ordersQuery('cfg_a', { status: 'delivered', carrier: 'nova-poshta', from: '2025-03-01', to: '2025-03-31', q: ' SHOP 1 ' }, { cursor: '1.ord_x', limit: '50' }))
      .toBe('config=cfg_a&status=delivered&carrier=nova-poshta&from=2025-03-01&to=2025-03-31&q=SHOP+1&cursor=1.ord_x&limit=50');
  });
});

describe('listOrders', () => {
  it('sends the owner key and the filters, and returns the page with its cursor', async () => {
    const f = fakeFetch([json(200, { items: [sampleOrder()], nextCursor: '1740821400000.ord_0123456789abcdef0123' })]);
    const r = await listOrders(f, '/api/v1', 'cfg_a', 'ok_key', { status: 'registered' });
    expect(r).toEqual({ ok: true, items: [sampleOrder()], nextCursor: '1740821400000.ord_0123456789abcdef0123', skipped: 0 });
    expect(f.calls).toEqual([{ url: '/api/v1/orders?config=cfg_a&status=registered&limit=50', method: 'GET', authorization: 'Bearer ok_key' }]);
  });

  it('skips and counts malformed orders, keeping the good ones', async () => {
    const f = fakeFetch([json(200, { items: [sampleOrder({ orderNumber: 'A-1' }), { ...sampleOrder(), status: 'lost' }, 'junk', sampleOrder({ orderNumber: 'A-2' })] })]);
    const r = await listOrders(f, '/api', 'cfg_a', 'k', {});
    expect(r.ok && r.items.map((o) => o.orderNumber)).toEqual(['A-1', 'A-2']);
    expect(r.ok && r.skipped).toBe(2);
    expect(r.ok && r.nextCursor).toBeUndefined();
  });

  it('refuses an answer that is not a page of orders', async () => {
    expect(await listOrders(fakeFetch([json(200, { items: 'x' })]), '/api', 'c', 'k', {})).toMatchObject({ ok: false, reason: { kind: 'not-a-list' } });
    expect((await listOrders(fakeFetch([json(200, { items: [], nextCursor: 5 })]), '/api', 'c', 'k', {})).ok).toBe(false);
    expect((await listOrders(fakeFetch([new Response('<html>', { status: 200 })]), '/api', 'c', 'k', {})).ok).toBe(false);
  });

  it('passes on the problem of a 403 and explains a network failure', async () => {
    const denied = await listOrders(fakeFetch([problem(403, 'owner_key_required', 'listing orders needs the owner key', 'Authorization')]), '/api', 'c', 'bad', {});
    expect(denied).toEqual({ ok: false, status: 403, code: 'owner_key_required', field: 'Authorization', message: 'listing orders needs the owner key' });
    expect(await listOrders(fakeFetch([new TypeError('Failed to fetch')]), '/api', 'c', 'k', {})).toEqual({ ok: false, message: 'could not reach the server (Failed to fetch)', reason: { kind: 'unreachable', cause: 'Failed to fetch' } });
    expect(await listOrders(fakeFetch([new Response('oops', { status: 502, statusText: 'Bad Gateway' })]), '/api', 'c', 'k', {}))
      .toEqual({ ok: false, status: 502, message: 'the server answered 502 Bad Gateway', reason: { kind: 'http', status: '502 Bad Gateway' } });
  });
});

describe('verifyOwnerKey', () => {
  it('lists one order with the key', async () => {
    const f = fakeFetch([json(200, { items: [] }), problem(403, 'owner_key_required', 'no')]);
    expect(await verifyOwnerKey(f, '/api/v1', 'cfg_a', 'ok_1')).toEqual({ ok: true });
    expect(f.calls[0]).toEqual({ url: '/api/v1/orders?config=cfg_a&limit=1', method: 'GET', authorization: 'Bearer ok_1' });
    expect(await verifyOwnerKey(f, '/api/v1', 'cfg_a', 'wrong')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('getTracking', () => {
  it('validates the timeline', async () => {
    const f = fakeFetch([json(200, sampleTracking()), json(200, { ...sampleTracking(), events: [{ status: 'x' }] })]);
    expect(await getTracking(f, '/api', 'ord_1', 'k')).toEqual({ ok: true, tracking: sampleTracking() });
    expect(f.calls[0]).toEqual({ url: '/api/orders/ord_1/tracking', method: 'GET', authorization: 'Bearer k' });
    expect((await getTracking(f, '/api', 'ord_1', 'k')).ok).toBe(false);
  });
});

describe('cancelOrder', () => {
  it('POSTs with the key and returns the cancelled order', async () => {
    const f = fakeFetch([json(200, sampleOrder({ status: 'cancelled' })), json(200, { nope: 1 })]);
    expect(await cancelOrder(f, '/api', 'ord_1', 'k')).toEqual({ ok: true, order: sampleOrder({ status: 'cancelled' }) });
    expect(f.calls[0]).toEqual({ url: '/api/orders/ord_1/cancel', method: 'POST', authorization: 'Bearer k' });
    expect(await cancelOrder(f, '/api', 'ord_1', 'k')).toEqual({ ok: true });
  });

  it('passes on not_cancellable and carrier_unavailable', async () => {
    const f = fakeFetch([problem(409, 'not_cancellable', 'the parcel was handed over', 'id'), problem(503, 'carrier_unavailable', 'carrier timed out', 'id')]);
    expect(await cancelOrder(f, '/api', 'o', 'k')).toMatchObject({ ok: false, status: 409, code: 'not_cancellable', message: 'the parcel was handed over' });
    expect(await cancelOrder(f, '/api', 'o', 'k')).toMatchObject({ ok: false, status: 503, code: 'carrier_unavailable' });
  });
});

describe('fetchOrdersCsv', () => {
  it('keeps the BOM and the file name, with the same filters as the list', async () => {
    const text = '\uFEFForder_id,order_number\r\nord_1,SHOP-1\r\n';
    const f = fakeFetch([new Response(text, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="orders-cfg_a.csv"' } })]);
    const r = await fetchOrdersCsv(f, '/api/v1', 'cfg_a', 'k', { status: 'registered', q: 'SHOP' });
    expect(f.calls[0]).toEqual({ url: '/api/v1/orders.csv?config=cfg_a&status=registered&q=SHOP', method: 'GET', authorization: 'Bearer k' });
    if (!r.ok) throw new Error(r.message);
    expect(r.filename).toBe('orders-cfg_a.csv');
    const bytes = new Uint8Array(await r.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('names the file itself when the server does not, and passes on a 403', async () => {
    const f = fakeFetch([new Response('x'), problem(403, 'owner_key_required', 'no key')]);
    expect(await fetchOrdersCsv(f, '/api', 'cfg_b', 'k', {})).toMatchObject({ ok: true, filename: 'orders-cfg_b.csv' });
    expect(await fetchOrdersCsv(f, '/api', 'cfg_b', 'k', {})).toMatchObject({ ok: false, status: 403, code: 'owner_key_required' });
  });
});

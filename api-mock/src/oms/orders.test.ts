// The order API against a real server and database (SQLite here; PostgreSQL when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedOrder, OrderPage, Problem, type OrderInput } from '../../../widget/src/model/order.js';
import { FIXTURE_NOW } from '../test-support/fixture.js';
import { DEMO_OWNER_KEY } from './index.js';
import { fakeCarrier, type FakeCarrier } from './testing/fake-connector.js';
import { startHarness, type Harness } from './testing/harness.js';

let h: Harness;
let rp: FakeCarrier;
let seq = 0;

beforeAll(async () => {
  rp = fakeCarrier('russian-post');
  h = await startHarness({ now: () => FIXTURE_NOW, connectors: () => [['russian-post', rp]] });
});
afterAll(() => h.close());

function order(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    orderNumber: `A-${++seq}`,
    configId: 'demo',
    pointId: 'rp-101000',
    carrier: 'russian-post',
    parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } },
    recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+7 (912) 345-67-89' },
    ...overrides,
  };
}

async function post(body: unknown, key: string | null = crypto.randomUUID(), headers: Record<string, string> = {}) {
  const res = await fetch(`${h.base}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'idempotency-key': `"${key}"` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { res, status: res.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

const problemOf = (v: unknown) => Problem.parse(v);

describe('POST /api/v1/orders', () => {
  it('runs on the engine the environment asks for', () => {
    expect(h.oms.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
  });

  it('accepts an order once and replays the stored answer for the same key and payload', async () => {
    const before = await h.oms.store.countOrders();
    const key = crypto.randomUUID();
    const body = order();
    const first = await post(body, key);
    expect(first.status).toBe(201);
    const created = CreatedOrder.parse(first.json);
    expect(created).toMatchObject({ status: 'created', orderNumber: body.orderNumber, carrier: 'russian-post', pointId: 'rp-101000', pointName: 'Москва 101000' });
    expect(created.recipient.phone).toBe('+79123456789');
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.quote.pointId).toBe('rp-101000');
    expect(first.res.headers.get('location')).toBe(`/api/v1/orders/${created.id}`);
    expect(first.res.headers.get('idempotency-retention')).toBe('86400');
    expect(first.res.headers.get('idempotent-replayed')).toBeNull();

    // Key order and whitespace do not make a different request.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const again = await post(reordered, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await h.oms.store.countOrders()).toBe(before + 1);
  });

  it('answers 422 when the key comes back with a different order, and stores nothing', async () => {
    const key = crypto.randomUUID();
    expect((await post(order(), key)).status).toBe(201);
    const before = await h.oms.store.countOrders();
    const other = await post(order(), key);
    expect(other.status).toBe(422);
    expect(other.res.headers.get('content-type')).toBe('application/problem+json');
    expect(problemOf(other.json)).toMatchObject({ code: 'key_reused', field: 'Idempotency-Key', status: 422 });
    expect(await h.oms.store.countOrders()).toBe(before);
  });

  it('answers a browser\'s preflight and honours a per-request fault on the order API', async () => {
    const pre = await fetch(`${h.base}/api/v1/orders`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const before = await h.oms.store.countOrders();
    const failed = await post(order(), crypto.randomUUID(), { 'x-sandbox-fault': 'status=503' });
    expect(failed.status).toBe(503);
    expect(await h.oms.store.countOrders()).toBe(before);
    await expect(post(order(), crypto.randomUUID(), { 'x-sandbox-fault': 'commit-then-drop' })).rejects.toThrow();
    expect(await h.oms.store.countOrders()).toBe(before + 1);
  });

  it('accepts the bare key form and scopes keys to the widget', async () => {
    const key = crypto.randomUUID();
    const bare = await fetch(`${h.base}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(order()) });
    expect(bare.status).toBe(201);
    const cfg = await (await fetch(`${h.base}/api/v1/configs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Other shop' }) })).json() as { id: string };
    // The same key in another widget is another request, not a replay of this one.
    const elsewhere = await post(order({ configId: cfg.id }), key);
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('creates exactly one order when 12 requests race with one key', async () => {
    const before = await h.oms.store.countOrders();
    const key = crypto.randomUUID();
    const body = order();
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(body, key)));
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => CreatedOrder.parse(a.json).id));
    expect(ids.size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(problemOf(a.json)).toMatchObject({ status: 409, code: 'in_flight' });
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(await h.oms.store.countOrders()).toBe(before + 1);
  });

  describe('bad input answers 4xx problem+json naming the field, and writes nothing', () => {
    const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof post>>>, number, string, string]> = [
      ['missing key', () => post(order(), null), 400, 'bad_idempotency_key', 'Idempotency-Key'],
      ['key over 255 characters', () => post(order(), 'k'.repeat(256)), 400, 'bad_idempotency_key', 'Idempotency-Key'],
      ['malformed JSON', () => post('{"orderNumber": "X-1",', crypto.randomUUID()), 400, 'malformed_json', 'body'],
      ['wrong content type', () => post(JSON.stringify(order()), crypto.randomUUID(), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type', 'Content-Type'],
      ['missing recipient', () => { const { recipient: _r, ...rest } = order(); return post(rest); }, 422, 'invalid_field', 'recipient'],
      ['a Ukrainian phone for a Russian point', () => post(order({ recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+380 67 123 4567' } })), 422, 'invalid_phone', 'recipient.phone'],
      ['unknown point', () => post(order({ pointId: 'rp-000000' })), 422, 'unknown_point', 'pointId'],
      ['closed point', () => post(order({ pointId: 'rp-690000' })), 422, 'point_closed', 'pointId'],
      ['parcel over the locker limit', () => post(order({ pointId: 'rp-pm-101000', parcel: { weightG: 16000, dimensionsCm: { length: 30, width: 20, height: 10 } } })), 422, 'parcel_does_not_fit', 'parcel.weightG'],
      ['cash on delivery where the point takes none', () => post(order({ pointId: 'rp-pm-101000', parcel: { weightG: 1000, dimensionsCm: { length: 30, width: 20, height: 10 }, cashOnDelivery: { amount: 150000, currency: 'RUB' } } })), 422, 'cod_not_allowed', 'parcel.cashOnDelivery'],
      ['carrier that is not the point\'s', () => post(order({ carrier: 'nova-poshta' })), 422, 'carrier_mismatch', 'carrier'],
      ['unknown widget', () => post(order({ configId: 'nope' })), 422, 'unknown_config', 'configId'],
    ];
    it.each(cases)('%s', async (_name, send, status, code, field) => {
      const before = await h.oms.store.countOrders();
      const r = await send();
      expect(r.status).toBe(status);
      expect(r.res.headers.get('content-type')).toBe('application/problem+json');
      expect(problemOf(r.json)).toMatchObject({ status, code, field });
      expect(await h.oms.store.countOrders()).toBe(before);
    });

    it('a 1 MB body', async () => {
      const before = await h.oms.store.countOrders();
      const r = await post({ ...order(), comment: 'x'.repeat(1_100_000) });
      expect(r.status).toBe(413);
      expect(problemOf(r.json)).toMatchObject({ code: 'payload_too_large', field: 'body' });
      expect(await h.oms.store.countOrders()).toBe(before);
    });
  });

  it('re-prices on the server: a changed price answers 409 with the fresh quote, replayed for the same key', async () => {
    const first = CreatedOrder.parse((await post(order())).json);
    const stale = { ...first.quote, total: first.quote.total - 5000 };
    const key = crypto.randomUUID();
    const before = await h.oms.store.countOrders();
    const body = order({ quote: stale });
    const r = await post(body, key);
    expect(r.status).toBe(409);
    const p = problemOf(r.json);
    expect(p).toMatchObject({ code: 'quote_changed', field: 'quote' });
    expect(p.quote?.total).toBe(first.quote.total);
    const replay = await post(body, key);
    expect(replay.status).toBe(409);
    expect(replay.text).toBe(r.text);
    expect(replay.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await h.oms.store.countOrders()).toBe(before);
    // The buyer confirms the fresh price with a new key: accepted.
    const ok = await post(order({ quote: p.quote! }));
    expect(ok.status).toBe(201);
  });

  it('lets only the shop (owner key) choose the origin, which sets the price', async () => {
    const origin = { country: 'RU', postcode: '190000', city: 'Санкт-Петербург' };
    const anon = await post(order({ origin }));
    expect(anon.status).toBe(422);
    expect(problemOf(anon.json)).toMatchObject({ code: 'origin_needs_owner_key', field: 'origin' });
    const shop = await post(order({ origin }), crypto.randomUUID(), { authorization: `Bearer ${DEMO_OWNER_KEY}` });
    expect(shop.status).toBe(201);
  });

  it('reserves the inbound connectors\' keys', async () => {
    const r = await post(order(), 'rp-backlog:A-1');
    expect(r.status).toBe(400);
    expect(problemOf(r.json)).toMatchObject({ code: 'bad_idempotency_key', field: 'Idempotency-Key' });
  });

  it.each([
    [{ amount: 0, currency: 'RUB' }, 'parcel.cashOnDelivery.amount'],
    [{ amount: -500, currency: 'RUB' }, 'parcel.cashOnDelivery.amount'],
    [{ amount: 150000, currency: 'UAH' }, 'parcel.cashOnDelivery.currency'],
  ])('refuses cash on delivery %j naming %s', async (cashOnDelivery, field) => {
    const r = await post(order({ parcel: { weightG: 1000, dimensionsCm: { length: 30, width: 20, height: 10 }, cashOnDelivery } }));
    expect(r.status).toBe(422);
    expect(problemOf(r.json)).toMatchObject({ code: 'invalid_field', field });
  });

  it('replays an answered request even after its point closed (the order exists)', async () => {
    const key = crypto.randomUUID();
    const body = order({ pointId: 'rp-115551' });
    const first = await post(body, key);
    expect(first.status).toBe(201);
    const point = h.ctx.byId.get('rp-115551')!;
    point.status = 'temporarily_closed';
    try {
      const again = await post(body, key);
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect((await post(order({ pointId: 'rp-115551' }))).status).toBe(422);
    } finally {
      point.status = 'open';
    }
  });

  it('refuses a second order with the same shop order number in one widget', async () => {
    const body = order();
    expect((await post(body)).status).toBe(201);
    const dup = await post(body);
    expect(dup.status).toBe(409);
    expect(problemOf(dup.json)).toMatchObject({ code: 'duplicate_order_number', field: 'orderNumber' });
  });
});

describe('reading, listing and cancelling', () => {
  it('reads an order with its token; a wrong token and an unknown id both answer 404', async () => {
    const created = CreatedOrder.parse((await post(order())).json);
    const get = (id: string, token: string) => fetch(`${h.base}/api/v1/orders/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await get(created.id, created.token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: created.id, status: 'created' });
    const wrong = await get(created.id, 'x'.repeat(22));
    const unknown = await get('ord_00000000000000000000', created.token);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.text()).toBe(await unknown.text());
    expect((await fetch(`${h.base}/api/v1/orders/${created.id}`)).status).toBe(404);
  });

  it('lists a widget\'s orders for its owner only, page by page, and exports CSV', async () => {
    const cfgRes = await fetch(`${h.base}/api/v1/configs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Shop' }) });
    expect(cfgRes.status).toBe(201);
    const cfg = await cfgRes.json() as { id: string; ownerKey: string };
    expect(cfg.ownerKey).toMatch(/^ok_/);
    // The key is shown once: a read does not return it.
    expect(await (await fetch(`${h.base}/api/v1/configs/${cfg.id}`)).json()).not.toHaveProperty('ownerKey');
    const numbers = ['S-1', 'S-2', 'S-3'];
    for (const n of numbers) expect((await post(order({ configId: cfg.id, orderNumber: n, recipient: { givenName: 'Ольга', surname: 'Петрова, "мл."', phone: '89123456789' } }))).status).toBe(201);
    const list = (q: string, key = cfg.ownerKey) => fetch(`${h.base}/api/v1/orders?config=${cfg.id}${q}`, { headers: { authorization: `Bearer ${key}` } });
    expect((await list('', DEMO_OWNER_KEY)).status).toBe(403);
    const page1 = OrderPage.parse(await (await list('&limit=2')).json());
    expect(page1.items.map((o) => o.orderNumber)).toHaveLength(2);
    expect(page1.nextCursor).toBeDefined();
    const page2 = OrderPage.parse(await (await list(`&limit=2&cursor=${page1.nextCursor}`)).json());
    expect([...page1.items, ...page2.items].map((o) => o.orderNumber).sort()).toEqual(numbers);
    expect(page2.nextCursor).toBeUndefined();
    const filtered = OrderPage.parse(await (await list('&status=delivered')).json());
    expect(filtered.items).toEqual([]);
    const bad = await list('&status=lost');
    expect(bad.status).toBe(400);
    expect(problemOf(await bad.json())).toMatchObject({ field: 'status' });
    for (const [q, field] of [['&to=2024-13-01', 'to'], ['&from=2024-02-31', 'from'], [`&cursor=${'9'.repeat(20)}.ord_00000000000000000000`, 'cursor']]) {
      const r = await list(q!);
      expect(r.status).toBe(400);
      expect(problemOf(await r.json())).toMatchObject({ field });
    }

    const csv = await fetch(`${h.base}/api/v1/orders.csv?config=${cfg.id}`, { headers: { authorization: `Bearer ${cfg.ownerKey}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('order_id,order_number,created_at,status,carrier,track_number,point_id,point_name,point_address,recipient,phone,email,weight_g,price,currency,cash_on_delivery,error');
    expect(lines).toHaveLength(5); // header, 3 rows, final CRLF
    expect(lines[1]).toContain(',"Ольга Петрова, ""мл.""",+79123456789,');
  });

  it('gives configs an owner: changing one needs its key', async () => {
    const cfg = await (await fetch(`${h.base}/api/v1/configs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Mine' }) })).json() as { id: string; ownerKey: string };
    const put = (key?: string) => fetch(`${h.base}/api/v1/configs/${cfg.id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify({ name: 'Hijacked' }),
    });
    expect((await put()).status).toBe(403);
    expect((await put('ok_wrong')).status).toBe(403);
    expect(await (await fetch(`${h.base}/api/v1/configs/${cfg.id}`)).json()).toMatchObject({ name: 'Mine' });
    const mine = await put(cfg.ownerKey);
    expect(mine.status).toBe(200);
    expect(await (await fetch(`${h.base}/api/v1/configs/${cfg.id}`)).json()).toMatchObject({ name: 'Hijacked', id: cfg.id });
  });

  it('cancels an order the carrier has not seen yet, without ever sending it', async () => {
    const created = CreatedOrder.parse((await post(order())).json);
    const cancel = await fetch(`${h.base}/api/v1/orders/${created.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${created.token}` } });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ status: 'cancelled' });
    while (await h.oms.dispatcher.tick() > 0) { /* drain */ }
    expect(rp.shipments.has(created.id)).toBe(false);
    expect(await h.oms.store.getOutbox(created.id)).toMatchObject({ state: 'cancelled', attempts: 0 });
  });
});

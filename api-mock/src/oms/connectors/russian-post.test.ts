import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Branch } from '../../../../widget/src/model/index.js';
import type { OrderStatus } from '../../../../widget/src/model/order.js';
import { createSandboxContext, type SandboxContext } from '../../context.js';
import { createHandlers } from '../../handlers/index.js';
import { createTestSandbox, TEST_ORIGIN } from '../../node.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from '../../test-support/fixture.js';
import { api } from '../../test-support/http.js';
import { createRussianPostConnector, mapHistory, operDate, phoneDigits, rpEventStatus, toBacklogPosition } from './russian-post.js';
import type { CarrierOrder, ConnectorOptions } from './types.js';

// The real sandbox handlers behind msw; each test gets a fresh carrier (store, journal, clocks).
const { server } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
let ctx: SandboxContext;
beforeEach(() => {
  ctx = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
  server.resetHandlers(...createHandlers(ctx));
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RP_AUTH = { Authorization: 'AccessToken t', 'X-User-Authorization': 'Basic t', 'Content-Type': 'application/json' };
const point = (id: string): Branch => FIXTURE_BRANCHES.find((b) => b.id === id)!;
const OFFICE = point('rp-101000');
const LOCKER = point('rp-pm-101000');

function order(over: Partial<CarrierOrder> = {}): CarrierOrder {
  return {
    orderId: 'ord_01JABC',
    orderNumber: 'A-1001',
    point: OFFICE,
    parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 9.5 } },
    recipient: { givenName: 'Иван', surname: 'Петров', phone: '+7 (912) 345-67-89' },
    origin: { country: 'RU', postcode: '101000' },
    createdAt: FIXTURE_NOW.toISOString(),
    ...over,
  };
}

function connector(over: Partial<ConnectorOptions> = {}) {
  return createRussianPostConnector({ baseUrl: TEST_ORIGIN, timeoutMs: 2000, now: () => FIXTURE_NOW, credentials: { rpAccessToken: 't', rpUserAuth: 'dTpw' }, ...over });
}

/** Every call carries this x-sandbox-fault header. */
function faulty(fault: string) {
  return connector({ fetch: (input, init) => globalThis.fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-sandbox-fault': fault } }) });
}

type Item = { id: number; orderNum: string; barcode?: string; batchName?: string; deleted: boolean; cancelled: boolean };
/** What the carrier holds for an order-num: the exactly-once oracle. */
async function shipments(orderNum: string): Promise<Item[]> {
  const res = await api(`/__sandbox/russian-post/shipments?orderNum=${orderNum}`);
  return ((await res.json()) as { items: Item[] }).items;
}
async function scenario(body: Record<string, unknown>): Promise<void> {
  const res = await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  expect(res.status).toBe(201);
}
const OTP = '/carriers/russian-post/otpravka/1.0';

describe('mapping our order to a backlog position', () => {
  it('maps a parcel-locker order with cash on delivery field by field', () => {
    const body = toBacklogPosition(order({
      point: LOCKER,
      parcel: { weightG: 2500, dimensionsCm: { length: 40, width: 30.2, height: 15 }, declaredValue: { amount: 100_000, currency: 'RUB' }, cashOnDelivery: { amount: 250_000, currency: 'RUB' } },
      recipient: { givenName: 'Анна', surname: 'Смирнова', phone: '8 912 345-67-89', email: 'a@example.org' },
    }));
    expect(body).toEqual({
      'order-num': 'ord_01JABC',
      'mail-type': 'ECOM',
      'mail-category': 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY',
      'mail-direct': 643,
      mass: 2500,
      dimension: { length: 40, width: 31, height: 15 },
      'address-type-to': 'DEFAULT',
      'index-to': 101000,
      'region-to': 'Москва',
      'place-to': 'Москва',
      'street-to': 'Мясницкая ул',
      'house-to': '24',
      'given-name': 'Анна',
      surname: 'Смирнова',
      'recipient-name': 'Смирнова Анна',
      'tel-address': 79123456789,
      'postoffice-code': '101000',
      'insr-value': 250_000,
      payment: 250_000,
      comment: 'A-1001',
      'ecom-data': { 'delivery-point-index': '101000' },
    });
  });

  it('maps an office order without value as an ordinary POSTAL_PARCEL, and one with value as WITH_DECLARED_VALUE', () => {
    const plain = toBacklogPosition(order({ origin: { country: 'RU' } }));
    expect([plain['mail-type'], plain['mail-category'], plain['insr-value'], plain.payment, plain['ecom-data'], plain['postoffice-code']])
      .toEqual(['POSTAL_PARCEL', 'ORDINARY', undefined, undefined, undefined, undefined]);
    const valued = toBacklogPosition(order({ parcel: { weightG: 500, dimensionsCm: { length: 10, width: 10, height: 10 }, declaredValue: { amount: 70_000, currency: 'RUB' } } }));
    expect([valued['mail-category'], valued['insr-value'], valued.payment]).toEqual(['WITH_DECLARED_VALUE', 70_000, undefined]);
  });

  it.each([
    ['+7 (912) 345-67-89', '79123456789'],
    ['8 912 345 67 89', '79123456789'],
    ['9123456789', '79123456789'],
    ['12-34', undefined],
  ])('phone %s -> %s', (phone, digits) => {
    expect(phoneDigits(phone)).toBe(digits);
  });

  it('the sandbox accepts the mapped position as it is', async () => {
    const res = await api(`${OTP}/user/backlog`, { method: 'PUT', headers: RP_AUTH, body: JSON.stringify([toBacklogPosition(order({ point: LOCKER }))]) });
    expect(await res.json()).toEqual({ 'result-ids': [115322331] });
  });
});

describe('send', () => {
  it('creates, batches and answers the barcode', async () => {
    const outcome = await connector().send(order(), { mayExist: false });
    expect(outcome).toEqual({ kind: 'accepted', shipment: { carrierRef: '115322331', trackNumber: '10100011000017' } });
    expect(await shipments('ord_01JABC')).toEqual([
      { id: 115322331, orderNum: 'ord_01JABC', barcode: '10100011000017', batchName: '1', deleted: false, cancelled: false, createdAt: '2026-11-25T09:00:00.000Z' },
    ]);
  });

  it('rejects on a position error, with the carrier\'s codes, and leaves nothing at the carrier', async () => {
    const outcome = await connector().send(order({ point: LOCKER, parcel: { weightG: 16_000, dimensionsCm: { length: 30, width: 20, height: 10 } } }), { mayExist: false });
    expect(outcome).toEqual({ kind: 'rejected', codes: ['MAX_MASS_EXCEEDED'], message: 'MAX_MASS_EXCEEDED: Превышен предельный вес отправления: mass 16000 g > 15000 g at 101000' });
    expect(await shipments('ord_01JABC')).toEqual([]);
  });

  it('rejects amounts in another currency without calling the carrier', async () => {
    const outcome = await connector().send(order({ parcel: { weightG: 100, dimensionsCm: { length: 1, width: 1, height: 1 }, cashOnDelivery: { amount: 100, currency: 'UAH' } } }), { mayExist: false });
    expect(outcome).toEqual({ kind: 'rejected', codes: ['ILLEGAL_CURRENCY'], message: 'Russian Post takes amounts in RUB, not UAH' });
    expect(await shipments('ord_01JABC')).toEqual([]);
  });

  it('the carrier does not deduplicate: two plain sends make two shipments', async () => {
    const a = await connector().send(order(), { mayExist: false });
    const b = await connector().send(order(), { mayExist: false });
    expect([a.kind, b.kind]).toEqual(['accepted', 'accepted']);
    expect((await shipments('ord_01JABC')).map((s) => [s.id, s.barcode])).toEqual([[115322331, '10100011000017'], [115322332, '10100011000024']]);
  });

  it('after commit-then-drop on PUT backlog, send(mayExist) finds the order and does NOT create a second', async () => {
    await scenario({ match: `${OTP}/user/backlog`, commitThenDrop: true, times: 1 });
    const lost = await connector().send(order(), { mayExist: false });
    expect(lost.kind).toBe('unknown');
    expect((await shipments('ord_01JABC')).map((s) => [s.id, s.barcode])).toEqual([[115322331, undefined]]);
    const retry = await connector().send(order(), { mayExist: true });
    expect(retry).toEqual({ kind: 'accepted', shipment: { carrierRef: '115322331', trackNumber: '10100011000017' } });
    expect((await shipments('ord_01JABC')).map((s) => [s.id, s.barcode, s.deleted])).toEqual([[115322331, '10100011000017', false]]);
  });

  it('after commit-then-drop on the batch call, send(mayExist) answers the barcode already given', async () => {
    await scenario({ match: `${OTP}/user/shipment`, commitThenDrop: true, times: 1 });
    expect((await connector().send(order(), { mayExist: false })).kind).toBe('unknown');
    const retry = await connector().send(order(), { mayExist: true });
    expect(retry).toEqual({ kind: 'accepted', shipment: { carrierRef: '115322331', trackNumber: '10100011000017' } });
    expect((await shipments('ord_01JABC')).map((s) => [s.id, s.batchName])).toEqual([[115322331, '1']]);
  });

  it('with several unbatched copies, keeps the oldest and removes the others', async () => {
    const body = JSON.stringify([toBacklogPosition(order()), toBacklogPosition(order())]);
    await api(`${OTP}/user/backlog`, { method: 'PUT', headers: RP_AUTH, body });
    const outcome = await connector().send(order(), { mayExist: true });
    expect(outcome).toEqual({ kind: 'accepted', shipment: { carrierRef: '115322331', trackNumber: '10100011000017' } });
    expect((await shipments('ord_01JABC')).map((s) => [s.id, s.deleted])).toEqual([[115322331, false], [115322332, true]]);
  });

  /** The batch step refuses position 0 (a real carrier does so e.g. for a tariff or contract problem). */
  const refusingBatch = (more: (url: string, init?: RequestInit) => Response | undefined = () => undefined): typeof fetch => async (input, init) => {
    const url = String(input);
    if (url.includes('/user/shipment')) {
      return Response.json({ batches: [], 'result-ids': [], errors: [{ 'error-codes': [{ code: 'NO_CONTRACT', description: 'Нет договора' }], position: 0 }] });
    }
    return more(url, init) ?? globalThis.fetch(input, init);
  };

  it('rejected at the batch step: the backlog order is deleted, not left as an orphan', async () => {
    const outcome = await connector({ fetch: refusingBatch() }).send(order(), { mayExist: false });
    expect(outcome).toEqual({ kind: 'rejected', codes: ['NO_CONTRACT'], message: 'NO_CONTRACT: Нет договора' });
    expect((await shipments('ord_01JABC')).map((s) => [s.id, s.deleted, s.batchName])).toEqual([[115322331, true, undefined]]);
  });

  it.each([
    ['a 503', () => new Response('{}', { status: 503 })],
    ['a NOT_FOUND refusal', () => Response.json({ 'result-ids': [], errors: [{ 'error-code': 'NOT_FOUND', description: 'order not found in the backlog', position: 0 }] })],
    ['a dropped connection', () => { throw new TypeError('socket hang up'); }],
  ])('rejected at the batch step but the backlog delete fails (%s): unknown, never rejected', async (_name, answer) => {
    const outcome = await connector({ fetch: refusingBatch((url, init) => (url.endsWith('/backlog') && init?.method === 'DELETE' ? answer() : undefined)) })
      .send(order(), { mayExist: false });
    expect(outcome.kind).toBe('unknown');
    expect(outcome.kind === 'unknown' && outcome.message).toContain('refused order 115322331 (NO_CONTRACT: Нет договора) and it could not be removed from the backlog');
    expect((await shipments('ord_01JABC')).map((s) => s.deleted)).toEqual([false]);
  });

  it('reconcile adopts only search hits whose order-num is exactly ours (the search is a text search)', async () => {
    // Two other orders the carrier's text search would also return for "ord_01JABC".
    const others = [toBacklogPosition(order({ orderId: 'ord_01JABC-2' })), toBacklogPosition(order({ orderId: 'x-ord_01JABC' }))];
    expect(await (await api(`${OTP}/user/backlog`, { method: 'PUT', headers: RP_AUTH, body: JSON.stringify(others) })).json()).toEqual({ 'result-ids': [115322331, 115322332] });
    const textSearch: typeof fetch = async (input, init) => {
      if (!String(input).includes('/backlog/search')) return globalThis.fetch(input, init);
      const a = (await (await globalThis.fetch(`${TEST_ORIGIN}${OTP}/backlog/115322331`, { headers: RP_AUTH })).json()) as Record<string, unknown>;
      const b = (await (await globalThis.fetch(`${TEST_ORIGIN}${OTP}/backlog/115322332`, { headers: RP_AUTH })).json()) as Record<string, unknown>;
      delete b['order-num'];
      return Response.json([a, b]);
    };
    const outcome = await connector({ fetch: textSearch }).send(order(), { mayExist: true });
    expect(outcome).toEqual({ kind: 'accepted', shipment: { carrierRef: '115322333', trackNumber: '10100011000017' } });
    // The foreign orders are neither adopted, batched nor deleted as "extras".
    expect((await shipments('ord_01JABC-2')).map((s) => [s.id, s.deleted, s.barcode])).toEqual([[115322331, false, undefined]]);
    expect((await shipments('x-ord_01JABC')).map((s) => [s.id, s.deleted, s.barcode])).toEqual([[115322332, false, undefined]]);
    expect((await shipments('ord_01JABC')).map((s) => s.id)).toEqual([115322333]);
  });

  it('mayExist with a failing search is unknown and creates nothing', async () => {
    await scenario({ match: `${OTP}/backlog/search`, status: 503, times: 1 });
    const outcome = await connector().send(order(), { mayExist: true });
    expect(outcome).toEqual({ kind: 'unknown', message: 'GET /carriers/russian-post/otpravka/1.0/backlog/search?query=ord_01JABC: HTTP 503' });
    expect(await shipments('ord_01JABC')).toEqual([]);
  });

  it.each([
    ['status=503', 'HTTP 503'],
    ['status=500', 'HTTP 500'],
    ['status=429', 'HTTP 429'],
    ['drop', 'network error'],
    ['malformed', 'malformed answer'],
  ])('is unknown, never rejected, on %s', async (fault, words) => {
    const outcome = await faulty(fault).send(order(), { mayExist: false });
    expect(outcome.kind).toBe('unknown');
    expect(outcome.kind === 'unknown' && outcome.message).toContain(words);
  });

  it('is unknown on a timeout', async () => {
    const outcome = await connector({ timeoutMs: 50, fetch: (input, init) => globalThis.fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-sandbox-fault': 'latency=400' } }) })
      .send(order(), { mayExist: false });
    expect(outcome).toEqual({ kind: 'unknown', message: 'PUT /carriers/russian-post/otpravka/1.0/user/backlog: timed out after 50 ms' });
  });

  it('is unknown on 401 (credentials refused)', async () => {
    const outcome = await connector({ fetch: (input, init) => globalThis.fetch(input, { ...init, headers: { 'Content-Type': 'application/json' } }) }).send(order(), { mayExist: false });
    expect(outcome).toEqual({ kind: 'unknown', message: 'PUT /carriers/russian-post/otpravka/1.0/user/backlog: HTTP 401' });
  });

  it('is unknown when an answer does not validate (result-ids not numbers)', async () => {
    const outcome = await connector({
      fetch: async (input, init) => (String(input).includes('/user/backlog') ? Response.json({ 'result-ids': ['x'] }) : globalThis.fetch(input, init)),
    }).send(order(), { mayExist: false });
    expect(outcome.kind).toBe('unknown');
    expect(outcome.kind === 'unknown' && outcome.message).toMatch(/^PUT \/carriers\/russian-post\/otpravka\/1\.0\/user\/backlog: unexpected answer/);
  });

  it('is unknown when the carrier hands back a barcode with a wrong check digit', async () => {
    const outcome = await connector({
      fetch: async (input, init) => {
        const res = await globalThis.fetch(input, init);
        if (!String(input).includes('/batch/')) return res;
        const text = (await res.text()).replace('10100011000017', '10100011000018');
        return new Response(text, { status: res.status, headers: res.headers });
      },
    }).send(order(), { mayExist: false });
    expect(outcome).toEqual({ kind: 'unknown', message: 'Russian Post returned an invalid barcode "10100011000018" for order 115322331 (check digit or format)' });
  });
});

describe('cancel', () => {
  it('removes a batched shipment before acceptance; cancelling again is still cancelled', async () => {
    const sent = await connector().send(order(), { mayExist: false });
    if (sent.kind !== 'accepted') throw new Error(sent.kind);
    ctx.carrierClock.advance(HOUR);
    expect(await connector().cancel(sent.shipment, {})).toEqual({ kind: 'cancelled' });
    expect((await shipments('ord_01JABC')).map((s) => [s.deleted, s.cancelled])).toEqual([[true, true]]);
    expect(await connector().cancel(sent.shipment, {})).toEqual({ kind: 'cancelled' });
  });

  it('is refused with the carrier\'s words once the office accepted the parcel', async () => {
    const sent = await connector().send(order(), { mayExist: false });
    if (sent.kind !== 'accepted') throw new Error(sent.kind);
    ctx.carrierClock.advance(6 * HOUR);
    expect(await connector().cancel(sent.shipment, {})).toEqual({ kind: 'refused', message: 'ALREADY_ACCEPTED: Отправление 10100011000017 уже принято в отделении' });
    expect((await shipments('ord_01JABC')).map((s) => s.deleted)).toEqual([false]);
  });

  it('removes a backlog order (no track number) through DELETE backlog', async () => {
    await api(`${OTP}/user/backlog`, { method: 'PUT', headers: RP_AUTH, body: JSON.stringify([toBacklogPosition(order())]) });
    expect(await connector().cancel({ carrierRef: '115322331' }, {})).toEqual({ kind: 'cancelled' });
    expect((await shipments('ord_01JABC')).map((s) => [s.deleted, s.cancelled])).toEqual([[true, false]]);
  });

  it('refuses an id that is not Russian Post\'s and is unknown on a 503', async () => {
    expect(await connector().cancel({ carrierRef: 'abc' }, {})).toEqual({ kind: 'refused', message: '"abc" is not a Russian Post order id' });
    expect((await faulty('status=503').cancel({ carrierRef: '1', trackNumber: '10100011000017' }, {})).kind).toBe('unknown');
  });
});

describe('track', () => {
  const ev = (carrierCode: string, status: OrderStatus, at: string, place = 'Москва 101000', description?: string) => ({
    carrierCode, status, at, place, ...(place.endsWith('101000') ? { timeZone: 'Europe/Moscow' } : {}), ...(description ? { description } : {}),
  });

  it('follows an office parcel from registered to delivered, newest first, with eta and storage', async () => {
    const sent = await connector().send(order(), { mayExist: false });
    if (sent.kind !== 'accepted') throw new Error(sent.kind);
    const c = connector();
    const t = () => c.track([{ trackNumber: sent.shipment.trackNumber, point: OFFICE }], {});
    expect(await t()).toEqual([{ trackNumber: '10100011000017', status: 'registered', events: [] }]);

    ctx.carrierClock.advance(6 * HOUR);
    const moving = await t();
    expect(moving).toEqual([{
      trackNumber: '10100011000017', status: 'in_transit', eta: '2026-11-27',
      events: [
        { ...ev('8/1', 'in_transit', '2026-11-25T18:00:00.000+03:00'), description: 'Обработка: Покинуло место приёма' },
        { ...ev('1/1', 'in_transit', '2026-11-25T15:00:00.000+03:00'), description: 'Приём: Единичный' },
      ],
    }]);

    ctx.carrierClock.advance(26 * HOUR);
    const arrived = await t();
    expect(Array.isArray(arrived) && arrived[0]).toMatchObject({ status: 'arrived_at_point', storageUntil: '2026-12-11' });
    expect(Array.isArray(arrived) && arrived[0]?.eta).toBeUndefined();

    ctx.carrierClock.advance(60 * DAY);
    const done = await t();
    if (!Array.isArray(done)) throw new Error(done.message);
    expect(done[0]?.status).toBe('delivered');
    expect(done[0]?.events.map((e) => [e.carrierCode, e.status, e.place])).toEqual([
      ['2/1', 'delivered', 'Москва 101000'],
      ['8/2', 'arrived_at_point', 'Москва 101000'],
      ['8/4', 'in_transit', 'Москва СЦ'],
      ['8/3', 'in_transit', 'Москва СЦ'],
      ['8/1', 'in_transit', 'Москва 101000'],
      ['1/1', 'in_transit', 'Москва 101000'],
    ]);
    expect(done[0]?.events.map((e) => e.timeZone)).toEqual(['Europe/Moscow', 'Europe/Moscow', undefined, undefined, 'Europe/Moscow', 'Europe/Moscow']);
  });

  it('a parcel locker keeps it 7 days and delivers via postomat', async () => {
    const sent = await connector().send(order({ point: LOCKER }), { mayExist: false });
    if (sent.kind !== 'accepted') throw new Error(sent.kind);
    ctx.carrierClock.advance(33 * HOUR);
    const [t] = (await connector().track([{ trackNumber: sent.shipment.trackNumber, point: LOCKER }], {})) as Array<{ status: string; storageUntil?: string; events: Array<{ carrierCode: string }> }>;
    expect([t?.status, t?.storageUntil, t?.events[0]?.carrierCode]).toEqual(['arrived_at_point', '2026-12-03', '8/9']);
    ctx.carrierClock.advance(60 * DAY);
    const [end] = (await connector().track([{ trackNumber: sent.shipment.trackNumber, point: LOCKER }], {})) as Array<{ status: string; events: Array<{ carrierCode: string }> }>;
    expect([end?.status, end?.events[0]?.carrierCode]).toEqual(['delivered', '2/3']);
  });

  it('a returned parcel: returning after 3/1 (the way back stays returning), returned at 2/2', async () => {
    const c = connector();
    let last = '';
    for (let i = 1; i <= 9; i++) {
      const sent = await c.send(order({ orderId: `ord_${i}` }), { mayExist: false });
      if (sent.kind !== 'accepted') throw new Error(sent.kind);
      last = sent.shipment.trackNumber;
    }
    expect(last).toBe('10100011000093');
    ctx.carrierClock.advance(18 * DAY);
    const [mid] = (await c.track([{ trackNumber: last, point: OFFICE }], {})) as Array<{ status: string; storageUntil?: string }>;
    expect([mid?.status, mid?.storageUntil]).toEqual(['returning', '2026-12-11']);
    ctx.carrierClock.advance(60 * DAY);
    const [end] = (await c.track([{ trackNumber: last, point: OFFICE }], {})) as Array<{ status: string; events: Array<{ carrierCode: string; status: string }> }>;
    expect(end?.status).toBe('returned');
    expect(end?.events.map((e) => `${e.carrierCode}:${e.status}`)).toEqual([
      '2/2:returned', '8/2:returning', '8/4:returning', '8/3:returning', '3/1:returning',
      '8/2:arrived_at_point', '8/4:in_transit', '8/3:in_transit', '8/1:in_transit', '1/1:in_transit',
    ]);
  });

  it('a cancelled shipment is cancelled (26) and stays so', async () => {
    const sent = await connector().send(order(), { mayExist: false });
    if (sent.kind !== 'accepted') throw new Error(sent.kind);
    await connector().cancel(sent.shipment, {});
    ctx.carrierClock.advance(60 * DAY);
    const [t] = (await connector().track([{ trackNumber: sent.shipment.trackNumber, point: OFFICE }], {})) as Array<{ status: string; events: Array<{ carrierCode: string }> }>;
    expect([t?.status, t?.events.map((e) => e.carrierCode)]).toEqual(['cancelled', ['26/1']]);
  });

  it('leaves out numbers the carrier does not know; a failing call makes the whole answer unknown', async () => {
    expect(await connector().track([{ trackNumber: '10100011000024', point: OFFICE }], {})).toEqual([]);
    await scenario({ match: '/carriers/russian-post/tracking/', status: 502, times: 1 });
    const failed = await connector().track([{ trackNumber: '10100011000024', point: OFFICE }], {});
    expect(failed).toEqual({ kind: 'unknown', message: 'GET /carriers/russian-post/tracking/1.0/history/10100011000024: HTTP 502' });
  });

  it('reads SOAP-bridge shapes: one record as an object, OperDate without an offset as Moscow time', async () => {
    const record = {
      OperationParameters: { OperType: { Id: '8', Name: 'Обработка' }, OperAttr: { Id: '2', Name: 'Прибыло в место вручения' }, OperDate: '2026-11-26T20:00:00' },
      AddressParameters: { OperationAddress: { Index: 101000, Description: 'Москва 101000' } },
    };
    const c = connector({ fetch: async () => Response.json({ OperationHistoryData: { historyRecord: record } }) });
    expect(await c.track([{ trackNumber: '10100011000017', point: OFFICE }], {})).toEqual([{
      trackNumber: '10100011000017', status: 'arrived_at_point', storageUntil: '2026-12-11',
      events: [{ status: 'arrived_at_point', carrierCode: '8/2', description: 'Обработка: Прибыло в место вручения', at: '2026-11-26T20:00:00+03:00', timeZone: 'Europe/Moscow', place: 'Москва 101000' }],
    }]);
  });

  it('an OperDate that is not a real moment drops that event (never the whole answer, never a NaN time)', async () => {
    const rec = (type: string, attr: string, at: string) => ({
      OperationParameters: { OperType: { Id: type, Name: `op ${type}` }, OperAttr: { Id: attr, Name: `attr ${attr}` }, OperDate: at },
      AddressParameters: { OperationAddress: { Index: 101000, Description: 'Москва 101000' } },
    });
    const records = [
      rec('1', '1', '2026-11-25T15:00:00+03:00'),
      rec('8', '1', '2026-11-25T25:61:00+03:00'),
      rec('8', '3', '2026-02-31T10:00:00'),
      rec('8', '4', 'вчера'),
      rec('8', '2', '2026-11-26T20:00:00.000+03:00'),
    ];
    const c = connector({ fetch: async () => Response.json({ OperationHistoryData: { historyRecord: records } }) });
    const out = await c.track([{ trackNumber: '10100011000017', point: OFFICE }], {});
    if (!Array.isArray(out)) throw new Error(out.message);
    expect(out[0]!.status).toBe('arrived_at_point');
    expect(out[0]!.events.map((e) => [e.carrierCode, e.at])).toEqual([['8/2', '2026-11-26T20:00:00.000+03:00'], ['1/1', '2026-11-25T15:00:00+03:00']]);
    for (const e of out[0]!.events) expect(Number.isFinite(Date.parse(e.at))).toBe(true);
    expect(mapHistory([{ OperationParameters: { OperType: { Id: 8 }, OperAttr: { Id: 2 }, OperDate: '2026-11-25T24:00:00' } }], OFFICE)).toEqual({ status: 'registered', events: [] });
  });

  it.each([
    '2026-02-31T10:00:00', '2026-11-25T25:00:00+03:00', '2026-11-25T10:61:00', '2026-11-25T10:00:60Z', '2026-13-01T10:00:00',
    '2026-11-25T10:00:00+25:00', '2026-11-25',
  ])('OperDate %j is not a date', (raw) => {
    expect(operDate(raw)).toBeUndefined();
  });

  it('asks at most 6 histories at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const c = connector({
      fetch: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return Response.json({ OperationHistoryData: { historyRecord: [] } });
      },
    });
    const result = await c.track(Array.from({ length: 20 }, () => ({ trackNumber: '10100011000017', point: OFFICE })), {});
    expect(Array.isArray(result) && result.length).toBe(20);
    expect(peak).toBe(6);
  });
});

describe('status mapping', () => {
  it.each([
    [1, 1, false, 'registered', 'in_transit'],
    [8, 0, false, 'in_transit', 'in_transit'],
    [8, 1, false, 'in_transit', 'in_transit'],
    [8, 3, false, 'in_transit', 'in_transit'],
    [8, 4, false, 'in_transit', 'in_transit'],
    [8, 2, false, 'in_transit', 'arrived_at_point'],
    [8, 9, false, 'arrived_at_point', 'arrived_at_point'],
    [2, 1, false, 'arrived_at_point', 'delivered'],
    [2, 3, false, 'arrived_at_point', 'delivered'],
    [3, 1, false, 'arrived_at_point', 'returning'],
    [3, 4, false, 'arrived_at_point', 'returning'],
    [8, 2, true, 'returning', 'returning'],
    [2, 2, true, 'returning', 'returned'],
    [2, 1, true, 'returning', 'returned'],
    [26, 1, false, 'registered', 'cancelled'],
    [28, 1, false, 'registered', 'registered'],
    [6, 1, false, 'arrived_at_point', 'arrived_at_point'],
    [12, 1, false, 'arrived_at_point', 'arrived_at_point'],
  ] as const)('%i/%i (returning: %s, was %s) -> %s', (type, attr, returning, previous, expected) => {
    expect(rpEventStatus(type, attr, returning, previous)).toBe(expected);
  });
});

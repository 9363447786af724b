import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isRussianPostDomestic, makeRussianPostDomestic, rpDomesticCheckDigit } from '../../../../widget/src/core/track-number.js';
import { memoryJournal, type CarrierJournal } from '../../carriers-sim/journal.js';
import { createSandboxContext, type SandboxContext } from '../../context.js';
import { createTestSandbox } from '../../node.js';
import { FIXTURE_DATASET, FIXTURE_NOW } from '../../test-support/fixture.js';
import { api } from '../../test-support/http.js';
import { createHandlers } from '../index.js';

// One msw server; every test gets a fresh sandbox context (its own store, journal and clocks) through resetHandlers.
const { server } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let ctx: SandboxContext;
function fresh(journal: CarrierJournal = memoryJournal()): SandboxContext {
  ctx = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW, journal });
  server.resetHandlers(...createHandlers(ctx));
  return ctx;
}
beforeEach(() => { fresh(); });

const BASE = '/carriers/russian-post/otpravka/1.0';
const AUTH = { Authorization: 'AccessToken test-token', 'X-User-Authorization': 'Basic dGVzdDp0ZXN0', 'Content-Type': 'application/json' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Json = Record<string, unknown>;
async function rp<T = Json>(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<{ status: number; body: T }> {
  const res = await api(path.startsWith('/') && !path.startsWith('/carriers') && !path.startsWith('/__') ? `${BASE}${path}` : path, {
    method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A backlog position in the recorded Otpravka shape: a parcel to the Myasnitskaya office. */
function position(over: Json = {}): Json {
  return {
    'order-num': 'ord_1', 'mail-type': 'POSTAL_PARCEL', 'mail-category': 'ORDINARY', 'mail-direct': 643, mass: 1200,
    dimension: { length: 30, width: 20, height: 10 }, 'address-type-to': 'DEFAULT', 'index-to': 101000, 'region-to': 'Москва',
    'place-to': 'Москва', 'street-to': 'Мясницкая ул', 'house-to': '26', 'given-name': 'Иван', surname: 'Петров',
    'recipient-name': 'Петров Иван', 'tel-address': 79123456789, comment: 'A-1', ...over,
  };
}
const LOCKER = { 'mail-type': 'ECOM', 'ecom-data': { 'delivery-point-index': '101000' } };

type PutAnswer = { 'result-ids': number[]; errors?: Array<{ 'error-codes': Array<{ code: string; description: string; details: string }>; position: number }> };
type ShipmentAnswer = { batches: Json[]; 'result-ids': number[]; errors?: Array<{ 'error-codes': Array<{ code: string }>; position: number }> };
type Item = { id: number; orderNum: string; barcode?: string; batchName?: string; deleted: boolean; cancelled: boolean; createdAt: string };
type History = { OperationHistoryData: { historyRecord: Array<{ OperationParameters: { OperType: { Id: number; Name: string }; OperAttr: { Id: number; Name: string }; OperDate: string }; AddressParameters: { OperationAddress: { Index: string; Description: string } }; ItemParameters: { Barcode: string; Mass: number } }> } };

async function put(...positions: Json[]): Promise<PutAnswer> {
  const r = await rp<PutAnswer>('PUT', '/user/backlog', positions);
  expect(r.status).toBe(200);
  return r.body;
}
async function batch(ids: number[], date = '2026-11-25'): Promise<ShipmentAnswer> {
  const r = await rp<ShipmentAnswer>('POST', `/user/shipment?sending-date=${date}`, ids);
  expect(r.status).toBe(200);
  return r.body;
}
async function items(orderNum?: string): Promise<Item[]> {
  const r = await rp<{ items: Item[] }>('GET', `/__sandbox/russian-post/shipments${orderNum ? `?orderNum=${orderNum}` : ''}`);
  return r.body.items;
}
async function history(barcode: string): Promise<Array<[string, string, string]>> {
  const r = await rp<History>('GET', `/carriers/russian-post/tracking/1.0/history/${barcode}`);
  expect(r.status).toBe(200);
  return r.body.OperationHistoryData.historyRecord.map((h) => [
    `${h.OperationParameters.OperType.Id}/${h.OperationParameters.OperAttr.Id}`, h.OperationParameters.OperDate, h.AddressParameters.OperationAddress.Index,
  ]);
}
const advance = (ms: number) => ctx.carrierClock.advance(ms);

describe('authorization', () => {
  it('answers 401 in the Otpravka error shape without AccessToken or X-User-Authorization', async () => {
    const none = await rp('PUT', '/user/backlog', [position()], { 'Content-Type': 'application/json' });
    expect(none).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', desc: 'Authorization: AccessToken <token> is required', 'sub-code': 'UNAUTHORIZED', field: 'Authorization' } });
    const noUser = await rp('GET', '/backlog/search?query=x', undefined, { Authorization: 'AccessToken t' });
    expect([noUser.status, noUser.body.field]).toEqual([401, 'X-User-Authorization']);
    const bearer = await rp('GET', '/backlog/1', undefined, { Authorization: 'Bearer t', 'X-User-Authorization': 'Basic x' });
    expect(bearer.status).toBe(401);
    expect(await items()).toEqual([]);
  });
});

describe('PUT /1.0/user/backlog', () => {
  it('creates the good positions and reports the bad one by position', async () => {
    const answer = await put(position({ 'order-num': 'ord_bad', 'index-to': 999999 }), position({ 'order-num': 'ord_good' }));
    expect(answer).toEqual({
      'result-ids': [115322331],
      errors: [{ 'error-codes': [{ code: 'UNDEFINED_INDEX_TO', description: 'Индекс получателя не найден', details: 'no post office 999999' }], position: 0 }],
    });
    const got = await rp('GET', '/backlog/115322331');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: 115322331, 'order-num': 'ord_good', 'mail-type': 'POSTAL_PARCEL', 'index-to': 101000, 'tel-address': 79123456789,
      'postoffice-code': '101000', 'total-rate-wo-vat': 30000, 'total-vat': 6000, 'delivery-time': { 'min-days': 1, 'max-days': 2 },
    });
    expect(got.body.barcode).toBeUndefined();
    expect((await items()).map((i) => i.orderNum)).toEqual(['ord_good']);
  });

  it.each([
    ['a missing index-to', { 'index-to': undefined }, 'EMPTY_INDEX_TO'],
    ['a malformed index-to', { 'index-to': '10100' }, 'ILLEGAL_INDEX_TO'],
    ['a foreign mail-direct', { 'mail-direct': 112 }, 'ILLEGAL_MAIL_DIRECT'],
    ['ECOM without ecom-data', { 'mail-type': 'ECOM' }, 'EMPTY_DELIVERY_POINT_INDEX'],
    ['an unknown delivery point', { ...LOCKER, 'ecom-data': { 'delivery-point-index': '190000' } }, 'UNDEFINED_DELIVERY_POINT_INDEX'],
    ['an index that is no Russian Post office', { 'index-to': '004212' }, 'UNDEFINED_INDEX_TO'],
    ['a parcel over the locker weight limit', { ...LOCKER, mass: 16_000 }, 'MAX_MASS_EXCEEDED'],
    ['cash on delivery at an office without it', { 'index-to': 115551, 'mail-category': 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY', 'insr-value': 100_000, payment: 100_000 }, 'COD_NOT_AVAILABLE'],
    ['cash on delivery above the declared value', { 'mail-category': 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY', 'insr-value': 50_000, payment: 100_000 }, 'PAYMENT_EXCEEDS_INSR_VALUE'],
    ['a declared value category without a value', { 'mail-category': 'WITH_DECLARED_VALUE' }, 'EMPTY_INSR_VALUE'],
  ])('rejects %s with its code, keeping the good position', async (_name, over, code) => {
    const answer = await put(position({ 'order-num': 'ord_ok' }), position({ 'order-num': 'ord_x', ...over }));
    expect(answer['result-ids']).toEqual([115322331]);
    expect(answer.errors?.map((e) => [e.position, e['error-codes'].map((c) => c.code)])).toEqual([[1, [code]]]);
  });

  it('takes an order to a parcel locker (ECOM) and one with cash on delivery', async () => {
    const answer = await put(
      position({ 'order-num': 'ord_pm', ...LOCKER }),
      position({ 'order-num': 'ord_cod', 'mail-category': 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY', 'insr-value': 150_000, payment: 150_000 }),
    );
    expect(answer).toEqual({ 'result-ids': [115322331, 115322332] });
  });

  it('answers 400 for a body that is not an array', async () => {
    const r = await rp('PUT', '/user/backlog', position());
    expect([r.status, r.body.field]).toEqual([400, 'body']);
  });

  it('does NOT deduplicate by order-num: the same order twice makes two orders', async () => {
    await put(position({ 'order-num': 'ord_dup' }));
    await put(position({ 'order-num': 'ord_dup' }));
    expect((await items('ord_dup')).map((i) => i.id)).toEqual([115322331, 115322332]);
    const found = await rp<Json[]>('GET', '/backlog/search?query=ord_dup');
    expect(found.body.map((o) => o.id)).toEqual([115322331, 115322332]);
    expect((await rp<Json[]>('GET', '/backlog/search?query=ord_other')).body).toEqual([]);
  });

  it('commits before answering: with commit-then-drop the caller sees a network error but the order exists', async () => {
    await expect(api(`${BASE}/user/backlog`, { method: 'PUT', headers: { ...AUTH, 'x-sandbox-fault': 'commit-then-drop' }, body: JSON.stringify([position({ 'order-num': 'ord_lost' })]) }))
      .rejects.toThrow(TypeError);
    expect((await items('ord_lost')).map((i) => [i.id, i.deleted])).toEqual([[115322331, false]]);
  });
});

describe('DELETE /1.0/backlog', () => {
  it('removes backlog orders only: unknown, already removed and batched ones are NOT_FOUND by position', async () => {
    const { 'result-ids': [a, b, c] } = await put(position({ 'order-num': 'o1' }), position({ 'order-num': 'o2' }), position({ 'order-num': 'o3' }));
    await batch([c!]);
    const first = await rp<{ 'result-ids': number[]; errors?: Array<{ 'error-code': string; position: number }> }>('DELETE', '/backlog', [a, 999, c]);
    expect(first.body['result-ids']).toEqual([a]);
    expect(first.body.errors?.map((e) => [e['error-code'], e.position])).toEqual([['NOT_FOUND', 1], ['NOT_FOUND', 2]]);
    const again = await rp<{ 'result-ids': number[]; errors?: Array<{ 'error-code': string; position: number }> }>('DELETE', '/backlog', [a, b]);
    expect(again.body['result-ids']).toEqual([b]);
    expect(again.body.errors?.map((e) => [e['error-code'], e.position])).toEqual([['NOT_FOUND', 0]]);
    expect((await rp('GET', `/backlog/${a}`)).status).toBe(404);
    expect((await rp<Json[]>('GET', '/backlog/search?query=o1')).body).toEqual([]);
    expect((await items()).map((i) => [i.orderNum, i.deleted])).toEqual([['o1', true], ['o2', true], ['o3', false]]);
  });
});

describe('POST /1.0/user/shipment and barcodes', () => {
  it('batches by mail type and gives each order a 14-digit barcode with its check digit', async () => {
    const { 'result-ids': ids } = await put(position({ 'order-num': 'p1' }), position({ 'order-num': 'p2', ...LOCKER }), position({ 'order-num': 'p3' }));
    const answer = await batch(ids);
    expect(answer).toEqual({
      batches: [
        { 'batch-name': '1', 'batch-status': 'CREATED', 'mail-type': 'POSTAL_PARCEL', 'mail-category': 'ORDINARY', 'shipment-count': 2, 'list-number-date': '2026-11-25', 'postoffice-code': '101000' },
        { 'batch-name': '2', 'batch-status': 'CREATED', 'mail-type': 'ECOM', 'mail-category': 'ORDINARY', 'shipment-count': 1, 'list-number-date': '2026-11-25', 'postoffice-code': '101000' },
      ],
      'result-ids': [ids[0], ids[2], ids[1]],
    });
    const listed = await rp<Array<{ id: number; barcode: string; 'batch-name': string }>>('GET', '/batch/1/shipment');
    expect(listed.body.map((o) => [o.id, o.barcode, o['batch-name']])).toEqual([[ids[0], '10100011000017', '1'], [ids[2], '10100011000024', '1']]);
    const ecom = await rp<Array<{ barcode: string }>>('GET', '/batch/2/shipment');
    expect(ecom.body.map((o) => o.barcode)).toEqual(['10100011000031']);
    for (const code of ['10100011000017', '10100011000024', '10100011000031']) {
      expect(isRussianPostDomestic(code)).toBe(true);
      expect(Number(code[13])).toBe(rpDomesticCheckDigit(code.slice(0, 13)));
    }
    // Already batched or unknown: per-position errors, nothing re-batched.
    const again = await rp<ShipmentAnswer>('POST', '/user/shipment?sending-date=2026-11-25', [ids[0], 42]);
    expect(again.body.errors?.map((e) => [e.position, e['error-codes'][0]?.code])).toEqual([[0, 'ALREADY_IN_BATCH'], [1, 'NOT_FOUND']]);
    expect(again.body['result-ids']).toEqual([]);
    expect((await rp('GET', '/batch/3/shipment')).status).toBe(404);
  });

  it('uses the accepting office of postoffice-code and the month of the sending date', async () => {
    const { 'result-ids': ids } = await put(position({ 'postoffice-code': '190000' }));
    await batch(ids, '2027-03-02');
    const [item] = await items();
    expect(item?.barcode).toBe(makeRussianPostDomestic('190000', 3, 1));
  });

  it('validates sending-date and the id list', async () => {
    const bad = await rp('POST', '/user/shipment?sending-date=25.11.2026', [1]);
    expect([bad.status, bad.body.field]).toEqual([400, 'sending-date']);
    const empty = await rp('POST', '/user/shipment?sending-date=2026-11-25', []);
    expect([empty.status, empty.body.field]).toEqual([400, 'body']);
  });

  it('never reuses a number: the serial survives a restart through the journal', async () => {
    const journal = memoryJournal();
    fresh(journal);
    await batch((await put(position({ 'order-num': 'r1' }))) ['result-ids']);
    fresh(journal); // a new carrier process replaying the same journal
    expect((await items()).map((i) => [i.orderNum, i.barcode])).toEqual([['r1', '10100011000017']]);
    await batch((await put(position({ 'order-num': 'r2' }))) ['result-ids']);
    expect((await items()).map((i) => [i.id, i.orderNum, i.barcode, i.batchName])).toEqual([
      [115322331, 'r1', '10100011000017', '1'],
      [115322332, 'r2', '10100011000024', '2'],
    ]);
  });
});

describe('tracking timeline (the carrier clock decides what happened)', () => {
  it('an office parcel: nothing before acceptance, then 1, 8/1, 8/3, 8/4, 8/2, 2/1 in Moscow time', async () => {
    await batch((await put(position())) ['result-ids']);
    expect(await history('10100011000017')).toEqual([]);
    advance(60 * DAY);
    // Batched at 12:00 Moscow; accepted 3 h later; arrives the next evening (1-2 days inside Moscow); collected 3 days later.
    expect(await history('10100011000017')).toEqual([
      ['1/1', '2026-11-25T15:00:00.000+03:00', '101000'],
      ['8/1', '2026-11-25T18:00:00.000+03:00', '101000'],
      ['8/3', '2026-11-25T22:00:00.000+03:00', '101960'],
      ['8/4', '2026-11-26T00:00:00.000+03:00', '101960'],
      ['8/2', '2026-11-26T20:00:00.000+03:00', '101000'],
      ['2/1', '2026-11-29T22:00:00.000+03:00', '101000'],
    ]);
  });

  it('a parcel locker: 8/9 after arrival, delivered via postomat (2/3)', async () => {
    await batch((await put(position({ ...LOCKER }))) ['result-ids']);
    advance(60 * DAY);
    expect(await history('10100011000017')).toEqual([
      ['1/1', '2026-11-25T15:00:00.000+03:00', '101000'],
      ['8/1', '2026-11-25T18:00:00.000+03:00', '101000'],
      ['8/3', '2026-11-25T22:00:00.000+03:00', '101960'],
      ['8/4', '2026-11-26T00:00:00.000+03:00', '101960'],
      ['8/2', '2026-11-26T20:00:00.000+03:00', '101000'],
      ['8/9', '2026-11-26T20:30:00.000+03:00', '101000'],
      ['2/3', '2026-11-30T22:00:00.000+03:00', '101000'],
    ]);
  });

  it('a minority returns after the storage period and is handed back to the sender (2/2)', async () => {
    const positions = Array.from({ length: 9 }, (_, i) => position({ 'order-num': `n${i + 1}` }));
    await batch((await put(...positions))['result-ids']);
    // Serial 9 is one of the returns (seeded from its barcode).
    advance(60 * DAY);
    // Arrived 26 Nov 16:00; kept 15 days (until 11 Dec); 3/1 the day after, then back to the sender's office.
    expect(await history('10100011000093')).toEqual([
      ['1/1', '2026-11-25T15:00:00.000+03:00', '101000'],
      ['8/1', '2026-11-25T18:00:00.000+03:00', '101000'],
      ['8/3', '2026-11-26T01:00:00.000+03:00', '101960'],
      ['8/4', '2026-11-26T03:00:00.000+03:00', '101960'],
      ['8/2', '2026-11-26T16:00:00.000+03:00', '101000'],
      ['3/1', '2026-12-12T16:00:00.000+03:00', '101000'],
      ['8/3', '2026-12-13T01:00:00.000+03:00', '101960'],
      ['8/4', '2026-12-13T04:00:00.000+03:00', '101960'],
      ['8/2', '2026-12-13T18:00:00.000+03:00', '101000'],
      ['2/2', '2026-12-16T18:00:00.000+03:00', '101000'],
    ]);
  });

  it('writes OperDate in each place\'s local time: Vladivostok +10:00, Moscow +03:00', async () => {
    await batch((await put(position({ 'index-to': 690000, 'region-to': 'Приморский край', 'place-to': 'Владивосток' })))['result-ids']);
    advance(60 * DAY);
    // About 6,400 km: 9-12 days; this parcel takes 10 (17:00 UTC on 5 Dec is 03:00 on 6 Dec in Vladivostok).
    expect(await history('10100011000017')).toEqual([
      ['1/1', '2026-11-25T15:00:00.000+03:00', '101000'],
      ['8/1', '2026-11-25T18:00:00.000+03:00', '101000'],
      ['8/3', '2026-11-25T22:00:00.000+03:00', '101960'],
      ['8/4', '2026-11-26T00:00:00.000+03:00', '101960'],
      ['8/2', '2026-12-06T03:00:00.000+10:00', '690000'],
      ['2/1', '2026-12-09T05:00:00.000+10:00', '690000'],
    ]);
  });

  it('grows with the clock: only past events are visible', async () => {
    await batch((await put(position())) ['result-ids']);
    advance(6 * HOUR);
    expect((await history('10100011000017')).map(([code]) => code)).toEqual(['1/1', '8/1']);
    advance(6 * HOUR); // 00:00 Moscow: left the sorting centre
    expect((await history('10100011000017')).map(([code]) => code)).toEqual(['1/1', '8/1', '8/3', '8/4']);
    advance(19 * HOUR); // 19:00: not at the office yet
    expect((await history('10100011000017')).map(([code]) => code)).toEqual(['1/1', '8/1', '8/3', '8/4']);
    advance(HOUR); // 20:00: arrived
    expect((await history('10100011000017')).map(([code]) => code)).toEqual(['1/1', '8/1', '8/3', '8/4', '8/2']);
  });

  it('answers 404 for a barcode it never issued and 400 for a malformed one', async () => {
    expect((await rp('GET', '/carriers/russian-post/tracking/1.0/history/10100011000024')).status).toBe(404);
    expect((await rp('GET', '/carriers/russian-post/tracking/1.0/history/10100011000018')).status).toBe(400);
  });
});

describe('DELETE /1.0/shipment (cancel)', () => {
  it('removes a batched order before acceptance; the history ends with 26 and nothing follows', async () => {
    const { 'result-ids': [id] } = await put(position());
    await batch([id!]);
    advance(HOUR);
    const r = await rp('DELETE', '/shipment', [id]);
    expect(r.body).toEqual({ 'result-ids': [id] });
    advance(60 * DAY);
    expect(await history('10100011000017')).toEqual([['26/1', '2026-11-25T13:00:00.000+03:00', '101000']]);
    expect((await items()).map((i) => [i.deleted, i.cancelled])).toEqual([[true, true]]);
    expect((await rp<Json[]>('GET', '/backlog/search?query=ord_1')).body).toEqual([]);
    const again = await rp<{ errors: Array<{ 'error-code': string }> }>('DELETE', '/shipment', [id]);
    expect(again.body.errors.map((e) => e['error-code'])).toEqual(['NOT_FOUND']);
  });

  it('refuses once the office accepted the parcel, and for orders not in a batch', async () => {
    const { 'result-ids': [id, backlogOnly] } = await put(position(), position({ 'order-num': 'ord_2' }));
    await batch([id!]);
    advance(6 * HOUR);
    const r = await rp<{ 'result-ids': number[]; errors: Array<{ 'error-code': string; description: string; position: number }> }>('DELETE', '/shipment', [id, backlogOnly]);
    expect(r.body['result-ids']).toEqual([]);
    expect(r.body.errors.map((e) => [e['error-code'], e.position])).toEqual([['ALREADY_ACCEPTED', 0], ['NOT_FOUND', 1]]);
    expect(r.body.errors[0]?.description).toContain('10100011000017');
  });
});

describe('/__sandbox/clock', () => {
  it('reads, advances and speeds up the carriers\' clock', async () => {
    expect((await rp('GET', '/__sandbox/clock')).body).toEqual({ now: '2026-11-25T09:00:00.000Z', speed: 1 });
    const moved = await rp('POST', '/__sandbox/clock', { advanceMinutes: 90, speed: 60 });
    expect(moved).toEqual({ status: 200, body: { now: '2026-11-25T10:30:00.000Z', speed: 60 } });
    expect(ctx.carrierClock.now().toISOString()).toBe('2026-11-25T10:30:00.000Z');
  });

  it.each([
    [{ advanceMinutes: -5 }, 'advanceMinutes'],
    [{ advanceMinutes: 'ten' }, 'advanceMinutes'],
    [{ speed: 0 }, 'speed'],
  ])('names the bad field of %j', async (body, field) => {
    const r = await rp<{ error: { field: string } }>('POST', '/__sandbox/clock', body);
    expect([r.status, r.body.error.field]).toEqual([400, field]);
    expect(ctx.carrierClock.now().toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const r = await rp<{ error: { field: string; message: string } }>('POST', '/__sandbox/clock', { advance: 5 });
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({ field: 'advance', message: 'unknown field "advance": expected advanceMinutes or speed' });
  });
});

// The buyer's tracking without a token: POST /api/v1/tracking/lookup answers only when the track number AND the
// recipient's phone match, with one 404 for every other case; and every tracking answer carries the point snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedOrder, Problem } from '../../../widget/src/model/order.js';
import { TrackingAnswer } from '../../../widget/src/model/tracking-point.js';
import { makeRussianPostDomestic } from '../../../widget/src/core/track-number.js';
import { FIXTURE_NOW } from '../test-support/fixture.js';
import { fakeCarrier } from './testing/fake-connector.js';
import { startHarness, type Harness } from './testing/harness.js';

let h: Harness;
let clock = FIXTURE_NOW.getTime();
let seq = 0;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock), connectors: () => [['russian-post', fakeCarrier('russian-post')]] });
});
afterAll(() => h.close());

/** A registered Russian Post order to rp-101000 for +7 912 345-67-89, with its track number. */
async function registeredOrder(): Promise<{ order: CreatedOrder; track: string }> {
  const res = await fetch(`${h.base}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      orderNumber: `T-${++seq}-${Date.now()}`, configId: 'demo', pointId: 'rp-101000', carrier: 'russian-post',
      parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } },
      recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+7 (912) 345-67-89' },
    }),
  });
  expect(res.status).toBe(201);
  const order = CreatedOrder.parse(await res.json());
  await h.oms.dispatcher.tick();
  const row = await h.oms.store.getOrder(order.id);
  expect(row?.track_number).toBeTruthy();
  return { order, track: row!.track_number! };
}

async function lookup(body: unknown, contentType = 'application/json') {
  const res = await fetch(`${h.base}/api/v1/tracking/lookup`, {
    method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as unknown, headers: res.headers };
}

describe('POST /api/v1/tracking/lookup', () => {
  it('answers the tracking of the order whose track number and phone both match, in any phone spelling', async () => {
    const { order, track } = await registeredOrder();
    for (const phone of ['+79123456789', '8 (912) 345-67-89', '+7 912 345 67 89']) {
      const r = await lookup({ trackNumber: track, phone });
      expect(r.status, r.text).toBe(200);
      const t = TrackingAnswer.parse(r.json);
      expect(t).toMatchObject({ orderId: order.id, trackNumber: track, status: 'registered', pointId: 'rp-101000', pointName: 'Москва 101000' });
      // The point snapshot: its zone and weekly hours, as the fixture declares them.
      expect(t.point?.timeZone).toBe('Europe/Moscow');
      expect(t.point?.hours.find((d) => d.day === 1)).toEqual({ day: 1, open: '08:00', close: '20:00', breaks: [{ from: '13:00', to: '14:00' }] });
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers one and the same 404 for a wrong phone, an unknown track number and another order\'s phone', async () => {
    const { track } = await registeredOrder();
    const wrongPhone = await lookup({ trackNumber: track, phone: '+79120000000' });
    const unknownTrack = await lookup({ trackNumber: makeRussianPostDomestic('190000', 1, 99_999), phone: '+79123456789' });
    const ukrainianPhone = await lookup({ trackNumber: track, phone: '+380671234567' });
    for (const r of [wrongPhone, unknownTrack, ukrainianPhone]) {
      expect(r.status).toBe(404);
      expect(Problem.parse(r.json)).toMatchObject({ code: 'not_found', field: 'trackNumber' });
    }
    // Byte-identical bodies: nothing tells a caller which part was wrong.
    expect(unknownTrack.text).toBe(wrongPhone.text);
    expect(ukrainianPhone.text).toBe(wrongPhone.text);
  });

  it('names the bad field and never looks anything up for malformed input', async () => {
    const missingPhone = await lookup({ trackNumber: '10100012000013' });
    expect(missingPhone.status).toBe(422);
    expect(Problem.parse(missingPhone.json)).toMatchObject({ code: 'invalid_field', field: 'phone' });
    const badTrack = await lookup({ trackNumber: 'RA 1234', phone: '+79123456789' });
    expect(Problem.parse(badTrack.json)).toMatchObject({ code: 'invalid_field', field: 'trackNumber' });
    const notJson = await lookup('{"trackNumber":', 'application/json');
    expect(Problem.parse(notJson.json)).toMatchObject({ status: 400, code: 'malformed_json' });
    const form = await lookup('trackNumber=1&phone=2', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
  });

  it('stops guessing after 10 wrong phones for one track number, even the right phone, until the window passes', async () => {
    const { track } = await registeredOrder();
    for (let i = 0; i < 10; i++) expect((await lookup({ trackNumber: track, phone: `+7912000000${i}` })).status).toBe(404);
    const blocked = await lookup({ trackNumber: track, phone: '+79123456789' });
    expect(blocked.status).toBe(429);
    expect(Problem.parse(blocked.json)).toMatchObject({ code: 'too_many_attempts', field: 'phone' });
    expect(blocked.headers.get('retry-after')).toBe('600');
    clock += 601_000;
    expect((await lookup({ trackNumber: track, phone: '+79123456789' })).status).toBe(200);
  });
});

describe('the wrong-phone limit is one count in the database', () => {
  it('two replicas on one database share it: 5 wrong phones on each block the 11th attempt on either', async () => {
    const { track } = await registeredOrder();
    const replica = await startHarness({ now: () => new Date(clock), dataDir: h.dataDir, databaseUrl: h.databaseUrl });
    try {
      const at = (base: string, phone: string) => fetch(`${base}/api/v1/tracking/lookup`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ trackNumber: track, phone }),
      }).then((r) => r.status);
      for (let i = 0; i < 5; i++) {
        expect(await at(h.base, `+7912000000${i}`)).toBe(404);
        expect(await at(replica.base, `+7912111111${i}`)).toBe(404);
      }
      expect(await at(replica.base, '+79123456789')).toBe(429);
      expect(await at(h.base, '+79123456789')).toBe(429);
    } finally {
      await replica.close();
    }
  });

  it('20 wrong phones at once: exactly 10 are looked up (404), the other 10 get 429', async () => {
    const { track } = await registeredOrder();
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      lookup({ trackNumber: track, phone: `+79122${String(i).padStart(5, '0')}` }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 404)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('the right phone gives its attempt back: 9 wrong, the right one, then a 10th wrong one is still answered', async () => {
    const { track } = await registeredOrder();
    for (let i = 0; i < 9; i++) expect((await lookup({ trackNumber: track, phone: `+7912333333${i}` })).status).toBe(404);
    expect((await lookup({ trackNumber: track, phone: '+79123456789' })).status).toBe(200);
    expect((await lookup({ trackNumber: track, phone: '+79124444444' })).status).toBe(404);
    expect((await lookup({ trackNumber: track, phone: '+79123456789' })).status).toBe(429);
  });

  it('ran-out windows are pruned, live ones kept', async () => {
    const store = h.oms.store;
    const t = clock;
    await store.takeLookupAttempt('OLD-1', t - 700_000, 600_000);
    await store.takeLookupAttempt('LIVE-1', t - 100_000, 600_000);
    expect(await store.pruneLookupAttempts(t - 600_000)).toBeGreaterThanOrEqual(1);
    const left = await store.db.selectFrom('lookup_attempts').select('track_key').where('track_key', 'in', ['OLD-1', 'LIVE-1']).execute();
    expect(left.map((r) => r.track_key)).toEqual(['LIVE-1']);
  });
});

describe('GET /api/v1/orders/{id}/tracking', () => {
  it('carries the point snapshot taken when the order was accepted, not the live point', async () => {
    const { order } = await registeredOrder();
    const live = h.ctx.byId.get('rp-101000')!;
    const saved = live.timeZone;
    live.timeZone = 'Asia/Yekaterinburg';
    try {
      const res = await fetch(`${h.base}${order.links.tracking}`, { headers: { authorization: `Bearer ${order.token}` } });
      const t = TrackingAnswer.parse(await res.json());
      expect(t.point?.timeZone).toBe('Europe/Moscow');
      expect(t.point?.type).toBe('post_office');
    } finally {
      live.timeZone = saved;
    }
  });
});

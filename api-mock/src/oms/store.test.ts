// The data-access module's guarantees that no HTTP test reaches directly (SQLite here, PostgreSQL in the PG run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedOrder } from '../../../widget/src/model/order.js';
import { FIXTURE_NOW } from '../test-support/fixture.js';
import { fakeCarrier } from './testing/fake-connector.js';
import { startHarness, type Harness } from './testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => FIXTURE_NOW, connectors: () => [['russian-post', fakeCarrier()]] });
});
afterAll(() => h.close());

async function registeredOrder(n: string): Promise<string> {
  const res = await fetch(`${h.base}/api/v1/orders`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      orderNumber: n, configId: 'demo', pointId: 'rp-101000', carrier: 'russian-post',
      parcel: { weightG: 500, dimensionsCm: { length: 10, width: 10, height: 10 } },
      recipient: { givenName: 'A', surname: 'B', phone: '+79001112233' },
    }),
  });
  const id = CreatedOrder.parse(await res.json()).id;
  await h.oms.dispatcher.tick();
  return id;
}

const at = (iso: string, carrierCode: string, status: 'in_transit' | 'registered' | 'arrived_at_point') =>
  ({ at: iso, carrierCode, status, description: carrierCode, place: null, timeZone: null });

describe('applyTracking', () => {
  it('moves an order forward only, keeps every event once, and never leaves cancelled', async () => {
    const id = await registeredOrder('T-1');
    const base = { eta: '2026-11-27', storageUntil: null, checkedAt: FIXTURE_NOW.toISOString(), nextCheckAt: 1 };
    await h.oms.store.applyTracking(id, { ...base, status: 'arrived_at_point', events: [at('2026-11-25T10:00:00+03:00', '1/1', 'in_transit'), at('2026-11-26T10:00:00+03:00', '8/2', 'arrived_at_point')] });
    // A stale or reset source answers an earlier state, with one event already known.
    await h.oms.store.applyTracking(id, { ...base, status: 'registered', events: [at('2026-11-25T10:00:00+03:00', '1/1', 'in_transit')] });
    const row = await h.oms.store.getOrder(id);
    expect(row?.status).toBe('arrived_at_point');
    expect((await h.oms.store.trackingEvents(id)).map((e) => e.carrier_code)).toEqual(['8/2', '1/1']);

    expect(await h.oms.store.markCancelled(id, FIXTURE_NOW.toISOString())).toBe(true);
    await h.oms.store.applyTracking(id, { ...base, status: 'in_transit', events: [] });
    expect((await h.oms.store.getOrder(id))?.status).toBe('cancelled');
  });

  it('sorts events by instant, not by their local text', async () => {
    const id = await registeredOrder('T-2');
    // 09:00 in Vladivostok (+10) happens before 05:00 in Moscow (+03) of the same day.
    await h.oms.store.applyTracking(id, {
      status: 'in_transit', eta: null, storageUntil: null, checkedAt: FIXTURE_NOW.toISOString(), nextCheckAt: 1,
      events: [at('2026-11-26T05:00:00+03:00', '8/3', 'in_transit'), at('2026-11-26T09:00:00+10:00', '8/1', 'in_transit')],
    });
    expect((await h.oms.store.trackingEvents(id)).map((e) => e.carrier_code)).toEqual(['8/3', '8/1']);
  });
});

describe('tracking never starves', () => {
  it('postpones a due order whose carrier answer cannot be applied', async () => {
    const id = await registeredOrder('T-3');
    const connector = h.connectors.get('russian-post')!;
    const track = connector.track;
    connector.track = async () => { throw new Error('carrier exploded'); };
    try {
      expect(await h.oms.tracker.tick()).toBeGreaterThanOrEqual(1);
      const row = await h.oms.store.getOrder(id);
      expect(row?.next_check_at).toBeGreaterThan(FIXTURE_NOW.getTime());
      expect(await h.oms.tracker.tick()).toBe(0);
    } finally {
      connector.track = track;
    }
  });
});

describe('idempotency claims', () => {
  it('purges answers past their retention and abandoned claims, keeps live ones', async () => {
    const now = FIXTURE_NOW.getTime();
    await h.oms.store.claimKey('demo', 'p-done', 'f', now, 1_000, 10_000);
    await h.oms.store.finishKey('demo', 'p-done', 201, '{"token":"secret"}');
    await h.oms.store.claimKey('demo', 'p-abandoned', 'f', now, 1_000, 10_000);
    await h.oms.store.claimKey('demo', 'p-live', 'f', now + 9_000, 1_000, 10_000);
    expect(await h.oms.store.purgeExpiredKeys(now + 10_000)).toBeGreaterThanOrEqual(2);
    expect(await h.oms.store.peekKey('demo', 'p-done', now)).toBeUndefined();
    expect(await h.oms.store.peekKey('demo', 'p-abandoned', now)).toBeUndefined();
    expect(await h.oms.store.peekKey('demo', 'p-live', now + 10_000)).toMatchObject({ state: 'in_flight' });
  });

  it('forgets a key after its retention: the same key is then a new request', async () => {
    const now = FIXTURE_NOW.getTime();
    expect(await h.oms.store.claimKey('demo', 'k-ret', 'f1', now, 1_000, 10_000)).toEqual({ kind: 'claimed' });
    await h.oms.store.finishKey('demo', 'k-ret', 422, '{"x":1}');
    expect(await h.oms.store.claimKey('demo', 'k-ret', 'f1', now + 5_000, 1_000, 10_000)).toEqual({ kind: 'replay', status: 422, body: '{"x":1}', orderId: null });
    expect(await h.oms.store.claimKey('demo', 'k-ret', 'f2', now + 10_000, 1_000, 10_000)).toEqual({ kind: 'claimed' });
  });

  it('lets a retry take over a claim only after its lease ran out, and only with the same payload', async () => {
    const now = FIXTURE_NOW.getTime();
    expect(await h.oms.store.claimKey('demo', 'k-lease', 'f1', now, 1_000, 60_000)).toEqual({ kind: 'claimed' });
    expect(await h.oms.store.claimKey('demo', 'k-lease', 'f1', now + 500, 1_000, 60_000)).toEqual({ kind: 'in_flight' });
    expect(await h.oms.store.claimKey('demo', 'k-lease', 'f2', now + 2_000, 1_000, 60_000)).toEqual({ kind: 'mismatch' });
    expect(await h.oms.store.claimKey('demo', 'k-lease', 'f1', now + 2_000, 1_000, 60_000)).toEqual({ kind: 'claimed' });
    expect(await h.oms.store.claimKey('demo', 'k-lease', 'f1', now + 2_500, 1_000, 60_000)).toEqual({ kind: 'in_flight' });
  });
});

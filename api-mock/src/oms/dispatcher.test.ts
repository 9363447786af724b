// The outbox dispatcher on a real database with an in-memory carrier that counts shipments: unknown outcomes are
// reconciled before any resend, a dead process's claim is taken over after its lease, stale workers are fenced.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreatedOrder, type OrderInput } from '../../../widget/src/model/order.js';
import { isRussianPostDomestic } from '../../../widget/src/core/track-number.js';
import { FIXTURE_NOW } from '../test-support/fixture.js';
import { fakeCarrier, type FakeCarrier } from './testing/fake-connector.js';
import { startHarness, type Harness } from './testing/harness.js';

let h: Harness;
let rp: FakeCarrier;
let clock = FIXTURE_NOW.getTime();
let seq = 0;

beforeAll(async () => {
  rp = fakeCarrier('russian-post');
  h = await startHarness({
    now: () => new Date(clock),
    connectors: () => [['russian-post', rp]],
    // random() = 1: the backoff waits its full ceiling, so the test knows exactly when an entry is due again.
    oms: { dispatcher: { leaseMs: 10_000, retryBaseMs: 1_000, retryCapMs: 60_000, random: () => 0.999999 } },
  });
});
afterAll(() => h.close());
beforeEach(async () => {
  // Each test starts with an empty outbox: drain what earlier tests left due.
  clock += 3_600_000;
  while (await h.oms.dispatcher.tick() > 0) { /* drain */ }
  rp.script = [];
  rp.sends.length = 0;
});

async function place(): Promise<CreatedOrder> {
  const body: OrderInput = {
    orderNumber: `D-${++seq}`, configId: 'demo', pointId: 'rp-101000', carrier: 'russian-post',
    parcel: { weightG: 800, dimensionsCm: { length: 20, width: 15, height: 10 } },
    recipient: { givenName: 'Иван', surname: 'Петров', phone: '+79001234567' },
  };
  const res = await fetch(`${h.base}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return CreatedOrder.parse(await res.json());
}

describe('Dispatcher', () => {
  it('sends an accepted order and records the carrier\'s track number', async () => {
    const o = await place();
    expect(await h.oms.dispatcher.tick()).toBe(1);
    const row = await h.oms.store.getOrder(o.id);
    expect(row?.status).toBe('registered');
    expect(isRussianPostDomestic(row?.track_number ?? '')).toBe(true);
    expect(rp.shipments.get(o.id)).toEqual([row?.track_number]);
    expect(rp.sends).toEqual([{ orderId: o.id, mayExist: false }]);
    expect(await h.oms.dispatcher.tick()).toBe(0);
  });

  it('after a lost answer, asks the carrier before sending again: one shipment', async () => {
    const o = await place();
    rp.script = [{ kind: 'unknown', commit: true }];
    expect(await h.oms.dispatcher.tick()).toBe(1);
    expect((await h.oms.store.getOrder(o.id))?.status).toBe('created');
    const box = await h.oms.store.getOutbox(o.id);
    // First retry waits its whole ceiling: base 1 s * 2^0.
    expect(box).toMatchObject({ state: 'pending', attempts: 1, last_error: 'connection dropped' });
    expect(box!.next_attempt_at - clock).toBeGreaterThan(990);
    expect(box!.next_attempt_at - clock).toBeLessThanOrEqual(1_000);
    expect(await h.oms.dispatcher.tick()).toBe(0); // not due yet
    clock += 1_000;
    expect(await h.oms.dispatcher.tick()).toBe(1);
    expect(rp.sends).toEqual([{ orderId: o.id, mayExist: false }, { orderId: o.id, mayExist: true }]);
    expect(rp.shipments.get(o.id)).toHaveLength(1);
    expect((await h.oms.store.getOrder(o.id))?.status).toBe('registered');
  });

  it('backs off exponentially up to the cap while the carrier stays silent', async () => {
    const o = await place();
    rp.script = Array.from({ length: 8 }, () => ({ kind: 'unknown' as const, commit: false }));
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      expect(await h.oms.dispatcher.tick()).toBe(1);
      const box = await h.oms.store.getOutbox(o.id);
      waits.push(Math.round((box!.next_attempt_at - clock) / 1000));
      clock = box!.next_attempt_at;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(await h.oms.dispatcher.tick()).toBe(1);
    expect(rp.shipments.get(o.id)).toHaveLength(1);
  });

  it('ends a carrier rejection in status rejected with the carrier\'s message, never retried', async () => {
    const o = await place();
    rp.script = [{ kind: 'rejected', message: 'EMPTY_INDEX_TO: index is empty' }];
    await h.oms.dispatcher.tick();
    const row = await h.oms.store.getOrder(o.id);
    expect(row).toMatchObject({ status: 'rejected', error: 'EMPTY_INDEX_TO: index is empty', track_number: null });
    clock += 3_600_000;
    expect(await h.oms.dispatcher.tick()).toBe(0);
    expect(rp.sends).toHaveLength(1);
  });

  it('takes over the claim of a process that died mid-send, and fences the dead one\'s late write', async () => {
    const o = await place();
    // A process claims the entry, the carrier commits, and the process dies before recording anything.
    const [claimed] = await h.oms.store.claimDue(clock, 10_000, 1);
    expect(claimed).toMatchObject({ order_id: o.id, attempts: 1, state: 'in_flight' });
    await rp.send(h.oms.dispatcher.carrierOrder((await h.oms.store.getOrder(o.id))!), { mayExist: false });
    expect(await h.oms.dispatcher.tick()).toBe(0); // its lease still holds
    clock += 10_001;
    expect(await h.oms.dispatcher.tick()).toBe(1);
    expect(rp.sends.at(-1)).toEqual({ orderId: o.id, mayExist: true });
    expect(rp.shipments.get(o.id)).toHaveLength(1);
    const row = await h.oms.store.getOrder(o.id);
    expect(row?.status).toBe('registered');
    // The dead process's write arrives late (it was only paused): attempt 1 no longer owns the entry.
    expect(await h.oms.store.completeSend(claimed!, { carrierRef: 'x', trackNumber: '00000000000000' }, clock)).toBe(false);
    expect((await h.oms.store.getOrder(o.id))?.track_number).toBe(row?.track_number);
  });

  it('does not cancel locally an order whose send may have reached the carrier', async () => {
    const o = await place();
    rp.script = [{ kind: 'unknown', commit: true }];
    await h.oms.dispatcher.tick();
    const cancel = await fetch(`${h.base}/api/v1/orders/${o.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${o.token}` } });
    expect(cancel.status).toBe(503);
    expect(await cancel.json()).toMatchObject({ code: 'carrier_unavailable' });
    clock += 1_000;
    await h.oms.dispatcher.tick();
    expect((await h.oms.store.getOrder(o.id))?.status).toBe('registered');
    expect(rp.shipments.get(o.id)).toHaveLength(1);
  });

  it('two dispatchers over one database never send one entry twice', async () => {
    const orders = await Promise.all(Array.from({ length: 10 }, place));
    const [a, b] = await Promise.all([h.oms.store.claimDue(clock, 10_000, 16), h.oms.store.claimDue(clock, 10_000, 16)]);
    const ids = [...a!, ...b!].map((e) => e.order_id).sort();
    expect(ids).toEqual(orders.map((o) => o.id).sort());
  });
});

// An order's whole life through our window with the real connectors and carrier sandboxes: accepted, sent, given a
// track number, then followed on the carriers' simulated clock until it is final, as the shop reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedOrder, FINAL_STATUSES, TrackingView, type OrderInput, type OrderStatus } from '../../../widget/src/model/order.js';
import { isNovaPoshtaTtn, isRussianPostDomestic } from '../../../widget/src/core/track-number.js';
import { FIXTURE_NOW } from '../test-support/fixture.js';
import { defaultConnectors } from './connectors/index.js';
import { startHarness, type Harness } from './testing/harness.js';

const HOUR = 3_600_000;
/** The order a status is reached in a parcel's life; a timeline never goes back. */
const RANK: Record<OrderStatus, number> = {
  created: 0, registered: 1, in_transit: 2, arrived_at_point: 3, delivered: 4, returning: 4, returned: 5, cancelled: 5, rejected: 5,
};

let h: Harness;
let clock = FIXTURE_NOW.getTime();

beforeAll(async () => {
  h = await startHarness({
    now: () => new Date(clock),
    connectors: (base) => defaultConnectors({ baseUrl: base, timeoutMs: 3_000 }),
    oms: { tracker: { intervalMs: HOUR, staleMs: HOUR } },
  });
});
afterAll(() => h.close());

async function place(body: Omit<OrderInput, 'configId'>): Promise<CreatedOrder> {
  const res = await fetch(`${h.base}/api/v1/orders`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ ...body, configId: 'demo' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return CreatedOrder.parse(await res.json());
}

async function tracking(o: CreatedOrder): Promise<TrackingView> {
  const res = await fetch(`${h.base}${o.links.tracking}`, { headers: { authorization: `Bearer ${o.token}` } });
  expect(res.status).toBe(200);
  return TrackingView.parse(await res.json());
}

describe.each([
  ['russian-post', 'rp-101000', '+79123456789', isRussianPostDomestic],
  ['nova-poshta', 'np-kyiv-25', '+380671234567', isNovaPoshtaTtn],
] as const)('%s', (carrier, pointId, phone, validTrack) => {
  it('is registered with a valid track number, moves through its statuses, and ends final', async () => {
    const order = await place({
      orderNumber: `L-${carrier}`, pointId, carrier,
      parcel: { weightG: 1500, dimensionsCm: { length: 30, width: 20, height: 10 } },
      recipient: { givenName: 'Марія', surname: 'Бондар', phone },
    });
    expect(order.status).toBe('created');
    expect(await h.oms.dispatcher.tick()).toBe(1);
    const first = await tracking(order);
    expect(first.status).toBe('registered');
    expect(validTrack(first.trackNumber ?? '')).toBe(true);
    expect(first.pointName).toBe(order.pointName);

    // Hour by hour on both clocks (the carriers' clock follows ours at speed 1) until the parcel's story ends.
    const seen: OrderStatus[] = [first.status];
    let last = first;
    let storageSeen = false;
    for (let hours = 0; hours < 24 * 40 && !FINAL_STATUSES.has(last.status); hours += 6) {
      clock += 6 * HOUR;
      await h.oms.tracker.tick();
      last = await tracking(order);
      if (last.status !== seen.at(-1)) seen.push(last.status);
      if (last.status === 'arrived_at_point') {
        storageSeen = true;
        expect(last.storageUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(FINAL_STATUSES.has(last.status)).toBe(true);
    expect(['delivered', 'returned']).toContain(last.status);
    expect(storageSeen).toBe(true);
    // Statuses only move forward, and the parcel went through transit and the point.
    expect(seen.map((s) => RANK[s])).toEqual([...seen.map((s) => RANK[s])].sort((a, b) => a - b));
    expect(seen).toContain('in_transit');
    expect(seen).toContain('arrived_at_point');
    // The timeline is newest first, each event with its offset and the carrier's own code.
    const times = last.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(last.events.length).toBeGreaterThanOrEqual(4);
    for (const e of last.events) {
      expect(e.at).toMatch(/[+-]\d{2}:\d{2}$/);
      expect(e.carrierCode).not.toBe('');
    }
    expect(last.events[0]?.status).toBe(last.status);

    // A final parcel is no longer asked about.
    clock += 24 * HOUR;
    expect(await h.oms.tracker.tick()).toBe(0);
  });
});

describe('cancel at the carrier', () => {
  it('cancels a registered Nova Poshta waybill before it is handed over, and refuses once it moves', async () => {
    const mk = (n: string) => place({
      orderNumber: n, pointId: 'np-kyiv-25', carrier: 'nova-poshta',
      parcel: { weightG: 900, dimensionsCm: { length: 20, width: 20, height: 10 } },
      recipient: { givenName: 'Ігор', surname: 'Мельник', phone: '0671234567' },
    });
    const a = await mk('C-1');
    const b = await mk('C-2');
    while (await h.oms.dispatcher.tick() > 0) { /* send both */ }
    const cancel = (o: CreatedOrder) => fetch(`${h.base}${o.links.cancel}`, { method: 'POST', headers: { authorization: `Bearer ${o.token}` } });
    const ok = await cancel(a);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'cancelled' });
    const shipments = await (await fetch(`${h.base}/__sandbox/nova-poshta/shipments`)).json() as { items: Array<{ clientBarcode: string; deleted: boolean }> };
    expect(shipments.items.filter((s) => s.clientBarcode === a.id)).toEqual([expect.objectContaining({ deleted: true })]);

    clock += 3 * 24 * HOUR; // handed over and on its way
    await h.oms.tracker.tick();
    const refused = await cancel(b);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'not_cancellable', field: 'id' });
  });
});

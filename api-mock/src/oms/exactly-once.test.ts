// Exactly-once, proven by counting on the carriers' side: a chaos run with 30% of the responses lost or failed at
// both hops, and kill -9 of the order server in the middle of a burst. `npm run bench` runs the big versions
// (1,000 intents); these are the small ones that guard every commit.
import { describe, expect, it } from 'vitest';
import { runChaos } from './testing/chaos.js';
import { runKillTest } from './testing/kill.js';

describe('exactly once', () => {
  it('120 intents with 30% of responses dropped, failed or lost after commit at both hops: one order and one shipment each', async () => {
    const r = await runChaos({ intents: 120, seed: 11 });
    expect(r.lost).toBe(0);
    expect(r.fulfilled).toBe(120);
    expect(r.ordersInDb).toBe(120);
    expect(r.duplicateShipments).toBe(0);
    expect(r.carrierShipments).toBe(120);
    expect(r.ordersWithoutShipment).toBe(0);
    expect(r.trackNumbersMatching).toBe(120);
    // The faults really happened, at both hops, and the dispatcher had to reconcile.
    expect(r.faultsApplied.clientHop).toBeGreaterThan(20);
    expect(r.faultsApplied.carrierHop).toBeGreaterThan(20);
    expect(r.dispatcher.reconciled).toBeGreaterThan(0);
  }, 180_000);

  it('kill -9 at random moments of a burst, 5 times: every acknowledged order is still there and reached its carrier once', async () => {
    const r = await runKillTest({ orders: 60, kills: 5 });
    expect(r.kills).toBe(5);
    expect(r.acknowledged).toBe(r.orders);
    expect(r.lostAcknowledged).toBe(0);
    expect(r.duplicateShipments).toBe(0);
    expect(r.acknowledgedWithoutShipment).toBe(0);
    expect(r.carrierShipments).toBe(r.acknowledged);
    expect(r.registered).toBe(r.acknowledged);
  }, 240_000);
});

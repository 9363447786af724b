// A carrier in memory for order API tests: counts every shipment it creates, and can be told to fail.
import { makeRussianPostDomestic } from '../../../../widget/src/core/track-number.js';
import type { CarrierOrder, Connector, SendOutcome } from '../connectors/types.js';

export interface FakeCarrier extends Connector {
  /** Shipments by our order id: more than one entry for an id is a duplicate. */
  readonly shipments: Map<string, string[]>;
  /** The next sends answer these outcomes (after the carrier committed when `commit` is true). */
  script: Array<{ kind: 'unknown'; commit: boolean } | { kind: 'rejected'; message: string }>;
  sends: Array<{ orderId: string; mayExist: boolean }>;
}

export function fakeCarrier(carrier: 'russian-post' | 'nova-poshta' = 'russian-post'): FakeCarrier {
  let serial = 0;
  const shipments = new Map<string, string[]>();
  const create = (order: CarrierOrder): string => {
    const track = makeRussianPostDomestic('101000', 12, ++serial);
    shipments.set(order.orderId, [...(shipments.get(order.orderId) ?? []), track]);
    return track;
  };
  const fake: FakeCarrier = {
    carrier,
    shipments,
    script: [],
    sends: [],
    async send(order, { mayExist }): Promise<SendOutcome> {
      fake.sends.push({ orderId: order.orderId, mayExist });
      const existing = shipments.get(order.orderId)?.[0];
      if (mayExist && existing) return { kind: 'accepted', shipment: { carrierRef: `ref-${existing}`, trackNumber: existing } };
      const step = fake.script.shift();
      if (step?.kind === 'rejected') return { kind: 'rejected', message: step.message, codes: ['E1'] };
      if (step?.kind === 'unknown') {
        if (step.commit) create(order);
        return { kind: 'unknown', message: 'connection dropped' };
      }
      const track = create(order);
      return { kind: 'accepted', shipment: { carrierRef: `ref-${track}`, trackNumber: track } };
    },
    async cancel() {
      return { kind: 'cancelled' };
    },
    async track() {
      return [];
    },
  };
  return fake;
}

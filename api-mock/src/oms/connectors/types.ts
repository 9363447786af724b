// The connector contract: the OMS hands a connector one accepted order; the connector speaks the carrier's own
// order API (Russian Post Otpravka, Nova Poshta API 2.0) and answers in carrier-neutral terms.
// Neither carrier takes an idempotency key, so a connector must be able to find what the carrier already holds.
import type { Branch, Origin, Parcel } from '../../../../widget/src/model/index.js';
import type { OrderStatus, Recipient, TrackingEvent } from '../../../../widget/src/model/order.js';

/** What the OMS sends a carrier: everything its order API needs. */
export interface CarrierOrder {
  /** Our order id ("ord_…"): the key the carrier is searched by (RP `order-num`, NP `InfoRegClientBarcodes`). */
  orderId: string;
  /** The shop's own number (shown in the carrier's cabinet as a comment / description). */
  orderNumber: string;
  point: Branch;
  parcel: Parcel;
  recipient: Recipient;
  origin: Origin;
  /** ISO timestamp the order was accepted by us. */
  createdAt: string;
}

/** What the carrier holds for an order (after a send, or found by reconciliation). */
export interface CarrierShipment {
  /** The carrier's own id of the order (RP backlog id, NP document Ref). */
  carrierRef: string;
  /** Track number, validated (check digit / prefix). Absent while RP has the order in the backlog, not in a batch. */
  trackNumber?: string;
}

export type SendOutcome =
  /** The carrier holds exactly one shipment for this order. */
  | { kind: 'accepted'; shipment: CarrierShipment & { trackNumber: string } }
  /** A definite "no" from the carrier (validation, limits): never retried. */
  | { kind: 'rejected'; message: string; codes: string[] }
  /** Timeout, dropped connection, 5xx, malformed answer: the carrier may or may not have committed. */
  | { kind: 'unknown'; message: string };

export type CancelOutcome =
  | { kind: 'cancelled' }
  /** The carrier refuses (already in a batch / handed over). */
  | { kind: 'refused'; message: string }
  | { kind: 'unknown'; message: string };

/** One order's state at the carrier, mapped to our status model (events newest first). */
export interface CarrierTracking {
  trackNumber: string;
  status: OrderStatus;
  events: TrackingEvent[];
  /** YYYY-MM-DD in the point's zone. */
  eta?: string;
  storageUntil?: string;
}

export interface Connector {
  readonly carrier: 'russian-post' | 'nova-poshta';
  /**
   * Deliver the order. With `mayExist` (an earlier attempt's outcome is unknown) the connector first asks the carrier
   * whether it already holds the order and completes that one instead of creating a second shipment.
   */
  send(order: CarrierOrder, options: { mayExist: boolean; signal?: AbortSignal }): Promise<SendOutcome>;
  cancel(shipment: CarrierShipment, options: { signal?: AbortSignal }): Promise<CancelOutcome>;
  /** Tracking for many shipments at once; a shipment the carrier does not know is left out. */
  track(shipments: readonly { trackNumber: string; phone?: string; point: Branch }[], options: { signal?: AbortSignal }): Promise<CarrierTracking[] | { kind: 'unknown'; message: string }>;
}

export interface ConnectorOptions {
  /** Where the carrier APIs live: the sandbox ("http://127.0.0.1:5173") or a proxy to the real ones. No trailing slash. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per-call time budget; past it the outcome is unknown. */
  timeoutMs?: number;
  /** Carrier credentials (the sandbox accepts any non-empty value). */
  credentials?: { npApiKey?: string; rpAccessToken?: string; rpUserAuth?: string };
  /** Sender data for the carrier (NP needs a sender city ref / phone; RP the accepting office). */
  now?: () => Date;
}

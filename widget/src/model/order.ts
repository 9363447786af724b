// Orders through our one window: what a shop sends, what the order API answers, the status model and the
// tracking timeline. Shared by the order API (api-mock/src/oms), the client library (widget/src/orders) and,
// later, the widget's order step and <bp-tracking>.
import { z } from './zod.js';
import { cappedText, TEXT_CAPS } from './capped-text.js';
import { CarrierId, Money } from './common.js';
import { Origin } from './config.js';
import { Parcel } from './parcel.js';
import { Quote } from './quote.js';

/** Shop text is capped: nothing a client sends can grow a row without bound (rejected: the buyer can fix it). */
const Name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100));

export const Recipient = z.object({
  givenName: Name,
  surname: Name,
  /** International format; checked against the point's country by the order API ("+7…" in Russia, "+380…" in Ukraine). */
  phone: z.string().check(z.maxLength(32), z.regex(/^\+?[0-9 ()-]{7,24}$/, 'expected a phone number')),
  email: z.optional(z.string().check(z.maxLength(254), z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'expected an e-mail address'))),
});
export type Recipient = z.infer<typeof Recipient>;

/** Shop order numbers and widget ids: printable, no spaces, safe in URLs and carrier fields. */
export const OrderNumber = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._\/-]+$/, 'expected letters, digits, ".", "_", "/" or "-"'));
export const ConfigId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1-64 letters, digits, "_" or "-"'));

/** What a shop sends to place an order for the chosen point (`POST /api/v1/orders`). */
export const OrderInput = z.object({
  /** The shop's own order number; unique per widget. */
  orderNumber: OrderNumber,
  /** The widget (config) the order came through: scopes idempotency keys and order numbers. */
  configId: ConfigId,
  pointId: z.string().check(z.minLength(1), z.maxLength(64)),
  carrier: CarrierId,
  parcel: Parcel,
  recipient: Recipient,
  /** Where the shop ships from; defaults to the widget config's origin. */
  origin: z.optional(Origin),
  /** The quote the buyer saw: the API re-prices and answers 409 with the fresh quote when it changed. */
  quote: z.optional(Quote),
  comment: z.optional(z.string().check(z.maxLength(500))),
});
export type OrderInput = z.infer<typeof OrderInput>;

/**
 * One status model for every carrier. `created`: accepted by us, not yet at the carrier; `registered`: the carrier
 * holds it and the track number is known; then the parcel's life; `cancelled` and `rejected` (by the carrier) end it.
 */
export const ORDER_STATUSES = [
  'created', 'registered', 'in_transit', 'arrived_at_point', 'delivered', 'returning', 'returned', 'cancelled', 'rejected',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['delivered', 'returned', 'cancelled', 'rejected']);
/** Where a status stands in an order's life: a carrier's answer never moves an order back (a stale or reset source). */
export const STATUS_RANK: Readonly<Record<OrderStatus, number>> = {
  created: 0, registered: 1, in_transit: 2, arrived_at_point: 3, delivered: 4, returning: 4, returned: 5, cancelled: 6, rejected: 6,
};

export const OrderLinks = z.object({
  self: z.string(),
  tracking: z.string(),
  cancel: z.string(),
});

// In the answers below, carrier and server text the buyer reads (point names and addresses, event wording, places,
// reasons) is capped by truncation (capped-text.ts): one absurd string never hides an order or its tracking. Ids,
// order and track numbers and carrier codes are identifiers and stay as they are (a cut one names another thing).

/** What the order API answers for one order (the buyer's or the owner's view). */
export const OrderView = z.object({
  id: z.string(),
  orderNumber: OrderNumber,
  configId: ConfigId,
  status: OrderStatus,
  carrier: CarrierId,
  pointId: z.string(),
  /** The point's name and address line as they were when ordered (the point may change later). */
  pointName: cappedText(TEXT_CAPS.name),
  pointAddress: cappedText(TEXT_CAPS.addressLine),
  parcel: Parcel,
  recipient: Recipient,
  quote: Quote,
  cashOnDelivery: z.optional(Money),
  trackNumber: z.optional(z.string()),
  /** The carrier's reason when it rejected the order. */
  error: z.optional(cappedText(TEXT_CAPS.note)),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  links: OrderLinks,
});
export type OrderView = z.infer<typeof OrderView>;

/** The 201 answer (and its replays): the order plus its capability token, given only here. */
export const CreatedOrder = z.extend(OrderView, {
  /** 128 random bits, base64url: `Authorization: Bearer <token>` reads and cancels this order. */
  token: z.string().check(z.minLength(16)),
});
export type CreatedOrder = z.infer<typeof CreatedOrder>;

export const TrackingEvent = z.object({
  status: OrderStatus,
  /** The carrier's own code, e.g. Nova Poshta "7" or Russian Post "8/2". */
  carrierCode: z.string(),
  /** The carrier's wording (untrusted text). */
  description: cappedText(TEXT_CAPS.note),
  /** ISO timestamp with the offset of the place where it happened. */
  at: z.iso.datetime({ offset: true }),
  timeZone: z.optional(z.string()),
  place: z.optional(cappedText(TEXT_CAPS.addressLine)),
});
export type TrackingEvent = z.infer<typeof TrackingEvent>;

/** `GET /api/v1/orders/{id}/tracking`: the timeline, newest first. */
export const TrackingView = z.object({
  orderId: z.string(),
  status: OrderStatus,
  carrier: CarrierId,
  trackNumber: z.optional(z.string()),
  /** Expected arrival at the point, in the point's time zone (YYYY-MM-DD). */
  eta: z.optional(z.string()),
  /** Last day the point keeps the parcel (YYYY-MM-DD), once it arrived. */
  storageUntil: z.optional(z.string()),
  pointId: z.string(),
  pointName: cappedText(TEXT_CAPS.name),
  pointAddress: cappedText(TEXT_CAPS.addressLine),
  events: z.array(TrackingEvent),
  /** When the OMS last heard from the carrier. */
  checkedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type TrackingView = z.infer<typeof TrackingView>;

/** RFC 9457 problem details, as every order API error answers (`application/problem+json`). */
export const Problem = z.object({
  type: z.string(),
  /** Title and detail are shown to the buyer (a refusal may quote the carrier's reason): capped like carrier text. */
  title: cappedText(TEXT_CAPS.note),
  status: z.int(),
  detail: z.optional(cappedText(TEXT_CAPS.note)),
  /** The first bad field, e.g. "recipient.phone". */
  field: z.optional(z.string()),
  /** A stable machine-readable code, e.g. "quote_changed", "in_flight", "key_reused". */
  code: z.optional(z.string()),
  /** With code "quote_changed": the fresh quote to show the buyer. */
  quote: z.optional(Quote),
});
export type Problem = z.infer<typeof Problem>;

export const OrderPage = z.object({
  items: z.array(OrderView),
  /** Opaque; pass as `cursor` for the next page. Absent on the last page. */
  nextCursor: z.optional(z.string()),
});
export type OrderPage = z.infer<typeof OrderPage>;

/** How long the order API keeps an idempotency key and its answer (published in `Idempotency-Retention`). */
export const IDEMPOTENCY_RETENTION_S = 24 * 3600;

import { z } from './zod.js';
import { CarrierId } from './common.js';
import { Parcel } from './parcel.js';
import { Quote } from './quote.js';

export const Recipient = z.object({
  givenName: z.string().check(z.minLength(1), z.maxLength(100)),
  surname: z.string().check(z.minLength(1), z.maxLength(100)),
  phone: z.string().check(z.regex(/^\+?[0-9 ()-]{7,20}$/, 'expected a phone number')),
  email: z.optional(z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'expected an e-mail address'))),
});
export type Recipient = z.infer<typeof Recipient>;

export const ORDER_STATUSES = ['pending', 'submitted', 'accepted', 'rejected', 'failed'] as const;

/** What a shop sends to submit an order for the chosen point. */
export const OrderInput = z.object({
  /** The shop's own order number; unique per shop. */
  orderNumber: z.string().check(z.minLength(1), z.maxLength(64)),
  configId: z.optional(z.string()),
  pointId: z.string().check(z.minLength(1)),
  carrier: CarrierId,
  parcel: Parcel,
  recipient: Recipient,
  quote: z.optional(Quote),
  comment: z.optional(z.string().check(z.maxLength(500))),
});
export type OrderInput = z.infer<typeof OrderInput>;

export const Order = z.extend(OrderInput, {
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  createdAt: z.iso.datetime({ offset: true }),
  /** Carrier track number once the OMS accepted it. */
  trackNumber: z.optional(z.string()),
  error: z.optional(z.string()),
});
export type Order = z.infer<typeof Order>;

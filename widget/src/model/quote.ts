import { z } from './zod.js';
import { CarrierId, Currency, IsoDate } from './common.js';

export const QUOTE_PARTS = ['delivery', 'insurance', 'cod_fee', 'packaging', 'other'] as const;

export const QuoteLine = z.object({
  kind: z.enum(QUOTE_PARTS),
  /** Minor units, VAT included. */
  amount: z.int(),
});
export type QuoteLine = z.infer<typeof QuoteLine>;

/** Price and delivery time of one parcel to one point, carrier-neutral. */
export const Quote = z.object({
  carrier: CarrierId,
  /** The carrier's service code, e.g. "23030" (Russian Post parcel online) or "WarehouseWarehouse". */
  service: z.string(),
  pointId: z.string(),
  currency: Currency,
  /** Total to pay, minor units, VAT included. */
  total: z.int(),
  breakdown: z.array(QuoteLine),
  vat: z.object({ rate: z.number().check(z.gte(0), z.lte(100)), amount: z.int() }),
  deliveryDays: z.object({ min: z.int().check(z.gte(0)), max: z.int().check(z.gte(0)) }),
  /** Latest expected arrival date at the point, in the point's time zone. */
  estimatedDate: z.optional(IsoDate),
  /** ISO timestamp after which the price must be fetched again. */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type Quote = z.infer<typeof Quote>;

/**
 * One raw carrier answer as the scheduler hands it to an adapter's `toQuote`: HTTP status plus the parsed
 * body (JSON or text). In the model (not carriers/) because the quote cache in core/ keeps these too.
 */
export interface RawAnswer {
  status: number;
  body: unknown;
}

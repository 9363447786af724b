import { z } from './zod.js';
import { DimensionsCm, Money } from './common.js';

/** The buyer's parcel, as the shop describes it. */
export const Parcel = z.object({
  weightG: z.int().check(z.gt(0), z.lte(1_000_000)),
  dimensionsCm: DimensionsCm,
  declaredValue: z.optional(Money),
  /** Amount the buyer pays at the point (cash on delivery); absent when prepaid. */
  cashOnDelivery: z.optional(Money),
});
export type Parcel = z.infer<typeof Parcel>;

import { z } from './zod.js';
import { Currency, DimensionsCm, Money } from './common.js';

// The limits of a parcel a shop describes, stated once: the `parcel-*`, `declared-value` and `cod`
// attributes (element/parcel-input.ts) only split their text and validate with these schemas, so a
// config, a `parcel` property and an order are refused past the same limits as the attributes.
// They are the parcel's, not DimensionsCm's or Money's: those also carry carriers' own data (point
// limits, prices), which must not be dropped for exceeding what a shop may declare.
export const PARCEL_MAX_WEIGHT_G = 1_000_000;
export const PARCEL_MAX_SIDE_CM = 1000;
/** 1e9 in major units (roubles, hryvnias), in minor units. */
export const PARCEL_MAX_AMOUNT = 100_000_000_000;

export const ParcelWeightG = z.int().check(z.gt(0), z.lte(PARCEL_MAX_WEIGHT_G));
const Side = z.number().check(z.gt(0), z.lte(PARCEL_MAX_SIDE_CM));
export const ParcelDimensionsCm = z.object({ length: Side, width: Side, height: Side }) satisfies z.ZodMiniType<DimensionsCm>;
export const ParcelMoney = z.object({ amount: z.int().check(z.lte(PARCEL_MAX_AMOUNT)), currency: Currency }) satisfies z.ZodMiniType<Money>;

/** The buyer's parcel, as the shop describes it. */
export const Parcel = z.object({
  weightG: ParcelWeightG,
  dimensionsCm: ParcelDimensionsCm,
  declaredValue: z.optional(ParcelMoney),
  /** Amount the buyer pays at the point (cash on delivery); absent when prepaid. */
  cashOnDelivery: z.optional(ParcelMoney),
});
export type Parcel = z.infer<typeof Parcel>;

import { z } from './zod.js';
import { CarrierId, CountryCode, DimensionsCm, HHMM, IsoDate, Latitude, Longitude, Money } from './common.js';
import { cappedText, TEXT_CAPS } from './capped-text.js';

export const BRANCH_TYPES = ['post_office', 'pickup_point', 'parcel_locker'] as const;
export const BranchType = z.enum(BRANCH_TYPES);
export type BranchType = z.infer<typeof BranchType>;

export const PAYMENT_METHODS = ['card', 'cash', 'cod'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const BRANCH_STATUSES = ['open', 'temporarily_closed', 'closed'] as const;
export const BranchStatus = z.enum(BRANCH_STATUSES);
export type BranchStatus = z.infer<typeof BranchStatus>;

export const TimeRange = z.object({ from: HHMM, to: HHMM });
export type TimeRange = z.infer<typeof TimeRange>;

/**
 * Hours of one weekday in the point's own time zone. `day` is ISO: 1 = Monday ... 7 = Sunday.
 * A weekday without an entry is closed. 24/7 is open "00:00", close "24:00" every day.
 */
export const DayHours = z.object({
  day: z.int().check(z.gte(1), z.lte(7)),
  open: HHMM,
  close: HHMM,
  breaks: z.array(TimeRange),
});
export type DayHours = z.infer<typeof DayHours>;

/** A dated exception: a holiday or a closed day (closed: true), or shortened hours on that date. */
export const HoursException = z.object({
  date: IsoDate,
  closed: z.boolean(),
  open: z.optional(HHMM),
  close: z.optional(HHMM),
  note: z.optional(cappedText(TEXT_CAPS.note)),
});
export type HoursException = z.infer<typeof HoursException>;

// Carrier text is capped by truncation (see capped-text.ts): one absurd field never hides a good point.
export const Address = z.object({
  country: CountryCode,
  region: cappedText(TEXT_CAPS.addressLine),
  city: cappedText(TEXT_CAPS.name, 1),
  street: cappedText(TEXT_CAPS.addressLine),
  house: cappedText(TEXT_CAPS.house),
  postcode: cappedText(TEXT_CAPS.postcode),
});
export type Address = z.infer<typeof Address>;

export const LockerCellSize = z.enum(['XS', 'S', 'M', 'L', 'XL']);
export type LockerCellSize = z.infer<typeof LockerCellSize>;

export const LockerCell = z.object({
  size: LockerCellSize,
  dimensionsCm: DimensionsCm,
  maxWeightG: z.int().check(z.gt(0)),
});
export type LockerCell = z.infer<typeof LockerCell>;

export const BranchLimits = z.object({
  maxWeightG: z.optional(z.int().check(z.gt(0))),
  maxDimensionsCm: z.optional(DimensionsCm),
  maxDeclaredValue: z.optional(Money),
  lockerCells: z.optional(z.array(LockerCell)),
});
export type BranchLimits = z.infer<typeof BranchLimits>;

export const Branch = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  carrier: CarrierId,
  type: BranchType,
  name: cappedText(TEXT_CAPS.name, 1),
  address: Address,
  /** One-line address for display, in the local script. */
  addressLine: cappedText(TEXT_CAPS.addressLine),
  lat: Latitude,
  lng: Longitude,
  /** IANA time zone of the point, e.g. "Asia/Yekaterinburg". Hours are local to it. */
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  hours: z.array(DayHours),
  exceptions: z.array(HoursException),
  payment: z.array(PaymentMethod),
  limits: BranchLimits,
  phone: z.optional(cappedText(TEXT_CAPS.phone)),
  status: BranchStatus,
  /** Why a point is not open, when known ("renovation until 1 Dec"). */
  statusNote: z.optional(cappedText(TEXT_CAPS.note)),
  /** Carrier-side references a tariff request needs, e.g. Nova Poshta { cityRef, warehouseRef }. */
  // Refs are identifiers: an over-long one is rejected, never cut (a cut ref would name another city).
  carrierRefs: z.optional(z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(256)))),
});
export type Branch = z.infer<typeof Branch>;

/** A point can be chosen only while it is open (not temporarily or permanently closed). */
export function isSelectable(branch: Pick<Branch, 'status'>): boolean {
  return branch.status === 'open';
}

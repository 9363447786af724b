// A believable Russian Post tariff model. Amounts are kopecks; `val` is without VAT, `valnds` with 20% VAT.
// Not the real tariff table: same structure (service base rate, 500 g steps, distance zones,
// declared-value and cash-on-delivery fees, parcel-locker discount), numbers of the right magnitude.
import { deliveryDays } from './delivery-days.js';
import { greatCircleKm, zoneOf, type Coord } from './geo.js';

export const RU_VAT_RATE = 20;

export interface RpService {
  object: number;
  name: string;
  mailtype: number;
  /** First 500 g in zone 1, kopecks without VAT. */
  base: number;
  /** Each further 500 g in zone 1. */
  step: number;
  maxWeightG: number;
  speed: 'standard' | 'express';
  /** EMS needs the size class of the box (`pack`). */
  packRequired: boolean;
}

export const RP_SERVICES: ReadonlyMap<number, RpService> = new Map([
  [4030, { object: 4030, name: 'Посылка стандарт', mailtype: 4, base: 24_000, step: 3_000, maxWeightG: 20_000, speed: 'standard', packRequired: false }],
  [23030, { object: 23030, name: 'Посылка онлайн', mailtype: 23, base: 20_000, step: 2_500, maxWeightG: 20_000, speed: 'standard', packRequired: false }],
  [27030, { object: 27030, name: 'EMS', mailtype: 7, base: 55_000, step: 6_000, maxWeightG: 31_500, speed: 'express', packRequired: true }],
  [54020, { object: 54020, name: 'ЕКОМ Маркетплейс', mailtype: 54, base: 16_000, step: 2_000, maxWeightG: 15_000, speed: 'standard', packRequired: false }],
] as const);

/** Zone multipliers for zones 1..7 (index 0 = zone 1): increasing, so farther is never cheaper. */
const ZONE_FACTOR = [1, 1.15, 1.35, 1.6, 1.9, 2.3, 2.8] as const;

/** Size classes S/M/L/XL: a surcharge for bulky boxes. */
export const PACK_SURCHARGE: ReadonlyMap<number, number> = new Map([[10, 0], [20, 3_000], [30, 6_000], [40, 10_000]]);

/** Declared value (insurance): share of the value, kopecks per kopeck. */
export const INSURANCE_RATE = 0.03;
export const MAX_DECLARED_VALUE = 50_000_000;
/** Cash on delivery: share of the amount, at least the minimum. */
export const COD_RATE = 0.02;
export const COD_MIN = 3_000;
/** Parcel lockers are cheaper to serve than a counter. */
export const LOCKER_DISCOUNT = 0.1;
/** Volumetric weight: cm³ / 5 = grams (5000 cm³ per kg). */
const VOLUMETRIC_DIVISOR = 5;
/** Parcels accepted after this local time leave the next day. */
export const CUTOFF_HHMM = 1800;

export interface RpTariffInput {
  service: RpService;
  from: Coord;
  to: Coord;
  weightG: number;
  pack?: number;
  /** Box size in cm, for volumetric weight. */
  size?: readonly [number, number, number];
  /** Declared value, kopecks. */
  sumoc?: number;
  /** Cash-on-delivery amount, kopecks. */
  sumnp?: number;
  toLocker: boolean;
}

export interface Amount {
  val: number;
  valnds: number;
}

export interface RpTariffResult {
  km: number;
  zone: number;
  chargeableWeightG: number;
  ground: Amount;
  insurance?: Amount;
  cod?: Amount;
  pay: number;
  paynds: number;
  nds: number;
  delivery: { min: number; max: number };
}

export function withVat(val: number): Amount {
  return { val, valnds: Math.round((val * (100 + RU_VAT_RATE)) / 100) };
}

export function chargeableWeight(weightG: number, size?: readonly [number, number, number]): number {
  if (!size) return weightG;
  const volumetric = Math.ceil((size[0] * size[1] * size[2]) / VOLUMETRIC_DIVISOR);
  return Math.max(weightG, volumetric);
}

export function rpTariff(input: RpTariffInput): RpTariffResult {
  const km = greatCircleKm(input.from, input.to);
  const zone = zoneOf(km);
  const w = chargeableWeight(input.weightG, input.size);
  const steps = Math.ceil(Math.max(0, w - 500) / 500);
  const factor = ZONE_FACTOR[zone - 1] ?? 2.8;
  let ground = (input.service.base + steps * input.service.step) * factor;
  ground += PACK_SURCHARGE.get(input.pack ?? 10) ?? 0;
  if (input.toLocker) ground *= 1 - LOCKER_DISCOUNT;
  const groundAmount = withVat(Math.round(ground));
  const insurance = input.sumoc ? withVat(Math.round(input.sumoc * INSURANCE_RATE)) : undefined;
  const cod = input.sumnp ? withVat(Math.max(COD_MIN, Math.round(input.sumnp * COD_RATE))) : undefined;
  const parts = [groundAmount, insurance, cod].filter((a): a is Amount => a !== undefined);
  const pay = parts.reduce((s, a) => s + a.val, 0);
  const paynds = parts.reduce((s, a) => s + a.valnds, 0);
  return {
    km,
    zone,
    chargeableWeightG: w,
    ground: groundAmount,
    ...(insurance ? { insurance } : {}),
    ...(cod ? { cod } : {}),
    pay,
    paynds,
    nds: paynds - pay,
    delivery: deliveryDays(km, input.service.speed),
  };
}

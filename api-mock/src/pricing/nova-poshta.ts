// A believable Nova Poshta price model. NP answers in hryvnias (not kopiyky) and as strings;
// the model works in whole UAH and the handler stringifies.
import { novaPoshtaDays } from './delivery-days.js';
import { greatCircleKm, type Coord } from './geo.js';

export const NP_SERVICE_TYPES = [
  'WarehouseWarehouse', 'WarehouseDoors', 'DoorsWarehouse', 'DoorsDoors', 'WarehousePostomat', 'DoorsPostomat',
] as const;
export type NpServiceType = (typeof NP_SERVICE_TYPES)[number];

/** Parcel lockers (Postomat): one seat, 40x60x30 cm, 20 kg, declared value 10,000 UAH. */
export const NP_LOCKER = { maxWeightKg: 20, dimsCm: [30, 40, 60] as const, maxValueUah: 10_000, maxSeats: 1 } as const;

/** Minimum assessed value when none is declared. */
export const NP_MIN_ASSESSED = 300;
export const NP_INSURANCE_RATE = 0.005;
export const NP_COD_FIXED = 20;
export const NP_COD_RATE = 0.02;
export const NP_PACK_PRICE = 4;
const DOOR_PICKUP = 35;
const DOOR_DELIVERY = 35;
const LOCKER_DISCOUNT = 5;
/** Volumetric weight: cm³ / 4000 = kg. */
const VOLUMETRIC_DIVISOR = 4000;

/** Base price of the first 0.5 kg for a city pair, by distance band. */
function pairBase(km: number, sameCity: boolean): number {
  if (sameCity) return 55;
  if (km <= 300) return 70;
  if (km <= 700) return 80;
  return 90;
}

/** Weight surcharges by upper bound (kg); over 30 kg, per kilogram. */
const WEIGHT_STEPS: ReadonlyArray<readonly [number, number]> = [[0.5, 0], [1, 5], [2, 10], [5, 25], [10, 45], [20, 75], [30, 110]];

function weightSurcharge(kg: number): number {
  for (const [bound, add] of WEIGHT_STEPS) if (kg <= bound) return add;
  return 110 + Math.ceil(kg - 30) * 4;
}

export interface NpSeat {
  weightKg: number;
  dimsCm?: readonly [number, number, number];
}

export interface NpPriceInput {
  from: Coord & { ref: string };
  to: Coord & { ref: string };
  serviceType: NpServiceType;
  weightKg: number;
  seats: readonly NpSeat[];
  /** Declared value, UAH. */
  cost: number;
  /** Cash on delivery (RedeliveryCalculate.Amount), UAH. */
  redelivery?: number;
  packCount?: number;
}

export interface NpPriceResult {
  AssessedCost: number;
  Cost: number;
  CostRedelivery?: number;
  CostPack?: number;
}

export function isLockerService(t: NpServiceType): boolean {
  return t.endsWith('Postomat');
}

export function npChargeableKg(input: Pick<NpPriceInput, 'weightKg' | 'seats'>): number {
  const volumetric = input.seats.reduce((s, seat) => {
    const d = seat.dimsCm;
    return s + (d ? (d[0] * d[1] * d[2]) / VOLUMETRIC_DIVISOR : 0);
  }, 0);
  return Math.max(input.weightKg, volumetric);
}

export function npPrice(input: NpPriceInput): NpPriceResult {
  const km = greatCircleKm(input.from, input.to);
  const sameCity = input.from.ref === input.to.ref;
  const assessed = Math.max(input.cost, NP_MIN_ASSESSED);
  let cost = pairBase(km, sameCity) + weightSurcharge(npChargeableKg(input));
  if (input.serviceType.startsWith('Doors')) cost += DOOR_PICKUP;
  if (input.serviceType.endsWith('Doors')) cost += DOOR_DELIVERY;
  if (isLockerService(input.serviceType)) cost -= LOCKER_DISCOUNT;
  cost += assessed * NP_INSURANCE_RATE;
  const result: NpPriceResult = { AssessedCost: assessed, Cost: Math.round(cost) };
  if (input.redelivery !== undefined && input.redelivery > 0) {
    result.CostRedelivery = Math.round(NP_COD_FIXED + input.redelivery * NP_COD_RATE);
  }
  if (input.packCount) result.CostPack = input.packCount * NP_PACK_PRICE;
  return result;
}

/** Arrival date (YYYY-MM-DD) for a dispatch date; doors add a day for the courier. */
export function npDeliveryDate(from: Coord, to: Coord, dispatch: string, serviceType: NpServiceType): string {
  let days = novaPoshtaDays(greatCircleKm(from, to));
  if (serviceType.endsWith('Doors')) days += 1;
  const t = new Date(`${dispatch}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

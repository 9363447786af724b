// Address.getWarehouses (alias AddressGeneral.getWarehouses): nova-poshta branches as NP warehouses,
// every number a string, exactly like the carrier sends them. The item has the real item's keys and value
// types (fixtures/real-shapes.ts; coverage.test.ts holds it there); values the dataset lacks are derived from
// it: settlement type and area from the settlement, reception and dispatch times from the opening hours.
import type { Branch } from '../../../../widget/src/model/index.js';
import { z } from '../../../../widget/src/model/zod.js';
import type { SandboxContext } from '../../context.js';
import { normalizeText } from '../../shared-logic.js';
import { hash32 } from '../../util/hash.js';
import { validate } from '../http.js';
import { npInvalid, npOk, type NpMethod } from './envelope.js';
import { NP_CATEGORY, NP_WAREHOUSE_TYPE_REFS, cityRef, settlementRef, warehouseRef } from './refs.js';
import { SETTLEMENT_KINDS, areaName, npSettlementDirectory, type NpSettlement } from './settlement-directory.js';

export const NP_DEFAULT_LIMIT = 500;
export const NP_MAX_LIMIT = 1000;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface NpDimensions { Width: number; Height: number; Length: number }

/** Schedule, Reception, Delivery: "08:00-21:00" per day, "-" when closed. */
export type NpWeek = Record<(typeof DAYS)[number], string>;

export interface NpWarehouse {
  SiteKey: string;
  Description: string;
  DescriptionRu: string;
  ShortAddress: string;
  ShortAddressRu: string;
  Phone: string;
  TypeOfWarehouse: string;
  Ref: string;
  Number: string;
  CityRef: string;
  CityDescription: string;
  CityDescriptionRu: string;
  SettlementRef: string;
  SettlementDescription: string;
  SettlementAreaDescription: string;
  SettlementRegionsDescription: string;
  SettlementTypeDescription: string;
  SettlementTypeDescriptionRu: string;
  Longitude: string;
  Latitude: string;
  PostFinance: string;
  BicycleParking: string;
  PaymentAccess: string;
  POSTerminal: string;
  InternationalShipping: string;
  SelfServiceWorkplacesCount: string;
  TotalMaxWeightAllowed: string;
  PlaceMaxWeightAllowed: string;
  SendingLimitationsOnDimensions: NpDimensions;
  ReceivingLimitationsOnDimensions: NpDimensions;
  /** When parcels are accepted for sending. */
  Reception: NpWeek;
  /** When a parcel handed in still leaves the same day (ends before closing). */
  Delivery: NpWeek;
  /** Opening hours. */
  Schedule: NpWeek;
  DistrictCode: string;
  WarehouseStatus: string;
  WarehouseStatusDate: string;
  WarehouseIllusha: string;
  CategoryOfWarehouse: string;
  Direct: string;
  RegionCity: string;
  WarehouseForAgent: string;
  GeneratorEnabled: string;
  MaxDeclaredCost: string;
  WorkInMobileAwis: string;
  DenyToSelect: string;
  CanGetMoneyTransfer: string;
  HasMirror: string;
  HasFittingRoom: string;
  OnlyReceivingParcel: string;
  PostMachineType: string;
  PostalCodeUA: string;
  WarehouseIndex: string;
  BeaconCode: string;
  Location: string;
}

interface NpRow {
  branch: Branch;
  number: string;
  siteKey: string;
  warehouseIndex: string;
  cityRef: string;
  settlementRef: string;
  typeRef: string;
  city: string;
  text: string;
  settlement: NpSettlement | undefined;
  hub: string;
}

interface NpView {
  rows: NpRow[];
  items: Map<string, NpWarehouse>;
}

function npView(ctx: SandboxContext): NpView {
  return ctx.memo('nova-poshta/warehouses', () => {
    const directory = npSettlementDirectory(ctx);
    const branches = ctx.dataset.branches.filter((b) => b.carrier === 'nova-poshta');
    // Numbers restart in every city, like the carrier's "Відділення №25": ordered by id for stability.
    const byCity = new Map<string, Branch[]>();
    for (const b of branches) {
      const key = cityRefOf(b);
      const list = byCity.get(key);
      if (list) list.push(b);
      else byCity.set(key, [b]);
    }
    const cityKeys = [...byCity.keys()].sort();
    const cityNo = new Map(cityKeys.map((k, i) => [k, i + 1] as const));
    const numberOf = new Map<string, string>();
    for (const list of byCity.values()) {
      const used = new Set<string>();
      const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const b of sorted) {
        const own = /№\s*(\d+)/.exec(b.name)?.[1];
        if (own && !used.has(own)) { used.add(own); numberOf.set(b.id, own); }
      }
      let next = 1;
      for (const b of sorted) {
        if (numberOf.has(b.id)) continue;
        while (used.has(String(next))) next++;
        used.add(String(next));
        numberOf.set(b.id, String(next));
      }
    }
    const rows = branches.map((b, i): NpRow => {
      const cRef = cityRefOf(b);
      const number = numberOf.get(b.id) ?? '1';
      return {
        branch: b,
        number,
        siteKey: String(1000 + i),
        warehouseIndex: `${cityNo.get(cRef) ?? 0}/${number}`,
        cityRef: cRef,
        settlementRef: settlementRef(b.address),
        typeRef: NP_WAREHOUSE_TYPE_REFS[b.type],
        city: normalizeText(b.address.city),
        text: ` ${normalizeText(`${description(b)} ${shortAddress(b)} ${number}`)}`,
        settlement: directory.byAddress.get(`${b.address.region}|${b.address.city}`),
        hub: directory.hubOf.get(areaName(b.address.region)) ?? '',
      };
    });
    return { rows, items: new Map() };
  });
}

/** The dataset may carry the carrier's own refs; otherwise they are derived (same rule as the tariff directory). */
function cityRefOf(b: Branch): string {
  return b.carrierRefs?.cityRef ?? cityRef(b.address);
}

function description(b: Branch): string {
  const street = [b.address.street, b.address.house].filter(Boolean).join(', ');
  return street ? `${b.name}: ${street}` : b.name;
}

function shortAddress(b: Branch): string {
  return [b.address.city, b.address.street, b.address.house].filter(Boolean).join(', ');
}

function dims(d: { length: number; width: number; height: number }): NpDimensions {
  return { Width: d.width, Height: d.height, Length: d.length };
}

/** Carrier defaults where our data has no limit: 40x60x30 cm for lockers, 120 cm cube for branches. */
function dimensionsOf(b: Branch): NpDimensions {
  if (b.limits.maxDimensionsCm) return dims(b.limits.maxDimensionsCm);
  const cells = b.limits.lockerCells ?? [];
  if (cells.length > 0) {
    const biggest = cells.reduce((a, c) => (c.dimensionsCm.length * c.dimensionsCm.width * c.dimensionsCm.height
      > a.dimensionsCm.length * a.dimensionsCm.width * a.dimensionsCm.height ? c : a));
    return dims(biggest.dimensionsCm);
  }
  return b.type === 'parcel_locker' ? { Width: 40, Height: 30, Length: 60 } : { Width: 120, Height: 120, Length: 120 };
}

function kg(grams: number | undefined): string {
  return grams === undefined ? '0' : String(Math.round(grams / 100) / 10);
}

/** The carrier writes a round-the-clock day as 00:00-23:59. */
function span(open: string, close: string): string {
  return `${open}-${close === '24:00' ? '23:59' : close}`;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Same-day dispatch closes two hours before the point does and at 18:00 at the latest (the evening collection). */
const DISPATCH_BEFORE_CLOSE_MIN = 120;
const LAST_COLLECTION_MIN = 18 * 60;

function weekOf(b: Branch, day: (open: string, close: string) => string): NpWeek {
  return Object.fromEntries(DAYS.map((name, i) => {
    const h = b.hours.find((x) => x.day === i + 1);
    return [name, h ? day(h.open, h.close) : '-'];
  })) as NpWeek;
}

function dispatchWindow(open: string, close: string): string {
  const o = minutes(open);
  const c = minutes(close);
  const cutoff = Math.max(o + 60, Math.min(c - DISPATCH_BEFORE_CLOSE_MIN, LAST_COLLECTION_MIN));
  return span(open, hhmm(Math.min(c, cutoff)));
}

/** 0/1 flags the dataset has no data for: stable per point (a hash of its id), so every process agrees. */
function flag(id: string, salt: string, percent: number): '0' | '1' {
  return hash32(`${salt}|${id}`) % 100 < percent ? '1' : '0';
}

/** A plausible date the point's status last changed, 2015-2025, stable per point. */
function statusDate(id: string): string {
  const day = hash32(`status-date|${id}`) % (11 * 365);
  return `${new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)} 00:00:00`;
}

export function toNpWarehouse(row: NpRow): NpWarehouse {
  const b = row.branch;
  const schedule = weekOf(b, span);
  const cellMax = b.limits.lockerCells?.reduce((m, c) => Math.max(m, c.maxWeightG), 0);
  const lockerWeight = b.type === 'parcel_locker' ? (cellMax || 20_000) : undefined;
  const dimensions = dimensionsOf(b);
  const roundClock = DAYS.every((d) => schedule[d] === '00:00-23:59');
  const office = b.type === 'post_office';
  const cash = b.payment.includes('cash');
  const settlement = row.settlement;
  const kind = SETTLEMENT_KINDS[settlement?.kind ?? 'city'];
  const population = settlement?.population ?? 0;
  const fittingRoom = office && population >= 100_000 ? flag(b.id, 'fitting-room', 30) : '0';
  return {
    SiteKey: row.siteKey,
    Description: description(b),
    DescriptionRu: description(b),
    ShortAddress: shortAddress(b),
    ShortAddressRu: shortAddress(b),
    Phone: (b.phone ?? '').replace(/\D/g, ''),
    TypeOfWarehouse: row.typeRef,
    Ref: b.carrierRefs?.warehouseRef ?? warehouseRef(b.id),
    Number: row.number,
    CityRef: row.cityRef,
    CityDescription: b.address.city,
    CityDescriptionRu: b.address.city,
    SettlementRef: row.settlementRef,
    SettlementDescription: b.address.city,
    SettlementAreaDescription: areaName(b.address.region),
    // The district; the dataset has none, and the carrier leaves it empty for cities of regional rank.
    SettlementRegionsDescription: '',
    SettlementTypeDescription: kind.uk,
    SettlementTypeDescriptionRu: kind.ru,
    Longitude: b.lng.toFixed(6),
    Latitude: b.lat.toFixed(6),
    PostFinance: office && cash ? flag(b.id, 'post-finance', 70) : '0',
    BicycleParking: office ? flag(b.id, 'bicycle-parking', 15) : '0',
    PaymentAccess: b.payment.includes('cod') ? '1' : '0',
    POSTerminal: b.payment.includes('card') ? '1' : '0',
    InternationalShipping: office && population >= 50_000 ? '1' : '0',
    SelfServiceWorkplacesCount: office && population >= 100_000 ? '1' : '0',
    TotalMaxWeightAllowed: kg(b.limits.maxWeightG ?? lockerWeight),
    PlaceMaxWeightAllowed: kg(lockerWeight),
    SendingLimitationsOnDimensions: dimensions,
    ReceivingLimitationsOnDimensions: dimensions,
    Reception: schedule,
    Delivery: weekOf(b, dispatchWindow),
    Schedule: schedule,
    DistrictCode: `п${row.number}`,
    WarehouseStatus: b.status === 'open' ? 'Working' : b.status === 'temporarily_closed' ? 'NotWorking' : 'Closed',
    WarehouseStatusDate: statusDate(b.id),
    WarehouseIllusha: '0',
    CategoryOfWarehouse: NP_CATEGORY[b.type],
    Direct: '',
    RegionCity: row.hub,
    WarehouseForAgent: b.type === 'pickup_point' ? '1' : '0',
    GeneratorEnabled: office ? flag(b.id, 'generator', 75) : '0',
    MaxDeclaredCost: b.limits.maxDeclaredValue?.currency === 'UAH' ? String(b.limits.maxDeclaredValue.amount / 100) : '0',
    WorkInMobileAwis: '0',
    DenyToSelect: b.status === 'open' ? '0' : '1',
    CanGetMoneyTransfer: office && cash ? '1' : '0',
    HasMirror: fittingRoom,
    HasFittingRoom: fittingRoom,
    OnlyReceivingParcel: '0',
    PostMachineType: b.type === 'parcel_locker' ? (roundClock ? 'FullDayService' : 'PartTime') : '',
    PostalCodeUA: b.address.postcode,
    WarehouseIndex: row.warehouseIndex,
    BeaconCode: '',
    Location: '',
  };
}

/** NP clients send numbers as strings or as numbers: accept both. */
export function npInt(min: number, max: number) {
  return z.pipe(z.union([z.string(), z.number()]), z.transform((v: string | number, ctx) => {
    const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.issues.push({ code: 'custom', message: `expected an integer between ${min} and ${max}`, input: v });
      return z.NEVER;
    }
    return n;
  }));
}

export const NpRef = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a Ref (UUID)'));
export const NpText = z.string().check(z.maxLength(200, 'at most 200 characters'));

const GetWarehousesProps = z.object({
  CityName: z.optional(NpText),
  CityRef: z.optional(z.union([NpRef, z.literal('')])),
  SettlementRef: z.optional(z.union([NpRef, z.literal('')])),
  WarehouseId: z.optional(z.union([z.string().check(z.regex(/^\d{0,10}$/, 'expected a warehouse number')), z.int()])),
  FindByString: z.optional(NpText),
  TypeOfWarehouseRef: z.optional(z.union([NpRef, z.literal('')])),
  Page: z.optional(npInt(1, 1_000_000)),
  Limit: z.optional(npInt(1, NP_MAX_LIMIT)),
  Language: z.optional(z.enum(['UA', 'ua', 'RU', 'ru', 'EN', 'en', ''], 'expected UA, RU or EN')),
});

export const getWarehouses: NpMethod = (props, { ctx }) => {
  const parsed = validate(GetWarehousesProps, props);
  if (!parsed.ok) return npInvalid(parsed.field, parsed.message);
  const p = parsed.data;
  const view = npView(ctx);
  const cityName = p.CityName ? normalizeText(p.CityName) : '';
  const tokens = p.FindByString ? normalizeText(p.FindByString).split(' ').filter(Boolean) : [];
  const warehouseId = p.WarehouseId === undefined || p.WarehouseId === '' ? '' : String(p.WarehouseId);
  const matched = view.rows.filter((r) =>
    (!cityName || r.city === cityName)
    && (!p.CityRef || r.cityRef === p.CityRef.toLowerCase())
    && (!p.SettlementRef || r.settlementRef === p.SettlementRef.toLowerCase())
    && (!warehouseId || r.number === warehouseId)
    && (!p.TypeOfWarehouseRef || r.typeRef === p.TypeOfWarehouseRef.toLowerCase())
    && tokens.every((t) => r.text.includes(t)));
  const limit = p.Limit ?? NP_DEFAULT_LIMIT;
  const page = p.Page ?? 1;
  const data = matched.slice((page - 1) * limit, page * limit).map((row) => {
    let item = view.items.get(row.branch.id);
    if (!item) { item = toNpWarehouse(row); view.items.set(row.branch.id, item); }
    return item;
  });
  return npOk(data, { totalCount: matched.length });
};

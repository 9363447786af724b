// Address.getWarehouses (alias AddressGeneral.getWarehouses): nova-poshta branches as NP warehouses,
// every number a string, exactly like the carrier sends them.
import type { Branch } from '../../../../widget/src/model/index.js';
import { z } from '../../../../widget/src/model/zod.js';
import type { SandboxContext } from '../../context.js';
import { normalizeText } from '../../shared-logic.js';
import { validate } from '../http.js';
import { npInvalid, npOk, type NpMethod } from './envelope.js';
import { NP_CATEGORY, NP_WAREHOUSE_TYPE_REFS, cityRef, settlementRef, warehouseRef } from './refs.js';

export const NP_DEFAULT_LIMIT = 500;
export const NP_MAX_LIMIT = 1000;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface NpDimensions { Width: number; Height: number; Length: number }

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
  Longitude: string;
  Latitude: string;
  POSTerminal: string;
  PaymentAccess: string;
  TotalMaxWeightAllowed: string;
  PlaceMaxWeightAllowed: string;
  SendingLimitationsOnDimensions: NpDimensions;
  ReceivingLimitationsOnDimensions: NpDimensions;
  Schedule: Record<(typeof DAYS)[number], string>;
  WarehouseStatus: string;
  CategoryOfWarehouse: string;
  DenyToSelect: string;
  PostMachineType: string;
  WarehouseIndex: string;
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
}

interface NpView {
  rows: NpRow[];
  items: Map<string, NpWarehouse>;
}

function npView(ctx: SandboxContext): NpView {
  return ctx.memo('nova-poshta/warehouses', () => {
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

export function toNpWarehouse(row: NpRow): NpWarehouse {
  const b = row.branch;
  const schedule = Object.fromEntries(DAYS.map((day, i) => {
    const h = b.hours.find((x) => x.day === i + 1);
    return [day, h ? `${h.open}-${h.close}` : '-'];
  })) as NpWarehouse['Schedule'];
  const cellMax = b.limits.lockerCells?.reduce((m, c) => Math.max(m, c.maxWeightG), 0);
  const lockerWeight = b.type === 'parcel_locker' ? (cellMax || 20_000) : undefined;
  const dimensions = dimensionsOf(b);
  const roundClock = DAYS.every((_, i) => schedule[DAYS[i]!] === '00:00-24:00' || schedule[DAYS[i]!] === '00:00-00:00');
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
    SettlementAreaDescription: b.address.region,
    Longitude: b.lng.toFixed(6),
    Latitude: b.lat.toFixed(6),
    POSTerminal: b.payment.includes('card') ? '1' : '0',
    PaymentAccess: b.payment.includes('cod') ? '1' : '0',
    TotalMaxWeightAllowed: kg(b.limits.maxWeightG ?? lockerWeight),
    PlaceMaxWeightAllowed: kg(lockerWeight),
    SendingLimitationsOnDimensions: dimensions,
    ReceivingLimitationsOnDimensions: dimensions,
    Schedule: schedule,
    WarehouseStatus: b.status === 'open' ? 'Working' : b.status === 'temporarily_closed' ? 'NotWorking' : 'Closed',
    CategoryOfWarehouse: NP_CATEGORY[b.type],
    DenyToSelect: b.status === 'open' ? '0' : '1',
    PostMachineType: b.type === 'parcel_locker' ? (roundClock ? 'FullDayService' : 'PartTime') : '',
    WarehouseIndex: row.warehouseIndex,
  };
}

/** NP clients send numbers as strings or as numbers: accept both. */
function npInt(min: number, max: number) {
  return z.pipe(z.union([z.string(), z.number()]), z.transform((v: string | number, ctx) => {
    const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.issues.push({ code: 'custom', message: `expected an integer between ${min} and ${max}`, input: v });
      return z.NEVER;
    }
    return n;
  }));
}

const Ref = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a Ref (UUID)'));
const Text = z.string().check(z.maxLength(200, 'at most 200 characters'));

const GetWarehousesProps = z.object({
  CityName: z.optional(Text),
  CityRef: z.optional(z.union([Ref, z.literal('')])),
  SettlementRef: z.optional(z.union([Ref, z.literal('')])),
  WarehouseId: z.optional(z.union([z.string().check(z.regex(/^\d{0,10}$/, 'expected a warehouse number')), z.int()])),
  FindByString: z.optional(Text),
  TypeOfWarehouseRef: z.optional(z.union([Ref, z.literal('')])),
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

// Nova Poshta API 2.0 (formats: the schemas below, recorded answers in fixtures/np-*.json, the methods in
// carriers/README.md): warehouses from Address.getWarehouses,
// price from InternetDocument.getDocumentPrice, date from getDocumentDeliveryDate.
// Every number arrives as a string and money in whole hryvnias: converted and validated here.
import { z } from '../model/zod.js';
import type { Branch, BranchLimits, BranchType, DayHours, Origin, Parcel, PaymentMethod, Quote, QuoteLine } from '../model/index.js';
import { firstIssue } from '../model/validate.js';
import {
  carrierError, DEFAULT_QUOTE_TTL_MS, isCarrierError,
  type AdapterOptions, type CarrierAdapter, type CarrierError, type CarrierRequest, type QuoteContext, type RawAnswer, type ToBranchOptions,
} from './types.js';
import { capBranchText } from './cap-text.js';
import { daysBetween, localIsoDate, parcelKey, toMinor, toNumber } from './util.js';

export const NOVA_POSHTA = 'nova-poshta';
const HOME_ZONE = 'Europe/Kyiv';
const UA_VAT_RATE = 20;
/** The sandbox wants a non-empty key, like the real API; any value passes. */
export const SANDBOX_API_KEY = 'sandbox';

/** "30", "50.509762", 30: what NP sends for a number. */
const NumStr = z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+(?:[.,]\d+)?\s*$/, 'expected a number'))]);
const Dims = z.object({ Width: z.optional(NumStr), Height: z.optional(NumStr), Length: z.optional(NumStr) });

export const NpWarehouseSchema = z.object({
  Ref: z.string().check(z.minLength(1)),
  Description: z.string().check(z.minLength(1)),
  ShortAddress: z.optional(z.string()),
  Number: z.optional(z.string()),
  Phone: z.optional(z.string()),
  CityRef: z.string().check(z.minLength(1)),
  CityDescription: z.string().check(z.minLength(1)),
  SettlementAreaDescription: z.optional(z.string()),
  Longitude: NumStr,
  Latitude: NumStr,
  POSTerminal: z.optional(z.string()),
  PaymentAccess: z.optional(z.string()),
  TotalMaxWeightAllowed: z.optional(NumStr),
  PlaceMaxWeightAllowed: z.optional(NumStr),
  ReceivingLimitationsOnDimensions: z.optional(Dims),
  Schedule: z.optional(z.record(z.string(), z.string())),
  WarehouseStatus: z.optional(z.string()),
  CategoryOfWarehouse: z.optional(z.string()),
  DenyToSelect: z.optional(z.string()),
  WarehouseIndex: z.optional(z.string()),
  PostalCodeUA: z.optional(z.string()),
});
export type NpWarehouse = z.infer<typeof NpWarehouseSchema>;

/** Real NP sometimes sends errors as an object keyed by code instead of an array. */
const Messages = z.union([z.array(z.string()), z.record(z.string(), z.string())]);

export const NpEnvelopeSchema = z.object({
  success: z.boolean(),
  data: z.array(z.unknown()),
  errors: z.optional(Messages),
  errorCodes: z.optional(z.array(z.string())),
  warnings: z.optional(z.unknown()),
});

export const NpPriceSchema = z.object({
  AssessedCost: z.optional(NumStr),
  Cost: NumStr,
  CostRedelivery: z.optional(NumStr),
  CostPack: z.optional(NumStr),
});

export const NpDeliveryDateSchema = z.object({
  DeliveryDate: z.object({
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/, 'expected YYYY-MM-DD...')),
    timezone_type: z.optional(z.number()),
    timezone: z.optional(z.string()),
  }),
});

const NpCityRefSchema = z.object({ CityRef: z.string().check(z.minLength(1)) });

export const NpErrorSchema = z.object({
  success: z.literal(false),
  errors: Messages,
  errorCodes: z.optional(z.array(z.string())),
});

/** Parcel lockers: 40x60x30 cm, 20 kg, 10,000 UAH, one seat (docs §4). */
export const NP_LOCKER_LIMITS: Required<Pick<BranchLimits, 'maxWeightG' | 'maxDimensionsCm' | 'maxDeclaredValue'>> = {
  maxWeightG: 20_000,
  maxDimensionsCm: { length: 60, width: 40, height: 30 },
  maxDeclaredValue: { amount: 1_000_000, currency: 'UAH' },
};

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface NovaPoshtaOptions extends AdapterOptions {
  /** NP API key (default "sandbox"); the sandbox accepts any non-empty key. Real keys belong on a server-side proxy. */
  apiKey?: string;
  /** Clock for the dispatch date of getDocumentDeliveryDate. */
  now?: () => Date;
  /** Which namespace to call getDocumentDeliveryDate under. */
  deliveryDateModel?: 'InternetDocument' | 'Common';
}

function typeOf(category: string | undefined): BranchType {
  if (category === 'Postomat') return 'parcel_locker';
  if (category === 'Store') return 'pickup_point';
  return 'post_office';
}

function hoursOf(schedule: Record<string, string> | undefined): DayHours[] {
  const out: DayHours[] = [];
  DAYS.forEach((name, i) => {
    const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(schedule?.[name] ?? '');
    if (!m) return; // "-" = closed that day
    const pad = (h: string | undefined): string => (h ?? '0').padStart(2, '0');
    const open = `${pad(m[1])}:${m[2]}`;
    let close = `${pad(m[3])}:${m[4]}`;
    if (close === '00:00' || (open === '00:00' && close === '23:59')) close = '24:00';
    out.push({ day: i + 1, open, close, breaks: [] });
  });
  return out;
}

function positive(v: unknown): number | undefined {
  const n = toNumber(v);
  return n !== undefined && n > 0 ? n : undefined;
}

function limitsOf(w: NpWarehouse, type: BranchType): BranchLimits {
  const limits: BranchLimits = {};
  const total = positive(w.TotalMaxWeightAllowed);
  const place = positive(w.PlaceMaxWeightAllowed);
  const kg = total !== undefined && place !== undefined ? Math.min(total, place) : total ?? place;
  if (kg !== undefined) limits.maxWeightG = Math.round(kg * 1000);
  const d = w.ReceivingLimitationsOnDimensions;
  const [l, wd, h] = [positive(d?.Length), positive(d?.Width), positive(d?.Height)];
  if (l !== undefined && wd !== undefined && h !== undefined) limits.maxDimensionsCm = { length: l, width: wd, height: h };
  if (type === 'parcel_locker') {
    limits.maxWeightG = Math.min(limits.maxWeightG ?? Infinity, NP_LOCKER_LIMITS.maxWeightG);
    limits.maxDimensionsCm ??= NP_LOCKER_LIMITS.maxDimensionsCm;
    limits.maxDeclaredValue = NP_LOCKER_LIMITS.maxDeclaredValue;
  }
  return limits;
}

function statusOf(w: NpWarehouse): Branch['status'] {
  const s = w.WarehouseStatus ?? 'Working';
  if (s === 'Working') return w.DenyToSelect === '1' ? 'temporarily_closed' : 'open';
  return /temporar/i.test(s) ? 'temporarily_closed' : 'closed';
}

function messagesOf(m: z.infer<typeof Messages> | undefined): string[] {
  if (!m) return [];
  return Array.isArray(m) ? m : Object.values(m);
}

function codesOf(e: { errors?: z.infer<typeof Messages> | undefined; errorCodes?: string[] | undefined }): string[] {
  if (e.errorCodes && e.errorCodes.length > 0) return e.errorCodes;
  return e.errors && !Array.isArray(e.errors) ? Object.keys(e.errors) : [];
}

/** One envelope -> its data[0] parsed with `schema`, or a typed error. */
function unwrap<S extends z.ZodMiniType>(answer: RawAnswer | undefined, schema: S): z.infer<S> | CarrierError {
  if (!answer) return carrierError(NOVA_POSHTA, 'bad_response', 'no answer');
  const env = NpEnvelopeSchema.safeParse(answer.body);
  if (!env.success) {
    if (answer.status < 200 || answer.status >= 300) {
      return carrierError(NOVA_POSHTA, 'http', `HTTP ${answer.status}`, [String(answer.status)], answer.status >= 500 || answer.status === 429);
    }
    return carrierError(NOVA_POSHTA, 'bad_response', firstIssue(env.error).message);
  }
  if (!env.data.success) {
    const messages = messagesOf(env.data.errors);
    return carrierError(NOVA_POSHTA, 'rejected', messages.join('; ') || 'request rejected', codesOf(env.data), false);
  }
  const item = schema.safeParse(env.data.data[0]);
  if (!item.success) return carrierError(NOVA_POSHTA, 'bad_response', firstIssue(item.error).message);
  return item.data as z.infer<S>;
}

/** A validated `getWarehouses` item -> Branch, its text capped like the Branch schema's (the feed importer maps whole files with it). */
export function npWarehouseToBranch(w: NpWarehouse, opts: ToBranchOptions = {}): Branch | CarrierError {
  const lat = toNumber(w.Latitude);
  const lng = toNumber(w.Longitude);
  if (lat === undefined || lng === undefined || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return carrierError(NOVA_POSHTA, 'bad_response', 'Latitude/Longitude: not a coordinate');
  }
  const type = typeOf(w.CategoryOfWarehouse);
  // ShortAddress is "City, Street, House".
  const parts = (w.ShortAddress ?? '').split(',').map((s) => s.trim());
  const payment: PaymentMethod[] = [];
  if (w.POSTerminal === '1') payment.push('card');
  if (w.PaymentAccess === '1' && type !== 'parcel_locker') payment.push('cash');
  if (w.PaymentAccess === '1' || w.POSTerminal === '1') payment.push('cod');
  const status = statusOf(w);
  return capBranchText({
    id: `np-${w.Ref}`.slice(0, 64),
    carrier: NOVA_POSHTA,
    type,
    name: w.Description,
    address: {
      country: 'UA',
      region: w.SettlementAreaDescription ?? '',
      city: w.CityDescription,
      street: parts[1] ?? '',
      house: parts.slice(2).join(', '),
      postcode: w.PostalCodeUA ?? '',
    },
    addressLine: w.ShortAddress ?? w.Description,
    lat,
    lng,
    timeZone: opts.timeZoneOf?.(lat, lng) ?? HOME_ZONE,
    hours: hoursOf(w.Schedule),
    exceptions: [],
    payment,
    limits: limitsOf(w, type),
    status,
    ...(w.DenyToSelect === '1' ? { statusNote: 'not accepting parcels' } : {}),
    ...(w.Phone ? { phone: w.Phone } : {}),
    carrierRefs: { cityRef: w.CityRef, warehouseRef: w.Ref },
  });
}

function ddmmyyyy(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export function createNovaPoshtaAdapter(options: NovaPoshtaOptions = {}): CarrierAdapter {
  const ttl = options.quoteTtlMs ?? DEFAULT_QUOTE_TTL_MS;
  const endpoint = `${options.apiBase ?? ''}/carriers/nova-poshta/v2.0/json/`;
  const now = options.now ?? (() => new Date());
  const dateModel = options.deliveryDateModel ?? 'InternetDocument';

  function serviceType(branch: Branch): string {
    return branch.type === 'parcel_locker' ? 'WarehousePostomat' : 'WarehouseWarehouse';
  }

  function toBranch(raw: unknown, opts: ToBranchOptions = {}): Branch | CarrierError {
    const parsed = NpWarehouseSchema.safeParse(raw);
    if (!parsed.success) return carrierError(NOVA_POSHTA, 'bad_response', firstIssue(parsed.error).message);
    return npWarehouseToBranch(parsed.data, opts);
  }

  function dedupeKey(branch: Branch, parcel: Parcel, origin: Origin): string {
    const city = branch.carrierRefs?.cityRef ?? `city:${branch.address.region}|${branch.address.city}`;
    return `${serviceType(branch)}|${origin.cityRef ?? ''}|${city}|${parcelKey(parcel)}`;
  }

  function call(calledMethod: string, modelName: string, methodProperties: Record<string, unknown>): CarrierRequest {
    return {
      url: endpoint,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: options.apiKey ?? SANDBOX_API_KEY, modelName, calledMethod, methodProperties }),
    };
  }

  function quoteRequest(parcel: Parcel, origin: Origin, branch: Branch): CarrierRequest[] | CarrierError {
    if (!origin.cityRef) return carrierError(NOVA_POSHTA, 'unsupported', 'origin cityRef (Nova Poshta CityRef) is required');
    const recipient = branch.carrierRefs?.cityRef;
    if (!recipient) return carrierError(NOVA_POSHTA, 'unsupported', 'the point has no Nova Poshta city ref');
    const kg = String(parcel.weightG / 1000);
    const st = serviceType(branch);
    // NP takes money in whole hryvnias; other currencies cannot be declared to it.
    const value = parcel.declaredValue?.currency === 'UAH' ? parcel.declaredValue.amount / 100 : 0;
    const price: Record<string, unknown> = {
      CitySender: origin.cityRef,
      CityRecipient: recipient,
      Weight: kg,
      ServiceType: st,
      Cost: String(value),
      CargoType: 'Parcel',
      SeatsAmount: '1',
      OptionsSeat: [{
        volumetricLength: String(parcel.dimensionsCm.length),
        volumetricWidth: String(parcel.dimensionsCm.width),
        volumetricHeight: String(parcel.dimensionsCm.height),
        weight: kg,
      }],
    };
    if (branch.carrierRefs?.warehouseRef) price.RecipientWarehouse = branch.carrierRefs.warehouseRef;
    if (parcel.cashOnDelivery?.currency === 'UAH' && parcel.cashOnDelivery.amount > 0) {
      price.RedeliveryCalculate = { CargoType: 'Money', Amount: String(parcel.cashOnDelivery.amount / 100) };
    }
    const date = {
      DateTime: ddmmyyyy(localIsoDate(now(), HOME_ZONE)),
      ServiceType: st,
      CitySender: origin.cityRef,
      CityRecipient: recipient,
    };
    return [call('getDocumentPrice', 'InternetDocument', price), call('getDocumentDeliveryDate', dateModel, date)];
  }

  function toQuote(raws: readonly RawAnswer[], ctx: QuoteContext): Quote | CarrierError {
    const price = unwrap(raws[0], NpPriceSchema);
    if (isCarrierError(price)) return price;
    const date = unwrap(raws[1], NpDeliveryDateSchema);
    if (isCarrierError(date)) return date;
    const lines: QuoteLine[] = [];
    const add = (kind: QuoteLine['kind'], v: unknown): CarrierError | undefined => {
      if (v === undefined) return undefined;
      const n = toNumber(v);
      if (n === undefined || n < 0) return carrierError(NOVA_POSHTA, 'bad_response', `${kind}: not an amount`);
      if (n > 0 || kind === 'delivery') lines.push({ kind, amount: toMinor(n) });
      return undefined;
    };
    const bad = add('delivery', price.Cost) ?? add('cod_fee', price.CostRedelivery) ?? add('packaging', price.CostPack);
    if (bad) return bad;
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const estimatedDate = date.DeliveryDate.date.slice(0, 10);
    const days = Math.max(0, daysBetween(localIsoDate(ctx.fetchedAt, HOME_ZONE), estimatedDate));
    return {
      carrier: NOVA_POSHTA,
      service: serviceType(ctx.branch),
      pointId: ctx.branch.id,
      currency: 'UAH',
      total,
      breakdown: lines,
      // NP prices include VAT; the API does not split it out.
      vat: { rate: UA_VAT_RATE, amount: Math.round((total * UA_VAT_RATE) / (100 + UA_VAT_RATE)) },
      deliveryDays: { min: days, max: days },
      estimatedDate,
      expiresAt: new Date(ctx.fetchedAt.getTime() + ttl).toISOString(),
    };
  }

  function refsRequest(branch: Branch): CarrierRequest | undefined {
    if (branch.carrierRefs?.cityRef) return undefined;
    const props: Record<string, unknown> = { CityName: branch.address.city, Limit: '1' };
    if (branch.address.street) props.FindByString = branch.address.street;
    return call('getWarehouses', 'Address', props);
  }

  function originRequest(origin: Origin): CarrierRequest | undefined {
    if (origin.cityRef || !origin.city) return undefined;
    return call('getWarehouses', 'Address', { CityName: origin.city, Limit: '1' });
  }

  function withOrigin(origin: Origin, answer: RawAnswer): Origin | CarrierError {
    const found = unwrap(answer, NpCityRefSchema);
    if (isCarrierError(found)) return found.kind === 'bad_response' ? carrierError(NOVA_POSHTA, 'unsupported', `no Nova Poshta city for ${origin.city ?? ''}`) : found;
    return { ...origin, cityRef: found.CityRef };
  }

  function withRefs(branch: Branch, answer: RawAnswer): Branch | CarrierError {
    const found = unwrap(answer, NpCityRefSchema);
    if (isCarrierError(found)) return found.kind === 'bad_response' ? carrierError(NOVA_POSHTA, 'unsupported', `no Nova Poshta city for ${branch.address.city}`) : found;
    // Only the city ref: the warehouse found may be another point of the same city.
    return { ...branch, carrierRefs: { ...branch.carrierRefs, cityRef: found.CityRef } };
  }

  return {
    id: NOVA_POSHTA,
    label: 'Нова пошта',
    schemas: { branch: NpWarehouseSchema, quote: NpPriceSchema, error: NpErrorSchema },
    quoteTtlMs: ttl,
    toBranch,
    dedupeKey,
    quoteRequest,
    toQuote,
    refsRequest,
    withRefs,
    originRequest,
    withOrigin,
  };
}

// Russian Post: post offices from the Otpravka "postoffice" service, prices and times from
// tariff.pochta.ru API v2 (formats: the schemas below, recorded answers in fixtures/rp-*.json, the query in
// carriers/README.md). Prices by destination postcode.
import { z } from '../model/zod.js';
import type { Branch, BranchType, DayHours, Origin, Parcel, Quote, QuoteLine } from '../model/index.js';
import {
  carrierError, DEFAULT_QUOTE_TTL_MS,
  type AdapterOptions, type CarrierAdapter, type CarrierError, type CarrierRequest, type QuoteContext, type RawAnswer, type ToBranchOptions,
} from './types.js';
import { firstIssue } from '../model/validate.js';
import { capBranchText } from './cap-text.js';
import { hhmm, localIsoDate, parcelKey, toNumber } from './util.js';

export const RUSSIAN_POST = 'russian-post';
const HOME_ZONE = 'Europe/Moscow';

const NumLike = z.union([z.number(), z.string()]);

export const RpOfficeSchema = z.object({
  'postal-code': z.string().check(z.regex(/^\d{6}$/)),
  'address-source': z.optional(z.string()),
  'type-code': z.optional(z.string()),
  latitude: NumLike,
  longitude: NumLike,
  'is-closed': z.optional(z.boolean()),
  'is-temporary-closed': z.optional(z.boolean()),
  'is-private-category': z.optional(z.boolean()),
  'working-hours': z.optional(z.array(z.object({
    'weekday-id': z.int().check(z.gte(1), z.lte(7)),
    'begin-worktime': z.optional(z.string()),
    'end-worktime': z.optional(z.string()),
    lunches: z.optional(z.array(z.object({ 'begin-lunchtime': z.string(), 'end-lunchtime': z.string() }))),
  }))),
  'works-on-saturdays': z.optional(z.boolean()),
  'works-on-sundays': z.optional(z.boolean()),
  phones: z.optional(z.array(z.object({ 'phone-number': z.string(), 'phone-town-code': z.optional(z.string()) }))),
  settlement: z.optional(z.string()),
  region: z.optional(z.string()),
  'ops-name': z.optional(z.string()),
});
export type RpOffice = z.infer<typeof RpOfficeSchema>;

const Amount = z.object({ val: z.number(), valnds: z.number() });

export const RpTariffSchema = z.object({
  version_api: z.optional(z.number()),
  id: z.optional(NumLike),
  name: z.optional(z.string()),
  paynds: z.optional(z.number()),
  pay: z.optional(z.number()),
  nds: z.optional(z.number()),
  ndsrate: z.optional(z.number()),
  ground: z.optional(Amount),
  items: z.optional(z.array(z.object({
    id: NumLike,
    tariff: z.optional(Amount),
    delivery: z.optional(z.object({ min: z.number(), max: z.number() })),
  }))),
  delivery: z.optional(z.object({ min: z.number(), max: z.number(), deadline: z.optional(z.string()) })),
});
export type RpTariff = z.infer<typeof RpTariffSchema>;

export const RpErrorSchema = z.object({
  errors: z.array(z.object({ type: z.optional(NumLike), code: NumLike, msg: z.optional(z.string()) })).check(z.minLength(1)),
});

/** Breakdown lines by item id of the tariff answer; anything else ends up in "other". */
export const RP_ITEM_KINDS: Readonly<Record<string, QuoteLine['kind']>> = {
  '3173': 'delivery',
  '3181': 'insurance',
  '3221': 'cod_fee',
};

export interface RussianPostOptions extends AdapterOptions {
  /** Service code: 23030 parcel online (default), 4030 parcel, 27030 EMS, 54020 ECOM marketplace. */
  object?: number;
}

/** Russian Post box size classes S/M/L/XL (mm boxes 260x170x80 ... 530x360x220), needed by EMS. */
const PACKS: ReadonlyArray<readonly [number, readonly [number, number, number]]> = [
  [10, [8, 17, 26]], [20, [15, 20, 30]], [30, [18, 27, 40]], [40, [22, 36, 53]],
];

export function packClass(p: Parcel): number {
  const d = [p.dimensionsCm.length, p.dimensionsCm.width, p.dimensionsCm.height].sort((a, b) => a - b);
  const fit = PACKS.find(([, box]) => d.every((v, i) => v <= (box[i] ?? 0)));
  return fit ? fit[0] : 40;
}

function typeOf(code: string | undefined): BranchType {
  const c = (code ?? '').toUpperCase();
  if (/АПС|ПОЧТОМАТ|POSTAMAT|POCHTOMAT|APS/.test(c)) return 'parcel_locker';
  if (/PVZ|ПВЗ/.test(c)) return 'pickup_point';
  return 'post_office';
}

function hoursOf(office: RpOffice): DayHours[] {
  const out: DayHours[] = [];
  for (const wh of office['working-hours'] ?? []) {
    const open = wh['begin-worktime'] ? hhmm(wh['begin-worktime']) : undefined;
    let close = wh['end-worktime'] ? hhmm(wh['end-worktime']) : undefined;
    if (!open || !close) continue;
    // Round-the-clock offices come as 00:00-00:00 or 00:00-23:59: our model says 00:00-24:00.
    if (open === '00:00' && (close === '00:00' || close === '23:59')) close = '24:00';
    const breaks = (wh.lunches ?? []).flatMap((l) => {
      const from = hhmm(l['begin-lunchtime']);
      const to = hhmm(l['end-lunchtime']);
      return from && to ? [{ from, to }] : [];
    });
    out.push({ day: wh['weekday-id'], open, close, breaks });
  }
  return out.sort((a, b) => a.day - b.day);
}

function validationError(carrier: string, error: z.core.$ZodError): CarrierError {
  return carrierError(carrier, 'bad_response', firstIssue(error).message);
}

/** Common handling of a non-success answer: the carrier's error payload, or the HTTP status. */
function errorFromAnswer(carrier: string, answer: RawAnswer, errorSchema: typeof RpErrorSchema): CarrierError | undefined {
  const err = errorSchema.safeParse(answer.body);
  if (err.success) {
    return carrierError(carrier, 'rejected', err.data.errors.map((e) => e.msg ?? String(e.code)).join('; '),
      err.data.errors.map((e) => String(e.code)), false);
  }
  if (answer.status < 200 || answer.status >= 300) {
    return carrierError(carrier, 'http', `HTTP ${answer.status}`, [String(answer.status)], answer.status >= 500 || answer.status === 429);
  }
  return undefined;
}

/** A validated `postoffice/1.0` office -> Branch, its text capped like the Branch schema's (the feed importer maps whole files with it). */
export function rpOfficeToBranch(o: RpOffice, opts: ToBranchOptions = {}): Branch | CarrierError {
  const lat = toNumber(o.latitude);
  const lng = toNumber(o.longitude);
  if (lat === undefined || lng === undefined || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return carrierError(RUSSIAN_POST, 'bad_response', 'latitude/longitude: not a coordinate');
  }
  const index = o['postal-code'];
  const type = typeOf(o['type-code']);
  const line = o['address-source'] ?? '';
  const parts = line.split(',').map((s) => s.trim()).filter(Boolean);
  const status = o['is-closed'] || o['is-private-category'] ? 'closed' : o['is-temporary-closed'] ? 'temporarily_closed' : 'open';
  const phone = o.phones?.[0];
  const branch: Branch = {
    id: `rp-${index}`,
    carrier: RUSSIAN_POST,
    type,
    name: o['ops-name'] ?? (type === 'parcel_locker' ? `Почтомат ${index}` : `Отделение ${index}`),
    address: {
      country: 'RU',
      region: o.region ?? '',
      city: o.settlement || o.region || parts[0] || index,
      street: parts.length > 1 ? (parts[parts.length - 2] ?? '') : (parts[0] ?? ''),
      house: parts.length > 1 ? (parts[parts.length - 1] ?? '') : '',
      postcode: index,
    },
    addressLine: line,
    lat,
    lng,
    timeZone: opts.timeZoneOf?.(lat, lng) ?? HOME_ZONE,
    hours: hoursOf(o),
    exceptions: [],
    payment: type === 'parcel_locker' ? ['card', 'cod'] : ['card', 'cash', 'cod'],
    limits: {},
    status,
    ...(o['is-private-category'] ? { statusNote: 'private' } : {}),
    ...(phone ? { phone: `8 ${phone['phone-town-code'] ? `(${phone['phone-town-code']}) ` : ''}${phone['phone-number']}` } : {}),
  };
  return capBranchText(branch);
}

export function createRussianPostAdapter(options: RussianPostOptions = {}): CarrierAdapter {
  const object = options.object ?? 23030;
  const ttl = options.quoteTtlMs ?? DEFAULT_QUOTE_TTL_MS;
  const endpoint = `${options.apiBase ?? ''}/carriers/russian-post/tariff/v2/calculate/tariff/delivery`;

  function toBranch(raw: unknown, opts: ToBranchOptions = {}): Branch | CarrierError {
    const parsed = RpOfficeSchema.safeParse(raw);
    if (!parsed.success) return validationError(RUSSIAN_POST, parsed.error);
    return rpOfficeToBranch(parsed.data, opts);
  }

  function dedupeKey(branch: Branch, parcel: Parcel, origin: Origin): string {
    return `${object}|${origin.postcode ?? ''}|${branch.address.postcode}|${parcelKey(parcel)}`;
  }

  function quoteRequest(parcel: Parcel, origin: Origin, branch: Branch): CarrierRequest[] | CarrierError {
    if (!origin.postcode || !/^\d{6}$/.test(origin.postcode)) {
      return carrierError(RUSSIAN_POST, 'unsupported', 'origin postcode (6 digits) is required');
    }
    if (!/^\d{6}$/.test(branch.address.postcode)) {
      return carrierError(RUSSIAN_POST, 'unsupported', 'the point has no 6-digit postcode');
    }
    const q = new URLSearchParams({
      object: String(object),
      from: origin.postcode,
      to: branch.address.postcode,
      weight: String(parcel.weightG),
      size: [parcel.dimensionsCm.length, parcel.dimensionsCm.width, parcel.dimensionsCm.height].map((d) => Math.ceil(d)).join('x'),
      // Errors as JSON with HTTP 200, so they are never mistaken for an outage.
      errorcode: '1',
    });
    if (object === 27030) q.set('pack', String(packClass(parcel)));
    if (parcel.declaredValue?.currency === 'RUB' && parcel.declaredValue.amount > 0) q.set('sumoc', String(parcel.declaredValue.amount));
    if (parcel.cashOnDelivery?.currency === 'RUB' && parcel.cashOnDelivery.amount > 0) q.set('sumnp', String(parcel.cashOnDelivery.amount));
    // `json` is a bare flag in the real API.
    return [{ url: `${endpoint}?json&${q.toString()}`, method: 'GET' }];
  }

  function toQuote(raws: readonly RawAnswer[], ctx: QuoteContext): Quote | CarrierError {
    const answer = raws[0];
    if (!answer) return carrierError(RUSSIAN_POST, 'bad_response', 'no answer');
    const failed = errorFromAnswer(RUSSIAN_POST, answer, RpErrorSchema);
    if (failed) return failed;
    const parsed = RpTariffSchema.safeParse(answer.body);
    if (!parsed.success) return validationError(RUSSIAN_POST, parsed.error);
    const t = parsed.data;
    if (t.paynds === undefined || !t.delivery) {
      return carrierError(RUSSIAN_POST, 'bad_response', 'paynds and delivery are required');
    }
    const total = Math.round(t.paynds);
    const breakdown: QuoteLine[] = [];
    let known = 0;
    for (const item of t.items ?? []) {
      const kind = RP_ITEM_KINDS[String(item.id)];
      if (!kind || !item.tariff) continue;
      const amount = Math.round(item.tariff.valnds);
      breakdown.push({ kind, amount });
      known += amount;
    }
    if (breakdown.length === 0 && t.ground) {
      known = Math.round(t.ground.valnds);
      breakdown.push({ kind: 'delivery', amount: known });
    }
    if (total !== known) breakdown.push({ kind: breakdown.length === 0 ? 'delivery' : 'other', amount: total - known });
    const min = Math.max(0, Math.round(t.delivery.min));
    const max = Math.max(min, Math.round(t.delivery.max));
    const deadline = /^(\d{4})(\d{2})(\d{2})/.exec(t.delivery.deadline ?? '');
    const estimatedDate = deadline
      ? `${deadline[1]}-${deadline[2]}-${deadline[3]}`
      : localIsoDate(new Date(ctx.fetchedAt.getTime() + max * 86_400_000), ctx.branch.timeZone);
    return {
      carrier: RUSSIAN_POST,
      service: String(t.id ?? object),
      pointId: ctx.branch.id,
      currency: 'RUB',
      total,
      breakdown,
      vat: { rate: t.ndsrate ?? 20, amount: Math.round(t.nds ?? (t.pay !== undefined ? t.paynds - t.pay : 0)) },
      deliveryDays: { min, max },
      estimatedDate,
      expiresAt: new Date(ctx.fetchedAt.getTime() + ttl).toISOString(),
    };
  }

  return {
    id: RUSSIAN_POST,
    label: 'Почта России',
    schemas: { branch: RpOfficeSchema, quote: RpTariffSchema, error: RpErrorSchema },
    quoteTtlMs: ttl,
    toBranch,
    dedupeKey,
    quoteRequest,
    toQuote,
  };
}

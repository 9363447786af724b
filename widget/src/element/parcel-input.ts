// The parcel and the origin, from properties, config and simple attributes. Each input is
// validated on its own: a bad one is reported (naming the attribute) and left out, so the
// widget keeps working, only without that piece (no parcel = no quotes, no fit checks).
import { Origin, Parcel, ParcelDimensionsCm, ParcelMoney, ParcelWeightG, firstIssue, z, type DimensionsCm, type Money } from '../model/index.js';
import { bad, ok, type Parsed } from '../core/parsed.js';
import type { SettingIssue } from './settings.js';
import type { ParcelAttribute } from './settings-table.js';

/** Currencies of the countries our carriers serve; money attributes without a code use the origin's. */
const CURRENCY: Record<string, string> = { RU: 'RUB', UA: 'UAH', BY: 'BYN', KZ: 'KZT', PL: 'PLN', UZ: 'UZS', AM: 'AMD', KG: 'KGS' };
export const DEFAULT_CURRENCY = 'RUB';

export function currencyOf(country: string | undefined): string {
  return (country && CURRENCY[country]) || DEFAULT_CURRENCY;
}

// The parsers below only split the text; every limit is the model's (model/parcel.ts, model/config.ts).

/** The schema's verdict; zod/mini words no issue itself ("Invalid input"), so limits are worded here from the issue. */
function validate<T>(schema: z.ZodMiniType<T>, value: unknown): Parsed<T> {
  const r = schema.safeParse(value);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  if (issue?.code !== 'too_big' && issue?.code !== 'too_small') return bad(firstIssue(r.error).message);
  const path = issue.path.map(String).join('.');
  const chars = issue.origin === 'string' ? ' characters' : '';
  const what = issue.code === 'too_big'
    ? `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${chars}`
    : `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${chars}`;
  return bad(path ? `${path}: ${what}` : what);
}

/** "1500" (grams). */
export function parseWeight(raw: string): Parsed<number> {
  const v = raw.trim();
  if (!/^\d+$/.test(v)) return bad('expected whole grams, e.g. "1500"');
  return validate(ParcelWeightG, Number(v));
}

/** "30x20x10", "30×20×10" or "30*20*10" cm (length, width, height; decimals allowed). */
export function parseSize(raw: string): Parsed<DimensionsCm> {
  const parts = raw.trim().toLowerCase().split(/\s*[x×*]\s*/);
  if (parts.length !== 3 || !parts.every((p) => /^\d+(?:[.,]\d+)?$/.test(p))) return bad('expected "LxWxH" in cm, e.g. "30x20x10"');
  const [length, width, height] = parts.map((p) => Number(p.replace(',', '.')));
  return validate(ParcelDimensionsCm, { length, width, height });
}

/**
 * Money in MAJOR units, as a shop writes prices: "1500", "1 500,50", "1500.50 UAH".
 * Without a currency code the origin country's currency is used (RU -> RUB, UA -> UAH).
 */
export function parseMoney(raw: string, defaultCurrency: string): Parsed<Money> {
  const m = /^([\d\s\u00a0]+(?:[.,]\d{1,2})?)\s*([A-Za-z]{3})?$/.exec(raw.trim());
  if (!m) return bad('expected an amount in major units, optionally with a currency code, e.g. "1500" or "1500.50 UAH"');
  const amount = Math.round(Number(m[1]!.replace(/[\s\u00a0]/g, '').replace(',', '.')) * 100);
  const r = ParcelMoney.safeParse({ amount, currency: (m[2] ?? defaultCurrency).toUpperCase() });
  // The limit is in minor units; the attribute is written in major ones.
  return r.success ? ok(r.data) : bad(r.error.issues[0]?.path[0] === 'amount' ? 'amount out of range' : firstIssue(r.error).message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "RU:101000", "UA:Київ", "UA:<Nova Poshta CityRef>", a bare postcode ("101000" = RU, "01001" = UA),
 * or several joined with ";" (one per country the shop ships from: "RU:101000;UA:Київ"). The first
 * country is the origin's country; each carrier takes the field it needs (postcode, city, cityRef).
 */
export function parseOrigin(raw: string): Parsed<Origin> {
  const out: { country?: string; postcode?: string; city?: string; cityRef?: string } = {};
  const entries = raw.split(';').map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return bad('expected "CC:postcode" or "CC:city", e.g. "RU:101000" or "UA:Київ"');
  for (const entry of entries) {
    const m = /^([A-Za-z]{2})\s*:\s*(.+)$/.exec(entry);
    let country = m?.[1]?.toUpperCase();
    const place = (m ? m[2]! : entry).trim();
    if (!country) {
      if (/^\d{6}$/.test(place)) country = 'RU';
      else if (/^\d{5}$/.test(place)) country = 'UA';
      else return bad(`"${entry.slice(0, 40)}": expected "CC:postcode" or "CC:city", e.g. "RU:101000" or "UA:Київ"`);
    }
    const field = /^\d{4,6}$/.test(place) ? 'postcode' : UUID.test(place) ? 'cityRef' : 'city';
    // Every entry is checked, also one whose field an earlier entry already set.
    const one = validate(Origin, { country, [field]: place });
    if (!one.ok) return one;
    out.country ??= country;
    out[field] ??= place;
  }
  return validate(Origin, out);
}

export interface ParcelInputs {
  /** Raw attribute values (null = absent). */
  attrs: Partial<Record<ParcelAttribute, string | null>>;
  parcelProp?: unknown;
  originProp?: unknown;
  configParcel?: Parcel | undefined;
  configOrigin?: Origin | undefined;
}

/**
 * Effective parcel and origin: config < property < attributes (attributes override single fields,
 * e.g. parcel-weight on top of a config parcel). A parcel needs a weight and a size.
 */
export function resolveParcel(input: ParcelInputs): { parcel?: Parcel; origin?: Origin; issues: SettingIssue[] } {
  const issues: SettingIssue[] = [];
  const issue = (field: string, raw: string, message: string) =>
    issues.push({ field, message: `${field}="${raw.slice(0, 80)}": ${message}` });
  const a = input.attrs;

  let origin: Origin | undefined = input.configOrigin;
  if (input.originProp != null) {
    const r = Origin.safeParse(input.originProp);
    if (r.success) origin = r.data;
    else issues.push({ field: 'origin', message: `origin property: ${firstIssue(r.error).message}` });
  }
  if (a.origin != null && a.origin.trim() !== '') {
    const r = parseOrigin(a.origin);
    if (r.ok) origin = r.value;
    else issue('origin', a.origin, r.message);
  }

  let base: Partial<Parcel> = input.configParcel ? { ...input.configParcel } : {};
  if (input.parcelProp != null) {
    const r = Parcel.safeParse(input.parcelProp);
    if (r.success) base = { ...r.data };
    else issues.push({ field: 'parcel', message: `parcel property: ${firstIssue(r.error).message}` });
  }
  const currency = currencyOf(origin?.country);
  const take = <T>(name: ParcelAttribute, parse: (raw: string) => Parsed<T>, set: (v: T) => void) => {
    const raw = a[name];
    if (raw == null || raw.trim() === '') return;
    const r = parse(raw);
    if (r.ok) set(r.value);
    else issue(name, raw, r.message);
  };
  take('parcel-weight', parseWeight, (v) => (base.weightG = v));
  take('parcel-size', parseSize, (v) => (base.dimensionsCm = v));
  take('declared-value', (raw) => parseMoney(raw, currency), (v) => (base.declaredValue = v));
  take('cod', (raw) => parseMoney(raw, currency), (v) => (base.cashOnDelivery = v));

  if (base.weightG === undefined && base.dimensionsCm === undefined) return origin ? { origin, issues } : { issues };
  const r = Parcel.safeParse(base);
  if (!r.success) {
    const missing = base.weightG === undefined ? 'parcel-weight' : 'parcel-size';
    issues.push({ field: missing, message: `${missing}: required together with ${missing === 'parcel-weight' ? 'parcel-size' : 'parcel-weight'}` });
    return origin ? { origin, issues } : { issues };
  }
  return origin ? { parcel: r.data, origin, issues } : { parcel: r.data, issues };
}

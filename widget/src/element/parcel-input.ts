// The parcel and the origin, from properties, config and simple attributes. Each input is
// validated on its own: a bad one is reported (naming the attribute) and left out, so the
// widget keeps working, only without that piece (no parcel = no quotes, no fit checks).
import { Origin, Parcel, firstIssue, z, type DimensionsCm, type Money } from '../model/index.js';
import { bad, ok, type Parsed } from '../core/parsed.js';
import type { SettingIssue } from './settings.js';
import type { ParcelAttribute } from './settings-table.js';

/** Currencies of the countries our carriers serve; money attributes without a code use the origin's. */
const CURRENCY: Record<string, string> = { RU: 'RUB', UA: 'UAH', BY: 'BYN', KZ: 'KZT', PL: 'PLN', UZ: 'UZS', AM: 'AMD', KG: 'KGS' };
export const DEFAULT_CURRENCY = 'RUB';

export function currencyOf(country: string | undefined): string {
  return (country && CURRENCY[country]) || DEFAULT_CURRENCY;
}

const Grams = z.int().check(z.gt(0, 'expected grams > 0'), z.lte(1_000_000, 'expected at most 1 000 000 g'));

/** "1500" (grams). */
export function parseWeight(raw: string): Parsed<number> {
  const v = raw.trim();
  if (!/^\d+$/.test(v)) return bad('expected whole grams, e.g. "1500"');
  const r = Grams.safeParse(Number(v));
  return r.success ? ok(r.data) : bad(firstIssue(r.error).message);
}

/** "30x20x10", "30×20×10" or "30*20*10" cm (length, width, height; decimals allowed). */
export function parseSize(raw: string): Parsed<DimensionsCm> {
  const parts = raw.trim().toLowerCase().split(/\s*[x×*]\s*/);
  const nums = parts.map((p) => (/^\d+(?:[.,]\d+)?$/.test(p) ? Number(p.replace(',', '.')) : NaN));
  if (nums.length !== 3 || nums.some((x) => !(x > 0 && x <= 1000))) return bad('expected "LxWxH" in cm, e.g. "30x20x10"');
  return ok({ length: nums[0]!, width: nums[1]!, height: nums[2]! });
}

/**
 * Money in MAJOR units, as a shop writes prices: "1500", "1 500,50", "1500.50 UAH".
 * Without a currency code the origin country's currency is used (RU -> RUB, UA -> UAH).
 */
export function parseMoney(raw: string, defaultCurrency: string): Parsed<Money> {
  const m = /^([\d\s\u00a0]+(?:[.,]\d{1,2})?)\s*([A-Za-z]{3})?$/.exec(raw.trim());
  if (!m) return bad('expected an amount in major units, optionally with a currency code, e.g. "1500" or "1500.50 UAH"');
  const amount = Number(m[1]!.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  if (!Number.isFinite(amount) || amount > 1e9) return bad('amount out of range');
  return ok({ amount: Math.round(amount * 100), currency: (m[2] ?? defaultCurrency).toUpperCase() });
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
    out.country ??= country;
    if (/^\d{4,6}$/.test(place)) out.postcode ??= place;
    else if (UUID.test(place)) out.cityRef ??= place;
    else if (place.length <= 80) out.city ??= place;
    else return bad('place name too long');
  }
  const r = Origin.safeParse(out);
  return r.success ? ok(r.data) : bad(firstIssue(r.error).message);
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

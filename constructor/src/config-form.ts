// Mapping between the constructor's form (raw strings, exactly as typed) and WidgetConfig.
// The form keeps what the owner typed even when it is invalid, so nothing entered is lost;
// only a config that passes the WidgetConfig schema ever leaves this module.
import { WidgetConfig } from '../../widget/src/model/config.js';
import { fieldErrors } from '../../widget/src/model/validate.js';
import type { z } from '../../widget/src/model/zod.js';
import { CURRENCY_OPTIONS, WIDGET_DEFAULTS } from './defaults.js';
import { en, type UiStrings } from './i18n/en.js';

export interface FormValues {
  name: string;
  apiBase: string;
  carriers: string[];
  types: string[];
  lang: string;
  layout: string;
  mode: string;
  centerLat: string;
  centerLng: string;
  zoom: string;
  tileUrl: string;
  themePrimary: string;
  themeRadius: string;
  themeFont: string;
  parcelWeight: string;
  parcelLength: string;
  parcelWidth: string;
  parcelHeight: string;
  declaredValue: string;
  codAmount: string;
  currency: string;
  originCountry: string;
  originPostcode: string;
  originCity: string;
  /** Not shown: kept so a loaded config survives a round trip through the form. */
  originCityRef: string;
  sort: string;
  weightDistance: string;
  weightPrice: string;
  weightSpeed: string;
  hideUnfit: boolean;
  carrierTimeoutMs: string;
  feed: string;
  npApiKey: string;
  order: boolean;
  trackUrl: string;
}

export type FieldKey = keyof FormValues;
export type FieldErrors = Partial<Record<FieldKey, string>>;

export const EMPTY_VALUES: Readonly<FormValues> = Object.freeze({
  name: '',
  apiBase: '',
  carriers: [...WIDGET_DEFAULTS.carriers],
  types: [...WIDGET_DEFAULTS.types],
  lang: '',
  layout: WIDGET_DEFAULTS.layout,
  mode: WIDGET_DEFAULTS.mode,
  centerLat: '',
  centerLng: '',
  zoom: '',
  tileUrl: '',
  themePrimary: '',
  themeRadius: '',
  themeFont: '',
  parcelWeight: '',
  parcelLength: '',
  parcelWidth: '',
  parcelHeight: '',
  declaredValue: '',
  codAmount: '',
  currency: CURRENCY_OPTIONS[0],
  originCountry: '',
  originPostcode: '',
  originCity: '',
  originCityRef: '',
  sort: WIDGET_DEFAULTS.sort,
  weightDistance: '',
  weightPrice: '',
  weightSpeed: '',
  hideUnfit: WIDGET_DEFAULTS.hideUnfit,
  carrierTimeoutMs: '',
  feed: WIDGET_DEFAULTS.feed,
  npApiKey: '',
  order: false,
  trackUrl: '',
});

/** A fresh, mutable copy of the empty form. */
export function emptyValues(): FormValues {
  return { ...EMPTY_VALUES, carriers: [...EMPTY_VALUES.carriers], types: [...EMPTY_VALUES.types] };
}

/** Human names of the fields (English); error messages start with them so each error names its field. */
export const FIELD_LABELS: Record<FieldKey, string> = en.fields;

/** Schema paths (dot-joined, array indices dropped) -> the form field that edits them. */
const PATH_TO_FIELD: Record<string, FieldKey> = {
  name: 'name',
  apiBase: 'apiBase',
  carriers: 'carriers',
  types: 'types',
  lang: 'lang',
  layout: 'layout',
  mode: 'mode',
  center: 'centerLat',
  'center.lat': 'centerLat',
  'center.lng': 'centerLng',
  zoom: 'zoom',
  tileUrl: 'tileUrl',
  theme: 'themePrimary',
  'theme.primary': 'themePrimary',
  'theme.radius': 'themeRadius',
  'theme.font': 'themeFont',
  parcel: 'parcelWeight',
  'parcel.weightG': 'parcelWeight',
  'parcel.dimensionsCm': 'parcelLength',
  'parcel.dimensionsCm.length': 'parcelLength',
  'parcel.dimensionsCm.width': 'parcelWidth',
  'parcel.dimensionsCm.height': 'parcelHeight',
  'parcel.declaredValue': 'declaredValue',
  'parcel.declaredValue.amount': 'declaredValue',
  'parcel.declaredValue.currency': 'currency',
  'parcel.cashOnDelivery': 'codAmount',
  'parcel.cashOnDelivery.amount': 'codAmount',
  'parcel.cashOnDelivery.currency': 'currency',
  origin: 'originCountry',
  'origin.country': 'originCountry',
  'origin.postcode': 'originPostcode',
  'origin.city': 'originCity',
  'origin.cityRef': 'originCity',
  sort: 'sort',
  sortWeights: 'weightDistance',
  'sortWeights.distance': 'weightDistance',
  'sortWeights.price': 'weightPrice',
  'sortWeights.speed': 'weightSpeed',
  hideUnfit: 'hideUnfit',
  carrierTimeoutMs: 'carrierTimeoutMs',
  feed: 'feed',
  npApiKey: 'npApiKey',
  order: 'order',
  trackUrl: 'trackUrl',
};

/** The form field for a schema path such as "parcel.dimensionsCm.width" or "carriers.0". */
export function fieldForPath(path: string): FieldKey | undefined {
  const clean = path.split('.').filter((p) => !/^\d+$/.test(p)).join('.');
  let probe = clean;
  while (probe) {
    const hit = PATH_TO_FIELD[probe];
    if (hit) return hit;
    probe = probe.includes('.') ? probe.slice(0, probe.lastIndexOf('.')) : '';
  }
  return undefined;
}

// zod/mini ships no messages ("Invalid input"): this per-parse map words them in the
// interface language. Messages written into the schema itself (e.g. "expected a hex colour")
// take precedence and stay in English.
const errorMapFor = (c: UiStrings['check']) => (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return c.required;
      return issue.expected === 'int' ? c.wholeNumber : c.mustBe(String(issue.expected));
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return c.atMostChars(max);
      return issue.inclusive ? c.atMost(max) : c.lessThan(max);
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return c.atLeastChars(min);
      return issue.inclusive ? c.atLeast(min) : c.greaterThan(min);
    }
    case 'invalid_value':
      return c.oneOf(issue.values.map(String).join(', '));
    case 'invalid_format':
      return c.wrongFormat;
    default:
      return c.notValid;
  }
};

/** "" -> undefined; a number -> number; anything else stays a string so the schema reports it. */
export function parseNumber(raw: string): number | string | undefined {
  const s = raw.trim().replace(',', '.');
  if (s === '') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return raw;
  return Number(s);
}

function text(raw: string): string | undefined {
  const s = raw.trim();
  return s === '' ? undefined : s;
}

/** Money typed in major units ("1500.50") -> minor units (150050); more than 2 decimals is an error. */
function toMinor(raw: string, c: UiStrings['check']): { value: number | string | undefined; error?: string } {
  const n = parseNumber(raw);
  if (typeof n !== 'number') return { value: n };
  const minor = n * 100;
  const rounded = Math.round(minor);
  if (Math.abs(minor - rounded) > 1e-6) return { value: raw, error: c.twoDecimals };
  return { value: rounded };
}

/** A group with nothing filled in is absent; `nested` objects count only when something inside is set. */
function undefinedIfEmpty<T extends object>(obj: T): T | undefined {
  const filled = (v: unknown): boolean =>
    v !== undefined && (typeof v !== 'object' || v === null || Object.values(v).some(filled));
  return Object.values(obj).some(filled) ? obj : undefined;
}

function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

export interface FormResult {
  /** Present only when every field is valid. */
  config?: WidgetConfig;
  /** One message per field, each starting with the field's name. */
  errors: FieldErrors;
  /** Problems no form field edits (a schema newer than this form); shown above the form. */
  other: string[];
}

/**
 * Build the candidate config from the form. Non-numbers are passed through as strings on
 * purpose: the schema then rejects them and the error lands on the right field.
 */
export function buildCandidate(v: FormValues, c: UiStrings['check'] = en.check): { candidate: Record<string, unknown>; extraErrors: FieldErrors } {
  const extraErrors: FieldErrors = {};
  const declared = toMinor(v.declaredValue, c);
  const cod = toMinor(v.codAmount, c);
  if (declared.error) extraErrors.declaredValue = declared.error;
  if (cod.error) extraErrors.codAmount = cod.error;
  const currency = v.currency;

  const parcel = undefinedIfEmpty({
    weightG: parseNumber(v.parcelWeight),
    // Always an object once a parcel exists, so each missing side gets its own "is required".
    dimensionsCm: {
      length: parseNumber(v.parcelLength),
      width: parseNumber(v.parcelWidth),
      height: parseNumber(v.parcelHeight),
    },
    declaredValue: declared.value === undefined ? undefined : { amount: declared.value, currency },
    cashOnDelivery: cod.value === undefined ? undefined : { amount: cod.value, currency },
  });
  const origin = undefinedIfEmpty({
    country: text(v.originCountry),
    postcode: text(v.originPostcode),
    city: text(v.originCity),
    cityRef: text(v.originCityRef),
  });
  const theme = undefinedIfEmpty({
    primary: text(v.themePrimary),
    radius: parseNumber(v.themeRadius),
    font: text(v.themeFont),
  });
  const center = undefinedIfEmpty({ lat: parseNumber(v.centerLat), lng: parseNumber(v.centerLng) });
  const sortWeights = undefinedIfEmpty({
    distance: parseNumber(v.weightDistance),
    price: parseNumber(v.weightPrice),
    speed: parseNumber(v.weightSpeed),
  });

  // URL shapes, the {z}/{x}/{y} placeholders and the name's length are the widget's own field
  // schemas (model/config.ts), checked by WidgetConfig below; the form adds no rule of its own
  // to them (formAdvice only advises).
  const apiBase = text(v.apiBase);
  const tileUrl = text(v.tileUrl);
  if (v.carriers.length === 0) extraErrors.carriers = c.chooseCarrier;
  if (v.types.length === 0) extraErrors.types = c.chooseType;

  const candidate = dropUndefined({
    name: text(v.name),
    apiBase,
    carriers: [...v.carriers],
    types: [...v.types],
    lang: text(v.lang),
    center: center && dropUndefined(center),
    zoom: parseNumber(v.zoom),
    layout: text(v.layout),
    mode: text(v.mode),
    tileUrl,
    theme: theme && dropUndefined(theme),
    parcel: parcel && dropUndefined(parcel),
    origin: origin && dropUndefined(origin),
    sort: text(v.sort),
    sortWeights: sortWeights && dropUndefined(sortWeights),
    hideUnfit: v.hideUnfit,
    carrierTimeoutMs: parseNumber(v.carrierTimeoutMs),
    // The default source is left out, as the snippet leaves out every default.
    feed: v.feed === WIDGET_DEFAULTS.feed ? undefined : text(v.feed),
    npApiKey: text(v.npApiKey),
    order: v.order || undefined,
    trackUrl: text(v.trackUrl),
  });
  return { candidate, extraErrors };
}

/**
 * Non-blocking advice: values the schema accepts but that are probably a slip. An api-base with
 * `/api/v1` is most likely the endpoint pasted instead of the server root (the widget requests
 * `{api-base}/api/v1/...`), yet a proxy may well have `/api/v1` in its own path, so the config is
 * still saved; ApiBase (model/config.ts) is the one rule that refuses.
 */
export function formAdvice(v: FormValues, c: UiStrings['check'] = en.check): FieldErrors {
  return v.apiBase.includes('/api/v1') ? { apiBase: c.serverRoot } : {};
}

/** Validate the form with the WidgetConfig schema; errors are keyed by form field, in the interface language. */
export function formToConfig(v: FormValues, t: UiStrings = en): FormResult {
  const { candidate, extraErrors } = buildCandidate(v, t.check);
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(extraErrors) as [FieldKey, string][]) {
    errors[key] = `${t.fields[key]}: ${message}`;
  }
  const parsed = WidgetConfig.safeParse(candidate, { error: errorMapFor(t.check) });
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      const key = fieldForPath(path);
      if (key) errors[key] ??= `${t.fields[key]}: ${t.check.schema[message] ?? message}`;
      else other.push(`${path || 'config'}: ${message}`);
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { errors, other };
  return { config: parsed.data, errors, other };
}

function str(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

function major(minor: number | undefined): string {
  return minor === undefined ? '' : String(minor / 100);
}

/** A saved or loaded config, back into form values (unset fields take the empty form's values). */
export function configToForm(c: WidgetConfig): FormValues {
  const e = emptyValues();
  const p = c.parcel;
  return {
    name: c.name ?? e.name,
    apiBase: c.apiBase ?? e.apiBase,
    carriers: c.carriers ? [...c.carriers] : e.carriers,
    types: c.types ? [...c.types] : e.types,
    lang: c.lang ?? e.lang,
    layout: c.layout ?? e.layout,
    mode: c.mode ?? e.mode,
    centerLat: str(c.center?.lat),
    centerLng: str(c.center?.lng),
    zoom: str(c.zoom),
    tileUrl: c.tileUrl ?? e.tileUrl,
    themePrimary: c.theme?.primary ?? e.themePrimary,
    themeRadius: str(c.theme?.radius),
    themeFont: c.theme?.font ?? e.themeFont,
    parcelWeight: str(p?.weightG),
    parcelLength: str(p?.dimensionsCm.length),
    parcelWidth: str(p?.dimensionsCm.width),
    parcelHeight: str(p?.dimensionsCm.height),
    declaredValue: major(p?.declaredValue?.amount),
    codAmount: major(p?.cashOnDelivery?.amount),
    currency: p?.declaredValue?.currency ?? p?.cashOnDelivery?.currency ?? e.currency,
    originCountry: c.origin?.country ?? e.originCountry,
    originPostcode: c.origin?.postcode ?? e.originPostcode,
    originCity: c.origin?.city ?? e.originCity,
    originCityRef: c.origin?.cityRef ?? e.originCityRef,
    sort: c.sort ?? e.sort,
    weightDistance: str(c.sortWeights?.distance),
    weightPrice: str(c.sortWeights?.price),
    weightSpeed: str(c.sortWeights?.speed),
    hideUnfit: c.hideUnfit ?? e.hideUnfit,
    carrierTimeoutMs: str(c.carrierTimeoutMs),
    feed: c.feed ?? e.feed,
    npApiKey: c.npApiKey ?? e.npApiKey,
    order: c.order ?? e.order,
    trackUrl: c.trackUrl ?? e.trackUrl,
  };
}

/** Fields that only make sense together: a bad one resets its whole group. */
const GROUPS: readonly (readonly FieldKey[])[] = [
  ['parcelWeight', 'parcelLength', 'parcelWidth', 'parcelHeight', 'declaredValue', 'codAmount'],
  ['originCountry', 'originPostcode', 'originCity', 'originCityRef'],
  ['centerLat', 'centerLng'],
  ['weightDistance', 'weightPrice', 'weightSpeed'],
];

/**
 * The valid part of a form: fields with errors (and the groups they belong to) are reset to
 * empty. Used when a restored draft is invalid, so the preview still shows the good settings.
 */
export function validPart(v: FormValues): WidgetConfig {
  const r = formToConfig(v);
  if (r.config) return r.config;
  const next = { ...v } as Record<FieldKey, unknown>;
  for (const key of Object.keys(r.errors) as FieldKey[]) {
    for (const k of GROUPS.find((g) => g.includes(key)) ?? [key]) next[k] = EMPTY_VALUES[k];
  }
  return formToConfig(next as unknown as FormValues).config ?? formToConfig(emptyValues()).config ?? {};
}

import { z } from './zod.js';

/** "HH:MM", 00:00-23:59, plus "24:00" as an end of day. */
export const HHMM = z.string().check(z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM'));

/** Calendar date "YYYY-MM-DD". */
export const IsoDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD'));

/** ISO 4217 currency code. */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO 4217 code'));

/** Money is always an integer number of minor units (kopecks, kopiyky, cents). */
export const Money = z.object({
  amount: z.int(),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'));

export const Latitude = z.number().check(z.gte(-90), z.lte(90));
export const Longitude = z.number().check(z.gte(-180), z.lte(180));

export const LatLng = z.object({ lat: Latitude, lng: Longitude });
export type LatLng = z.infer<typeof LatLng>;

/** Carrier ids are short slugs ("russian-post", "nova-poshta"); new carriers add new slugs. */
export const CarrierId = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/, 'expected a carrier slug'));
export type CarrierId = z.infer<typeof CarrierId>;
/**
 * The carriers with an adapter of their own (carriers/registry.ts): what the constructor offers. The open
 * feed may serve more by slug, which is why CarrierId is a pattern and not an enum of these.
 */
export const CARRIER_IDS = ['russian-post', 'nova-poshta'] as const satisfies readonly CarrierId[];

/** Dimensions in whole centimetres. */
export const DimensionsCm = z.object({
  length: z.number().check(z.gt(0)),
  width: z.number().check(z.gt(0)),
  height: z.number().check(z.gt(0)),
});
export type DimensionsCm = z.infer<typeof DimensionsCm>;

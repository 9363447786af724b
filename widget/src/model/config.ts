import { z } from './zod.js';
import { CarrierId, LatLng } from './common.js';
import { BranchType } from './branch.js';
import { Parcel } from './parcel.js';

export const LANGS = ['ru', 'uk', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const Layout = z.enum(['both', 'map', 'list']);
export type Layout = z.infer<typeof Layout>;
export const Mode = z.enum(['inline', 'modal']);
export type Mode = z.infer<typeof Mode>;

/** Where points come from: our open tile feed, or a whole list clustered in the browser. */
export const FEED_KINDS = ['tiles', 'nova-poshta'] as const;
export const FeedKind = z.enum(FEED_KINDS);
export type FeedKind = z.infer<typeof FeedKind>;

export const SORT_ORDERS = ['nearest', 'cheapest', 'fastest', 'best'] as const;
export const SortOrder = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrder>;

/** Where the shop ships from: what tariff APIs need as the origin. */
export const Origin = z.object({
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  postcode: z.optional(z.string().check(z.maxLength(16))),
  city: z.optional(z.string().check(z.maxLength(100))),
  /** Nova Poshta city ref of the sender. */
  cityRef: z.optional(z.string().check(z.maxLength(64))),
});
export type Origin = z.infer<typeof Origin>;

const Weight = z.number().check(z.gte(0), z.lte(10));

export const Theme = z.object({
  primary: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{3,8}$/, 'expected a hex colour'))),
  radius: z.optional(z.int().check(z.gte(0), z.lte(32))),
  font: z.optional(z.string().check(z.maxLength(200))),
});
export type Theme = z.infer<typeof Theme>;

// Field schemas shared by the element's attributes (element/settings-table.ts), WidgetConfig and the
// constructor's form, so a value means the same and fails the same way wherever it is set.
const HTTP_OR_PATH = /^(?:https?:\/\/[^\s/]\S*|\/(?!\/)\S*)$/;
/** Form field name the chosen point id is submitted under. */
export const FieldName = z.string().check(z.minLength(1), z.maxLength(100));
/** Server root of the points API: an http(s) URL or a same-origin path ("" = same origin). */
export const ApiBase = z.string().check(
  z.refine((s) => s === '' || HTTP_OR_PATH.test(s), 'expected an http(s) URL or a path starting with "/"'),
);
/** Raster tile URL template with {z}, {x} and {y}, or "none" for the built-in basemap only. */
export const TileUrl = z.string().check(
  z.refine((s) => s === 'none' || HTTP_OR_PATH.test(s), 'expected "none", an http(s) URL or a path starting with "/"'),
  z.refine((s) => s === 'none' || ['{z}', '{x}', '{y}'].every((p) => s.includes(p)), 'expected a URL template with {z}, {x} and {y}'),
);
/** "Track parcel" link of a created order: an http(s) URL or a path, with {orderId}, {orderNumber}, {token}, {trackNumber}. */
export const TrackUrl = z.string().check(z.maxLength(500), z.refine((s) => HTTP_OR_PATH.test(s), 'expected an http(s) URL or a path starting with "/"'));
export const Zoom = z.int().check(z.gte(2, 'must be a whole number from 2 to 19'), z.lte(19, 'must be a whole number from 2 to 19'));
/** Point id or saved-config id. */
export const SettingId = z.string().check(z.minLength(1), z.maxLength(64));
export const NpApiKey = z.string().check(z.minLength(1), z.maxLength(200));
export const CARRIER_TIMEOUT_MIN_MS = 500;
export const CARRIER_TIMEOUT_MAX_MS = 30_000;

/** Everything a site owner configures in the constructor; also settable as a property. */
export const WidgetConfig = z.object({
  id: z.optional(z.string()),
  name: z.optional(FieldName),
  apiBase: z.optional(ApiBase),
  carriers: z.optional(z.array(CarrierId)),
  types: z.optional(z.array(BranchType)),
  lang: z.optional(Lang),
  center: z.optional(LatLng),
  zoom: z.optional(Zoom),
  layout: z.optional(Layout),
  mode: z.optional(Mode),
  tileUrl: z.optional(TileUrl),
  theme: z.optional(Theme),
  parcel: z.optional(Parcel),
  origin: z.optional(Origin),
  sort: z.optional(SortOrder),
  /** Weights of the "best" order: higher means that criterion matters more. */
  sortWeights: z.optional(z.object({ distance: Weight, price: Weight, speed: Weight })),
  /** Hide points the parcel cannot fit instead of greying them out. */
  hideUnfit: z.optional(z.boolean()),
  /** Milliseconds a carrier may take before it is shown as unavailable. */
  carrierTimeoutMs: z.optional(z.int().check(z.gte(CARRIER_TIMEOUT_MIN_MS), z.lte(CARRIER_TIMEOUT_MAX_MS))),
  /** Points source (default "tiles"). */
  feed: z.optional(FeedKind),
  /** Nova Poshta API key for feed "nova-poshta" (visible to buyers: use a key limited to reading warehouses, or a proxy). */
  npApiKey: z.optional(NpApiKey),
  /** The buyer places the order inside the picker (the order step). */
  order: z.optional(z.boolean()),
  /** "Track parcel" link template of the order step. */
  trackUrl: z.optional(TrackUrl),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

export { CONFIG_DEFAULTS } from './config-defaults.js';

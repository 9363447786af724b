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

/** Everything a site owner configures in the constructor; also settable as a property. */
export const WidgetConfig = z.object({
  id: z.optional(z.string()),
  name: z.optional(z.string().check(z.maxLength(120))),
  apiBase: z.optional(z.string()),
  carriers: z.optional(z.array(CarrierId)),
  types: z.optional(z.array(BranchType)),
  lang: z.optional(Lang),
  center: z.optional(LatLng),
  zoom: z.optional(z.int().check(z.gte(2), z.lte(19))),
  layout: z.optional(Layout),
  mode: z.optional(Mode),
  tileUrl: z.optional(z.string()),
  theme: z.optional(Theme),
  parcel: z.optional(Parcel),
  origin: z.optional(Origin),
  sort: z.optional(SortOrder),
  /** Weights of the "best" order: higher means that criterion matters more. */
  sortWeights: z.optional(z.object({ distance: Weight, price: Weight, speed: Weight })),
  /** Hide points the parcel cannot fit instead of greying them out. */
  hideUnfit: z.optional(z.boolean()),
  /** Milliseconds a carrier may take before it is shown as unavailable. */
  carrierTimeoutMs: z.optional(z.int().check(z.gte(500), z.lte(30_000))),
  /** Points source (default "tiles"). */
  feed: z.optional(FeedKind),
  /** Nova Poshta API key for feed "nova-poshta" (visible to buyers: use a key limited to reading warehouses, or a proxy). */
  npApiKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

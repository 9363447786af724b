import { z } from './zod.js';
import { Branch, BranchStatus, BranchType } from './branch.js';
import { CarrierId, Latitude, Longitude } from './common.js';
import { cappedText, TEXT_CAPS } from './capped-text.js';

/** One point in a tile: just enough to draw a marker; details come by id. */
export const FeedPoint = z.object({
  kind: z.literal('point'),
  id: z.string(),
  carrier: CarrierId,
  type: BranchType,
  status: BranchStatus,
  lat: Latitude,
  lng: Longitude,
});
export type FeedPoint = z.infer<typeof FeedPoint>;

/** A server-side cluster of points. */
export const FeedCluster = z.object({
  kind: z.literal('cluster'),
  id: z.string(),
  lat: Latitude,
  lng: Longitude,
  count: z.int().check(z.gte(2)),
  /** Zoom at which the cluster breaks apart. */
  expansionZoom: z.int(),
});
export type FeedCluster = z.infer<typeof FeedCluster>;

export const FeedItem = z.discriminatedUnion('kind', [FeedPoint, FeedCluster]);
export type FeedItem = z.infer<typeof FeedItem>;

/** GET /api/v1/tiles/{z}/{x}/{y}?types=&carriers= */
export const TileResponse = z.object({
  z: z.int(),
  x: z.int(),
  y: z.int(),
  /** Points in the tile after filters. */
  total: z.int(),
  /** Items are validated one by one by the client (see parseEach); kept loose here. */
  items: z.array(z.unknown()),
});
export type TileResponse = z.infer<typeof TileResponse>;

/** GET /api/v1/points?bbox=&near=&types=&carriers=&payment=&limit= */
export const PointsResponse = z.object({
  total: z.int(),
  items: z.array(z.unknown()),
  /** Counts of points in the bbox (before type/payment filters) for live filter counts. */
  facets: z.optional(z.object({
    type: z.record(z.string(), z.int()),
    carrier: z.record(z.string(), z.int()),
    payment: z.record(z.string(), z.int()),
  })),
});
export type PointsResponse = z.infer<typeof PointsResponse>;

/** GET /api/v1/search?q=&limit= : settlements and points. Carrier text is capped by truncation (capped-text.ts). */
export const SearchSuggestion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('city'),
    label: cappedText(TEXT_CAPS.name),
    region: cappedText(TEXT_CAPS.addressLine),
    country: cappedText(TEXT_CAPS.name),
    lat: Latitude,
    lng: Longitude,
    count: z.int(),
  }),
  z.object({
    kind: z.literal('point'),
    label: cappedText(TEXT_CAPS.name),
    id: z.string(),
    addressLine: cappedText(TEXT_CAPS.addressLine),
    lat: Latitude,
    lng: Longitude,
  }),
]);
export type SearchSuggestion = z.infer<typeof SearchSuggestion>;

export { Branch };

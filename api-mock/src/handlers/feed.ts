// Our open points feed (/api/v1/): tiles with server-side clusters, points in a bbox, one point, search.
// No token; every answer is cacheable (ETag + Cache-Control for browsers and CDNs, feed-cache.ts) and validated
// input errors name the field. Answers depend only on the URL, the data and the minute ("open now"): never on
// the process, its start time or the order of earlier requests, so any number of replicas answer byte for byte
// alike (replicas.test.ts).
import { http, type RequestHandler } from 'msw';
import { BRANCH_TYPES, PAYMENT_METHODS, type Branch, type BranchType, type PaymentMethod, type PointsResponse, type TileResponse } from '../../../widget/src/model/index.js';
import { z } from '../../../widget/src/model/zod.js';
import type { SandboxContext } from '../context.js';
import { countFacets, matchesFilters, type FilterState } from '../shared-logic.js';
import { distanceM } from '../spatial/geo.js';
import {
  apiError, bboxParam, cachedJson, csvEnumParam, csvSlugParam, flagParam, intParam, latLngParam, queryObject, validate,
} from './http.js';
import { FEED_CACHE, cacheControl, clockBoundPolicy, minuteOf, type CachePolicy } from './feed-cache.js';

export const MAX_ZOOM = 22;
export const POINTS_DEFAULT_LIMIT = 50;
export const POINTS_MAX_LIMIT = 500;
export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 50;

/** The same filters as /points, so the map never shows what the list filters out. */
const TileQuery = z.object({
  types: z.optional(csvEnumParam(BRANCH_TYPES)),
  carriers: z.optional(csvSlugParam),
  payment: z.optional(csvEnumParam(PAYMENT_METHODS)),
  openNow: z.optional(flagParam),
  weekends: z.optional(flagParam),
});

const PointsQuery = z.object({
  bbox: bboxParam,
  near: z.optional(latLngParam),
  types: z.optional(csvEnumParam(BRANCH_TYPES)),
  carriers: z.optional(csvSlugParam),
  payment: z.optional(csvEnumParam(PAYMENT_METHODS)),
  openNow: z.optional(flagParam),
  weekends: z.optional(flagParam),
  limit: z.optional(intParam(1, POINTS_MAX_LIMIT)),
});

const SearchQuery = z.object({
  q: z.string().check(z.minLength(1, 'expected a search text'), z.maxLength(100, 'at most 100 characters')),
  limit: z.optional(intParam(1, SEARCH_MAX_LIMIT)),
  near: z.optional(latLngParam),
});

/** cachedJson (ETag, 304) with the feed's browser + CDN policy. */
function feedJson(request: Request, url: URL, version: string, policy: CachePolicy, build: () => unknown): Response {
  const res = cachedJson(request, url, { version, maxAgeS: policy.maxAgeS }, build);
  res.headers.set('Cache-Control', cacheControl(policy));
  return res;
}

/** The data version, plus the minute for answers that depend on the clock; and their cache policy. */
function versionFor(ctx: SandboxContext, openNow: boolean, policy: CachePolicy): { version: string; policy: CachePolicy; at: Date } {
  const now = ctx.now();
  const minute = minuteOf(now);
  if (!openNow) return { version: ctx.version, policy, at: minute };
  return { version: `${ctx.version}-${minute.getTime() / 60_000}`, policy: clockBoundPolicy(minute, now), at: minute };
}

export function feedHandlers(ctx: SandboxContext): RequestHandler[] {
  return [
    http.get('*/api/v1/tiles/:z/:x/:y', ({ request, params }) => {
      const url = new URL(request.url);
      const tile = parseTile(params);
      if (!tile.ok) return apiError(400, tile.field, tile.message);
      const query = validate(TileQuery, queryObject(url));
      if (!query.ok) return apiError(400, query.field, query.message);
      const { z: zoom, x, y } = tile;
      const { version, policy, at } = versionFor(ctx, query.data.openNow === true, FEED_CACHE.tiles);
      return feedJson(request, url, version, policy, (): TileResponse => {
        const { total, items } = ctx.clusters.tile(zoom, x, y, { ...query.data, at });
        return { z: zoom, x, y, total, items };
      });
    }),

    http.get('*/api/v1/points', ({ request }) => {
      const url = new URL(request.url);
      const query = validate(PointsQuery, queryObject(url));
      if (!query.ok) return apiError(400, query.field, query.message);
      const q = query.data;
      const { version, policy, at } = versionFor(ctx, q.openNow === true, FEED_CACHE.points);
      return feedJson(request, url, version, policy, () =>
        pointsInBBox(ctx, { ...q, limit: q.limit ?? POINTS_DEFAULT_LIMIT, now: at }));
    }),

    http.get('*/api/v1/points/:id', ({ request, params }) => {
      const url = new URL(request.url);
      const id = typeof params.id === 'string' ? params.id : '';
      const branch = ctx.byId.get(id);
      if (!branch) return apiError(404, 'id', `no point with id "${id.slice(0, 64)}"`);
      return feedJson(request, url, ctx.version, FEED_CACHE.points, () => branch);
    }),

    http.get('*/api/v1/search', async ({ request }) => {
      const url = new URL(request.url);
      const query = validate(SearchQuery, queryObject(url));
      if (!query.ok) return apiError(400, query.field, query.message);
      const { q, limit, near } = query.data;
      await ctx.search.prepare();
      return feedJson(request, url, ctx.version, FEED_CACHE.search, () => ({
        items: ctx.search.search(q, { limit: limit ?? SEARCH_DEFAULT_LIMIT, near }),
      }));
    }),
  ];
}

type TileParse = { ok: true; z: number; x: number; y: number } | { ok: false; field: string; message: string };

function parseTile(params: Record<string, string | readonly string[] | undefined>): TileParse {
  const read = (name: string): number | null => {
    const v = params[name];
    return typeof v === 'string' && /^\d{1,8}$/.test(v) ? Number(v) : null;
  };
  const z = read('z');
  if (z === null || z > MAX_ZOOM) return { ok: false, field: 'z', message: `expected an integer zoom between 0 and ${MAX_ZOOM}` };
  const n = 2 ** z;
  const x = read('x');
  if (x === null || x >= n) return { ok: false, field: 'x', message: `expected an integer between 0 and ${n - 1} at zoom ${z}` };
  const y = read('y');
  if (y === null || y >= n) return { ok: false, field: 'y', message: `expected an integer between 0 and ${n - 1} at zoom ${z}` };
  return { ok: true, z, x, y };
}

export interface PointsQueryInput {
  bbox: { west: number; south: number; east: number; north: number };
  near?: { lat: number; lng: number } | undefined;
  types?: BranchType[] | undefined;
  carriers?: string[] | undefined;
  payment?: PaymentMethod[] | undefined;
  openNow?: boolean | undefined;
  weekends?: boolean | undefined;
  limit: number;
  now: Date;
}

/**
 * Points in a bbox after filters, nearest first, with facet counts. Filters and facets are the
 * widget's own (core/filters): OR within a facet, AND across facets, disjunctive counts.
 */
export function pointsInBBox(ctx: SandboxContext, q: PointsQueryInput): PointsResponse {
  const { west, south, east, north } = q.bbox;
  const near = q.near ?? bboxCentre(q.bbox);
  const state: FilterState = {
    types: q.types ?? [],
    payment: q.payment ?? [],
    carriers: q.carriers ?? [],
    openNow: q.openNow === true,
    weekends: q.weekends === true,
  };
  const ids = ctx.points.range(west, south, east, north);
  const inBox = ids.map((i) => ctx.points.items[i]!);
  const counts = countFacets(inBox, state, q.now);
  const matched: number[] = [];
  for (const i of ids) if (matchesFilters(ctx.points.items[i]!, state, q.now)) matched.push(i);
  const nearest = nearestFirst(ctx.points.items, matched, near, q.limit);
  return {
    total: matched.length,
    items: nearest,
    facets: { type: counts.types, carrier: counts.carriers, payment: counts.payment },
  };
}

function bboxCentre(b: PointsQueryInput['bbox']): { lat: number; lng: number } {
  const lat = (b.south + b.north) / 2;
  let lng = (b.west + b.east) / 2;
  if (b.west > b.east) lng = lng > 0 ? lng - 180 : lng + 180; // the box crosses the antimeridian
  return { lat, lng };
}

/** The k nearest of the candidates, via a bounded max-heap: O(n log k) instead of sorting everything. */
function nearestFirst(items: readonly Branch[], candidates: number[], near: { lat: number; lng: number }, k: number): Branch[] {
  const heap: Array<{ i: number; d: number }> = [];
  const up = (pos: number) => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (heap[parent]!.d >= heap[pos]!.d) break;
      [heap[parent], heap[pos]] = [heap[pos]!, heap[parent]!];
      pos = parent;
    }
  };
  const down = (pos: number) => {
    for (;;) {
      const l = pos * 2 + 1;
      const r = l + 1;
      let top = pos;
      if (l < heap.length && heap[l]!.d > heap[top]!.d) top = l;
      if (r < heap.length && heap[r]!.d > heap[top]!.d) top = r;
      if (top === pos) return;
      [heap[top], heap[pos]] = [heap[pos]!, heap[top]!];
      pos = top;
    }
  };
  for (const i of candidates) {
    const b = items[i]!;
    const d = distanceM(near.lat, near.lng, b.lat, b.lng);
    if (heap.length < k) { heap.push({ i, d }); up(heap.length - 1); }
    else if (d < heap[0]!.d) { heap[0] = { i, d }; down(0); }
  }
  return heap.sort((a, b) => a.d - b.d || a.i - b.i).map((h) => items[h.i]!);
}

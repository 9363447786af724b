// Response and input helpers shared by every sandbox route.
import { HttpResponse } from 'msw';
import { z } from '../../../widget/src/model/zod.js';
import { firstIssue } from '../../../widget/src/model/validate.js';
import { hashString } from '../util/hash.js';

/** Sandbox APIs are public test fixtures: any origin may call them. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, If-None-Match, Idempotency-Key, X-Sandbox-Fault, Authorization, X-User-Authorization',
  'Access-Control-Expose-Headers': 'ETag, Location, X-Sandbox-Fault, Idempotent-Replayed, Idempotency-Retention, Retry-After',
  'Access-Control-Max-Age': '600',
};

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return HttpResponse.json(body as Record<string, unknown>, {
    status: init.status ?? 200,
    headers: { ...CORS_HEADERS, ...init.headers },
  });
}

/** Our feed's error shape: `{"error":{"field":"bbox","message":"..."}}`. */
export function apiError(status: number, field: string, message: string): Response {
  return json({ error: { field, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * What validate() answers: the typed input, or the first bad field for apiError(). Not core/parsed.ts's
 * Parsed<T> (one setting's value or message): a different shape, so a different name.
 */
export type Validated<T> = { ok: true; data: T } | { ok: false; field: string; message: string };

/** Validate with zod; on failure name the first bad field. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data as z.infer<S> };
  const issue = firstIssue(result.error);
  return { ok: false, field: issue.path || 'body', message: issue.message };
}

/** Query parameters as a plain object: the first value of each name (repeated names are not part of our API). */
export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await request.text();
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

// ---------------------------------------------------------------------------
// Query parameter schemas (strings in, typed values out)

function fail(ctx: { issues: unknown[] }, input: string, message: string): never {
  (ctx.issues as Array<Record<string, unknown>>).push({ code: 'custom', message, input });
  return z.NEVER as never;
}

export function numberParam(min: number, max: number, what = 'a number') {
  return z.pipe(z.string(), z.transform((s: string, ctx) => {
    const n = s.trim() === '' ? NaN : Number(s);
    if (!Number.isFinite(n) || n < min || n > max) return fail(ctx, s, `expected ${what} between ${min} and ${max}`);
    return n;
  }));
}

export function intParam(min: number, max: number) {
  return z.pipe(z.string(), z.transform((s: string, ctx) => {
    if (!/^-?\d+$/.test(s.trim())) return fail(ctx, s, `expected an integer between ${min} and ${max}`);
    const n = Number(s);
    if (n < min || n > max) return fail(ctx, s, `expected an integer between ${min} and ${max}`);
    return n;
  }));
}

/** "1" / "true" / "0" / "false". */
export const flagParam = z.pipe(z.string(), z.transform((s: string, ctx) => {
  if (s === '1' || s === 'true') return true;
  if (s === '0' || s === 'false' || s === '') return false;
  return fail(ctx, s, 'expected 1 or 0');
}));

/** Comma-separated values from a fixed set; empty means "no filter". */
export function csvEnumParam<const T extends string>(values: readonly T[]) {
  const allowed = new Set<string>(values);
  return z.pipe(z.string(), z.transform((s: string, ctx): T[] => {
    const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
    const bad = parts.find((p) => !allowed.has(p));
    if (bad !== undefined) return fail(ctx, s, `unknown value "${bad.slice(0, 40)}", expected one of ${values.join(', ')}`);
    return parts as T[];
  }));
}

/** Comma-separated slugs (carriers are extensible, so any well-formed slug passes). */
export const csvSlugParam = z.pipe(z.string(), z.transform((s: string, ctx): string[] => {
  const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
  const bad = parts.find((p) => !/^[a-z][a-z0-9-]{1,31}$/.test(p));
  if (bad !== undefined) return fail(ctx, s, `"${bad.slice(0, 40)}" is not a carrier id`);
  return parts;
}));

export const latLngParam = z.pipe(z.string(), z.transform((s: string, ctx) => {
  const parts = s.split(',').map((p) => Number(p));
  const [lat, lng] = parts;
  if (parts.length !== 2 || lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)
    || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return fail(ctx, s, 'expected "lat,lng" in degrees');
  }
  return { lat, lng };
}));

/** "west,south,east,north"; west > east crosses the antimeridian. */
export const bboxParam = z.pipe(z.string(), z.transform((s: string, ctx) => {
  const parts = s.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [w, so, e, n] = parts;
  if (parts.length !== 4 || w === undefined || so === undefined || e === undefined || n === undefined || !parts.every(Number.isFinite)) {
    return fail(ctx, s, 'expected "west,south,east,north" in degrees');
  }
  if (Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(so) > 90 || Math.abs(n) > 90) return fail(ctx, s, 'coordinates out of range');
  if (so > n) return fail(ctx, s, 'south must not exceed north');
  return { west: w, south: so, east: e, north: n };
}));

// ---------------------------------------------------------------------------
// HTTP caching

export interface CacheOptions {
  /** Everything the body depends on besides the URL (dataset version, time bucket...). */
  version: string;
  maxAgeS: number;
}

/** Weak ETag over the dataset version and the canonical query: computed before the body, so a 304 costs nothing. */
export function etagFor(url: URL, version: string): string {
  const params = [...url.searchParams].filter(([k]) => !k.startsWith('__')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `W/"${version}-${hashString(`${url.pathname}?${new URLSearchParams(params).toString()}`)}"`;
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

/** A cacheable JSON answer: ETag + Cache-Control, and 304 when the client already has it. */
export function cachedJson(request: Request, url: URL, cache: CacheOptions, build: () => unknown): Response {
  const etag = etagFor(url, cache.version);
  const headers = { ETag: etag, 'Cache-Control': `public, max-age=${cache.maxAgeS}`, Vary: 'Accept-Encoding' };
  if (matchesEtag(request.headers.get('If-None-Match'), etag)) {
    return new HttpResponse(null, { status: 304, headers: { ...CORS_HEADERS, ...headers } });
  }
  return json(build(), { headers });
}

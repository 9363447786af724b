// Sandbox/production API client: every request has a timeout and an abort signal, every
// response is validated; list items are validated one by one (parseEach) so one bad
// record is dropped and counted, never hiding the good ones.
import {
  Branch,
  FeedItem,
  PointsResponse,
  SearchSuggestion,
  TileResponse,
  firstIssue,
  parseEach,
  type z,
} from '../model/index.js';
import type { ErrorCode } from '../model/error-code.js';

export const REQUEST_TIMEOUT_MS = 10_000;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;
  constructor(code: ErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/** Records dropped by validation since load: a debug counter, never a user-facing error. */
export const dropped = { count: 0 };

function reportDropped(what: string, rejected: { index: number; message: string }[]): void {
  if (!rejected.length) return;
  dropped.count += rejected.length;
  console.warn(`[branch-picker] dropped ${rejected.length} invalid ${what} record(s); first: #${rejected[0]!.index} ${rejected[0]!.message}`);
}

export interface Filters {
  types?: readonly string[];
  carriers?: readonly string[];
  payment?: readonly string[];
  openNow?: boolean;
  weekends?: boolean;
}

export interface PointsQuery extends Filters {
  bbox?: readonly [number, number, number, number];
  near?: { lat: number; lng: number };
  limit?: number;
}

export interface PointsResult {
  total: number;
  items: Branch[];
  facets: NonNullable<PointsResponse['facets']> | undefined;
}

export interface TileResult {
  total: number;
  items: FeedItem[];
}

type Fetch = typeof fetch;

export class ApiClient {
  constructor(
    readonly base: string,
    private readonly fetchImpl: Fetch = (...a) => fetch(...a),
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  private url(path: string, params: Record<string, string | undefined> = {}): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
    const qs = q.toString();
    return `${this.base}/api/v1${path}${qs ? `?${qs}` : ''}`;
  }

  /** GET + JSON with a timeout; the caller's signal aborts with AbortError (not reported). */
  private async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, this.timeoutMs);
    const onAbort = () => ctrl.abort();
    if (signal?.aborted) ctrl.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await this.fetchImpl(url, { signal: ctrl.signal, headers: { accept: 'application/json' } });
      if (res.status === 404) throw new ApiError('not-found', `not found: ${url}`, 404);
      if (!res.ok) throw new ApiError('http', `HTTP ${res.status} from ${url}`, res.status);
      try {
        return await res.json();
      } catch {
        throw new ApiError('bad-response', `malformed JSON from ${url}`);
      }
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (timedOut) throw new ApiError('timeout', `no answer within ${this.timeoutMs / 1000} s: ${url}`);
      if (signal?.aborted || isAbort(e)) throw new DOMException('aborted', 'AbortError');
      throw new ApiError('network', `network error: ${url}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private check<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
    const r = schema.safeParse(data);
    if (!r.success) throw new ApiError('bad-response', `unexpected ${what} response: ${firstIssue(r.error).message}`);
    return r.data;
  }

  async tile(z: number, x: number, y: number, f: Filters, signal?: AbortSignal): Promise<TileResult> {
    const data = await this.getJson(this.url(`/tiles/${z}/${x}/${y}`, filterParams(f)), signal);
    const res = this.check(TileResponse, data, 'tile');
    const { items, rejected } = parseEach(FeedItem, res.items);
    reportDropped('tile', rejected);
    return { total: res.total, items };
  }

  async points(q: PointsQuery, signal?: AbortSignal): Promise<PointsResult> {
    const params: Record<string, string | undefined> = {
      ...filterParams(q),
      bbox: q.bbox?.map((n) => n.toFixed(5)).join(','),
      near: q.near ? `${q.near.lat.toFixed(5)},${q.near.lng.toFixed(5)}` : undefined,
      limit: q.limit !== undefined ? String(q.limit) : undefined,
    };
    const data = await this.getJson(this.url('/points', params), signal);
    const res = this.check(PointsResponse, data, 'points');
    const { items, rejected } = parseEach(Branch, res.items);
    reportDropped('point', rejected);
    return { total: res.total, items, facets: res.facets };
  }

  async point(id: string, signal?: AbortSignal): Promise<Branch> {
    const data = await this.getJson(this.url(`/points/${encodeURIComponent(id)}`), signal);
    return this.check(Branch, data, 'point');
  }

  async search(q: string, near: { lat: number; lng: number } | undefined, signal?: AbortSignal): Promise<SearchSuggestion[]> {
    const data = await this.getJson(
      this.url('/search', { q, limit: '8', near: near ? `${near.lat.toFixed(4)},${near.lng.toFixed(4)}` : undefined }),
      signal,
    );
    if (!data || typeof data !== 'object' || !Array.isArray((data as { items?: unknown }).items)) {
      throw new ApiError('bad-response', 'unexpected search response');
    }
    const { items, rejected } = parseEach(SearchSuggestion, (data as { items: unknown[] }).items);
    reportDropped('suggestion', rejected);
    return items;
  }

  /** The raw config (validated by the caller so issues can name the field). */
  async config(id: string, signal?: AbortSignal): Promise<unknown> {
    return this.getJson(this.url(`/configs/${encodeURIComponent(id)}`), signal);
  }
}

export function filterParams(f: Filters): Record<string, string | undefined> {
  return {
    types: f.types?.length ? f.types.join(',') : undefined,
    carriers: f.carriers?.length ? f.carriers.join(',') : undefined,
    payment: f.payment?.length ? f.payment.join(',') : undefined,
    openNow: f.openNow ? '1' : undefined,
    weekends: f.weekends ? '1' : undefined,
  };
}

// The "whole-list" feed: when the points come as one long list (a shop talking to Nova Poshta's
// Address.getWarehouses directly, ~30k warehouses in pages of 1000) instead of map tiles.
// Pages load 6 at a time and every record goes through the carrier adapter on its own (a bad one
// is dropped and counted, never hiding the others). This runs in the list feed's worker
// (whole-list-service.ts), so zod, the adapter and the 30k branches never touch the main thread;
// work is still done in ~8 ms slices so the worker keeps answering between pages.
import { ApiError, isAbort, REQUEST_TIMEOUT_MS, type PointsQuery, type PointsResult } from '../api/client.js';
import { createNovaPoshtaAdapter, NpEnvelopeSchema, SANDBOX_API_KEY } from '../carriers/nova-poshta.js';
import { isCarrierError, type CarrierAdapter } from '../carriers/types.js';
import { countFacets, matchesFilters, type FacetCounts, type FilterState } from '../core/filters.js';
import { firstIssue, type Branch, type BranchType, type PaymentMethod, type SearchSuggestion } from '../model/index.js';
import type { WholeListStats } from './cluster-protocol.js';

/** Address.getWarehouses takes at most 1000 per page. */
export const NP_PAGE_LIMIT = 1000;
const MAX_IN_FLIGHT = 6;
/** Main-thread work runs in slices this long, then yields (the long-task budget is 200 ms). */
const SLICE_MS = 8;
const SEARCH_LIMIT = 8;
const CITY_SUGGESTIONS = 3;

export const yieldToMain = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((done) => setTimeout(done, 0));
};

/** Calls `fn(i)` for 0..n-1, yielding to the event loop every SLICE_MS. */
export async function sliced(n: number, fn: (i: number) => void, signal?: AbortSignal): Promise<void> {
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    fn(i);
    if ((i & 63) === 63 && performance.now() - t > SLICE_MS) {
      await yieldToMain();
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      t = performance.now();
    }
  }
}

export interface WholeListOptions {
  apiBase: string;
  /** Nova Poshta API key (the sandbox takes any). */
  apiKey?: string | undefined;
  fetchImpl?: typeof fetch;
  pageSize?: number;
  timeoutMs?: number;
  /** After each page is validated and added to `branches`: pages done so far, of `total`. */
  onPage?: ((done: number, total: number) => void) | undefined;
}

export class WholeList {
  readonly apiKey: string;
  /** The pages loaded so far (in arrival order while loading), then every page in the carrier's order. */
  branches: Branch[] = [];
  /** Every page loaded: `branches` is the whole list. */
  complete = false;
  readonly stats: WholeListStats = { pages: 0, received: 0, rejected: 0, loadedMs: 0, indexedMs: 0, firstMs: 0 };
  private byId = new Map<string, Branch>();
  private loading: Promise<void> | undefined;
  private ctrl = new AbortController();
  private readonly adapter: CarrierAdapter;
  private readonly fetchImpl: typeof fetch;
  private texts: string[] | undefined;
  private started = 0;

  constructor(private readonly opts: WholeListOptions) {
    this.apiKey = opts.apiKey || SANDBOX_API_KEY;
    this.adapter = createNovaPoshtaAdapter({ apiBase: opts.apiBase, apiKey: this.apiKey });
    this.fetchImpl = opts.fetchImpl ?? ((...a) => fetch(...a));
  }

  /** Every page loaded and validated. Shared by all callers; a failed load is retried by the next call. */
  ready(signal?: AbortSignal): Promise<void> {
    this.loading ??= this.loadAll().catch((e: unknown) => {
      this.loading = undefined;
      throw e;
    });
    return withSignal(this.loading, signal);
  }

  get(id: string): Branch | undefined {
    return this.byId.get(id);
  }

  /** Stop loading. */
  dispose(): void {
    this.ctrl.abort();
  }

  private async loadAll(): Promise<void> {
    this.started = performance.now();
    this.complete = false;
    // Pages are shown as they arrive (onPage): `branches` and `get()` grow page by page.
    this.branches = [];
    this.byId = new Map();
    const size = this.opts.pageSize ?? NP_PAGE_LIMIT;
    const first = await this.page(1, size);
    const pageCount = Math.max(1, Math.ceil(first.totalCount / size));
    const pages: Branch[][] = new Array<Branch[]>(pageCount);
    let done = 0;
    const add = (p: number, list: Branch[]) => {
      pages[p - 1] = list;
      for (const b of list) if (!this.byId.has(b.id)) { this.byId.set(b.id, b); this.branches.push(b); }
      this.opts.onPage?.(++done, pageCount);
    };
    add(1, await this.validate(first.data));
    const queue = Array.from({ length: pageCount - 1 }, (_, i) => i + 2);
    let failed: unknown;
    const worker = async () => {
      for (let p = queue.shift(); p !== undefined && failed === undefined; p = queue.shift()) {
        try {
          const res = await this.page(p, size).catch((e: unknown) => (isAbort(e) ? Promise.reject(e) : this.page(p!, size)));
          const list = await this.validate(res.data);
          if (failed === undefined) add(p, list);
        } catch (e) {
          failed ??= e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, queue.length) }, worker));
    if (failed !== undefined) throw failed;
    // The whole list in the carrier's page order (the first copy of a duplicate wins), whatever order pages came in.
    const all: Branch[] = [];
    const byId = new Map<string, Branch>();
    for (const list of pages) for (const b of list ?? []) if (!byId.has(b.id)) { byId.set(b.id, b); all.push(b); }
    this.branches = all;
    this.byId = byId;
    this.texts = undefined;
    this.complete = true;
    this.stats.pages = pageCount;
    this.stats.loadedMs = performance.now() - this.started;
  }

  private async validate(raw: readonly unknown[]): Promise<Branch[]> {
    const out: Branch[] = [];
    let rejected = 0;
    let first = '';
    await sliced(raw.length, (i) => {
      const b = this.adapter.toBranch(raw[i]);
      if (isCarrierError(b)) {
        rejected++;
        first ||= `#${i} ${b.message}`;
      } else out.push(b);
    }, this.ctrl.signal);
    this.stats.received += raw.length;
    if (rejected) {
      this.stats.rejected += rejected;
      console.warn(`[branch-picker] dropped ${rejected} invalid Nova Poshta warehouse record(s); first: ${first}`);
    }
    return out;
  }

  /** One Address.getWarehouses page: POST with a timeout, the envelope validated. */
  private async page(page: number, limit: number): Promise<{ data: unknown[]; totalCount: number }> {
    const url = `${this.opts.apiBase}/carriers/nova-poshta/v2.0/json/`;
    const body = JSON.stringify({
      apiKey: this.apiKey, modelName: 'Address', calledMethod: 'getWarehouses',
      methodProperties: { Page: String(page), Limit: String(limit) },
    });
    const timeoutMs = this.opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeoutMs);
    const onAbort = () => ctrl.abort();
    this.ctrl.signal.addEventListener('abort', onAbort, { once: true });
    let json: unknown;
    try {
      const res = await this.fetchImpl(url, { method: 'POST', body, signal: ctrl.signal, headers: { 'content-type': 'application/json', accept: 'application/json' } });
      if (!res.ok) throw new ApiError('http', `HTTP ${res.status} from Nova Poshta getWarehouses page ${page}`, res.status);
      json = await res.json().catch(() => {
        throw new ApiError('bad-response', `malformed JSON from Nova Poshta getWarehouses page ${page}`);
      });
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (timedOut) throw new ApiError('timeout', `no answer within ${timeoutMs / 1000} s: Nova Poshta getWarehouses page ${page}`);
      if (this.ctrl.signal.aborted || isAbort(e)) throw new DOMException('aborted', 'AbortError');
      throw new ApiError('network', `network error: Nova Poshta getWarehouses page ${page}`);
    } finally {
      clearTimeout(timer);
      this.ctrl.signal.removeEventListener('abort', onAbort);
    }
    const env = NpEnvelopeSchema.safeParse(json);
    if (!env.success) throw new ApiError('bad-response', `unexpected Nova Poshta answer: ${firstIssue(env.error).message}`);
    if (!env.data.success) {
      const errs = env.data.errors;
      const text = (Array.isArray(errs) ? errs : Object.values(errs ?? {})).join('; ');
      throw new ApiError('http', `Nova Poshta refused getWarehouses: ${text || 'no reason given'}`);
    }
    const info = (json as { info?: { totalCount?: unknown } }).info;
    const total = Number(info?.totalCount);
    // No totalCount: only this page is known (a short page means it was the last one).
    return { data: env.data.data, totalCount: Number.isFinite(total) && total >= 0 ? total : env.data.data.length };
  }

  /** Normalised search texts, built on the first search (in slices). */
  async searchTexts(signal?: AbortSignal): Promise<string[]> {
    if (this.texts) return this.texts;
    const list = this.branches;
    const texts = new Array<string>(list.length);
    await sliced(list.length, (i) => {
      const b = list[i]!;
      texts[i] = fold(`${b.name} ${b.addressLine} ${b.address.city} ${b.address.postcode}`);
    }, signal);
    if (list === this.branches && this.complete) this.texts = texts;
    return texts;
  }
}

/** Case, accents and apostrophes do not matter when typing a search. */
export function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f'’ʼ`]/g, '').replace(/\s+/g, ' ');
}

export function withSignal<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  return new Promise<T>((done, fail) => {
    const onAbort = () => fail(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(done, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function inBox(b: Branch, bbox: readonly [number, number, number, number]): boolean {
  const [w, s, e, n] = bbox;
  if (b.lat < s || b.lat > n) return false;
  return w <= e ? b.lng >= w && b.lng <= e : b.lng >= w || b.lng <= e;
}

/** Cheap planar distance for ranking (cos(lat) keeps it fair); enough within one view. */
function ranker(near: { lat: number; lng: number }): (b: Branch) => number {
  const k = Math.cos((near.lat * Math.PI) / 180);
  return (b) => (b.lat - near.lat) ** 2 + ((b.lng - near.lng) * k) ** 2;
}

/**
 * The /api/v1/points answer computed from the loaded list: points in the box after filters,
 * nearest first, with the same disjunctive facet counts as the server (core/filters).
 * Runs in slices: "open now" is evaluated per point in its own time zone.
 */
export async function queryPoints(branches: readonly Branch[], q: PointsQuery, now: Date, signal?: AbortSignal): Promise<PointsResult> {
  const state: FilterState = {
    types: [...(q.types ?? [])] as BranchType[],
    payment: [...(q.payment ?? [])] as PaymentMethod[],
    carriers: [...(q.carriers ?? [])],
    openNow: q.openNow === true,
    weekends: q.weekends === true,
  };
  const box: Branch[] = [];
  await sliced(branches.length, (i) => {
    const b = branches[i]!;
    if (!q.bbox || inBox(b, q.bbox)) box.push(b);
  }, signal);
  const matched: Branch[] = [];
  let counts: FacetCounts | undefined;
  const CHUNK = 500;
  await sliced(Math.ceil(box.length / CHUNK), (c) => {
    const part = box.slice(c * CHUNK, (c + 1) * CHUNK);
    counts = mergeCounts(counts, countFacets(part, state, now));
    for (const b of part) if (matchesFilters(b, state, now)) matched.push(b);
  }, signal);
  const near = q.near ?? (q.bbox ? { lat: (q.bbox[1] + q.bbox[3]) / 2, lng: (q.bbox[0] + q.bbox[2]) / 2 } : { lat: 0, lng: 0 });
  const d = ranker(near);
  const keyed = matched.map((b) => ({ b, d: d(b) }));
  keyed.sort((a, b) => a.d - b.d);
  const facets = counts ?? countFacets([], state, now);
  return {
    total: matched.length,
    items: keyed.slice(0, q.limit ?? 50).map((k) => k.b),
    facets: { type: facets.types, carrier: facets.carriers, payment: facets.payment },
  };
}

function mergeCounts(a: FacetCounts | undefined, b: FacetCounts): FacetCounts {
  if (!a) return b;
  const add = <K extends string>(x: Record<K, number>, y: Record<K, number>) => {
    for (const k of Object.keys(y) as K[]) x[k] = (x[k] ?? 0) + y[k];
  };
  a.total += b.total;
  add(a.types, b.types);
  add(a.payment, b.payment);
  add(a.carriers, b.carriers);
  a.openNow += b.openNow;
  a.weekends += b.weekends;
  return a;
}

/** Suggestions from the loaded list: the biggest matching cities first, then the nearest matching points. */
export async function searchList(
  feed: Pick<WholeList, 'branches' | 'searchTexts'>, q: string, near: { lat: number; lng: number } | undefined, signal?: AbortSignal,
): Promise<SearchSuggestion[]> {
  const words = fold(q.trim()).split(' ').filter(Boolean);
  if (!words.length) return [];
  const texts = await feed.searchTexts(signal);
  const list = feed.branches;
  const cities = new Map<string, { label: string; region: string; n: number; lat: number; lng: number }>();
  const hits: Branch[] = [];
  const head = words.join(' ');
  for (let i = 0; i < list.length; i++) {
    const b = list[i]!;
    const city = fold(b.address.city);
    if (city.startsWith(head)) {
      const key = `${city}|${b.address.region}`;
      const c = cities.get(key) ?? { label: b.address.city, region: b.address.region, n: 0, lat: 0, lng: 0 };
      c.n++;
      c.lat += b.lat;
      c.lng += b.lng;
      cities.set(key, c);
    }
    const text = texts[i]!;
    if (words.every((w) => text.includes(w))) hits.push(b);
  }
  const out: SearchSuggestion[] = [...cities.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, CITY_SUGGESTIONS)
    .map((c) => ({ kind: 'city', label: c.label, region: c.region, country: 'UA', lat: c.lat / c.n, lng: c.lng / c.n, count: c.n }));
  if (near) {
    const d = ranker(near);
    hits.sort((a, b) => d(a) - d(b));
  }
  for (const b of hits.slice(0, SEARCH_LIMIT - out.length)) {
    out.push({ kind: 'point', label: b.name, id: b.id, addressLine: b.addressLine, lat: b.lat, lng: b.lng });
  }
  return out;
}

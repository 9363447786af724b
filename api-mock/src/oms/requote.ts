// Re-price an order on the server through the same carrier adapters the widget uses, against the carriers'
// tariff APIs (the sandbox here, the real ones behind a proxy): the buyer's quote is never trusted.
import { createDefaultRegistry, isCarrierError, type CarrierError, type CarrierRequest, type RawAnswer } from '../../../widget/src/carriers/index.js';
import { carrierError } from '../../../widget/src/carriers/types.js';
import type { Branch, Origin, Parcel, Quote } from '../../../widget/src/model/index.js';

export interface Requoter {
  quote(branch: Branch, parcel: Parcel, origin: Origin): Promise<Quote | CarrierError>;
  /** A still-valid answer from the cache, without asking anyone (lets the order API accept in one commit). */
  cached?(branch: Branch, parcel: Parcel, origin: Origin): Quote | undefined;
}

export interface RequoterOptions {
  apiBase: () => string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
  /**
   * How long a carrier's tariff answer is reused for the same point, parcel and origin (default 5 min, 0 = never):
   * a checkout burst to one point costs one tariff call, and the order API's latency stays ours, not the carrier's.
   */
  cacheMs?: number;
  cacheSize?: number;
}

export function createRequoter(options: RequoterOptions): Requoter {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const cacheMs = options.cacheMs ?? 300_000;
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = new Map<string, { at: number; quote: Quote }>();
  const clock = () => (options.now?.() ?? new Date()).getTime();
  const call = async (r: CarrierRequest): Promise<RawAnswer> => {
    const init: RequestInit = { method: r.method, signal: AbortSignal.timeout(timeoutMs) };
    if (r.headers) init.headers = r.headers;
    if (r.body !== undefined) init.body = r.body;
    const res = await fetchImpl(r.url, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: the adapter reports a bad answer
    }
    return { status: res.status, body };
  };
  const fresh = async (branch: Branch, parcel: Parcel, origin: Origin): Promise<Quote | CarrierError> => {
    const registry = createDefaultRegistry({ apiBase: options.apiBase() });
    const adapter = registry.get(branch.carrier);
    if (!adapter) return carrierError(branch.carrier, 'unsupported', `no tariff adapter for ${branch.carrier}`);
    try {
      let from = origin;
      const originReq = adapter.originRequest?.(origin);
      if (originReq && adapter.withOrigin) {
        const o = adapter.withOrigin(origin, await call(originReq));
        if (isCarrierError(o)) return o;
        from = o;
      }
      let point = branch;
      const refsReq = adapter.refsRequest?.(branch);
      if (refsReq && adapter.withRefs) {
        const b = adapter.withRefs(branch, await call(refsReq));
        if (isCarrierError(b)) return b;
        point = b;
      }
      const requests = adapter.quoteRequest(parcel, from, point);
      if (isCarrierError(requests)) return requests;
      const raws = await Promise.all(requests.map(call));
      const outage = raws.find((r) => r.status >= 500 || r.status === 429);
      if (outage) return carrierError(branch.carrier, 'http', `tariff API answered HTTP ${outage.status}`, [String(outage.status)], true);
      return adapter.toQuote(raws, { branch: point, parcel, origin: from, fetchedAt: options.now?.() ?? new Date() });
    } catch (e) {
      const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      return carrierError(branch.carrier, timeout ? 'timeout' : 'network', e instanceof Error ? e.message : String(e));
    }
  };
  const keyOf = (branch: Branch, parcel: Parcel, origin: Origin) => JSON.stringify([branch.id, branch.carrier, parcel, origin]);
  const lookup = (key: string, now: number): Quote | undefined => {
    const hit = cache.get(key);
    return hit && now - hit.at < cacheMs && Date.parse(hit.quote.expiresAt) > now ? hit.quote : undefined;
  };
  return {
    cached(branch, parcel, origin) {
      return lookup(keyOf(branch, parcel, origin), clock());
    },
    async quote(branch, parcel, origin) {
      const key = keyOf(branch, parcel, origin);
      const now = clock();
      const hit = lookup(key, now);
      if (hit) return hit;
      const q = await fresh(branch, parcel, origin);
      if (!('kind' in q) && cacheMs > 0) {
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
        cache.set(key, { at: now, quote: q });
      }
      return q;
    },
  };
}

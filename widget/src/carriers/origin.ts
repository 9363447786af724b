// Completing the shop's origin once, before any tariff call: each adapter that needs a ref the
// shop did not give (Nova Poshta CityRef for "UA:Київ") looks it up with one request.
import type { Origin } from '../model/index.js';
import type { CarrierRegistry } from './registry.js';
import { isCarrierError, type CarrierError } from './types.js';

export type OriginFetch = (input: string, init: RequestInit) => Promise<Response>;

/** The origin with every adapter's lookup applied; failed lookups are returned, the origin stays usable for the others. */
export async function completeOrigin(
  registry: CarrierRegistry, origin: Origin, fetchImpl: OriginFetch, signal?: AbortSignal,
): Promise<{ origin: Origin; errors: CarrierError[] }> {
  let out = origin;
  const errors: CarrierError[] = [];
  for (const adapter of registry.list()) {
    const req = adapter.originRequest?.(out);
    if (!req || !adapter.withOrigin) continue;
    try {
      const init: RequestInit = { method: req.method };
      if (signal) init.signal = signal;
      if (req.headers) init.headers = req.headers;
      if (req.body !== undefined) init.body = req.body;
      const res = await fetchImpl(req.url, init);
      const text = await res.text();
      let body: unknown = text;
      try { body = JSON.parse(text) as unknown; } catch { /* the adapter reports a non-JSON answer */ }
      const next = adapter.withOrigin(out, { status: res.status, body });
      if (isCarrierError(next)) errors.push(next);
      else out = next;
    } catch (e) {
      if (signal?.aborted) throw e;
      errors.push({ kind: 'network', carrier: adapter.id, codes: [], message: e instanceof Error ? e.message : String(e), retryable: true });
    }
  }
  return { origin: out, errors };
}

// Sandbox API calls the constructor makes. fetch is injected so the error handling is unit-tested.
import { WidgetConfig } from '../../widget/src/model/config.js';
import { SearchSuggestion } from '../../widget/src/model/feed.js';
import { parseEach } from '../../widget/src/model/validate.js';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type SaveResult =
  /** `ownerKey` comes once, with the answer that created the config: keep it to change the config later. */
  | { ok: true; config: WidgetConfig; ownerKey?: string }
  | { ok: false; message: string; field?: string; status?: number };

/** Reads `{"error":{"field","message"}}`; anything else becomes a generic message with the status. */
async function readError(res: Response): Promise<{ message: string; field?: string }> {
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const err = (body as { error: unknown }).error;
      if (typeof err === 'object' && err !== null) {
        const { message, field } = err as { message?: unknown; field?: unknown };
        if (typeof message === 'string') {
          return typeof field === 'string' && field !== '' ? { message, field } : { message };
        }
      }
    }
  } catch {
    /* not JSON: fall through */
  }
  return { message: `the server answered ${res.status} ${res.statusText}`.trim() };
}

/**
 * PUT when the config already has an id (with its owner key), POST otherwise. A PUT answered 404 (an in-memory
 * sandbox that restarted) falls back to creating it again.
 */
export async function saveConfig(fetchFn: Fetch, apiRoot: string, config: WidgetConfig, id?: string, ownerKey?: string): Promise<SaveResult> {
  const body = JSON.stringify(id ? { ...config, id } : config);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (id && ownerKey) headers.authorization = `Bearer ${ownerKey}`;
  let res: Response;
  try {
    res = id
      ? await fetchFn(`${apiRoot}/configs/${encodeURIComponent(id)}`, { method: 'PUT', headers, body })
      : await fetchFn(`${apiRoot}/configs`, { method: 'POST', headers, body });
    if (id && res.status === 404) return saveConfig(fetchFn, apiRoot, config);
  } catch (e) {
    return { ok: false, message: `could not reach the server (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!res.ok) return { ok: false, status: res.status, ...(await readError(res)) };
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    return { ok: false, status: res.status, message: 'the server answered with something that is not JSON' };
  }
  const parsed = WidgetConfig.safeParse(data);
  if (!parsed.success || !parsed.data.id) {
    return { ok: false, status: res.status, message: 'the server answered without a valid saved config id' };
  }
  const key = (data as { ownerKey?: unknown }).ownerKey;
  return typeof key === 'string' && key ? { ok: true, config: parsed.data, ownerKey: key } : { ok: true, config: parsed.data };
}

export async function loadConfig(fetchFn: Fetch, apiRoot: string, id: string): Promise<SaveResult> {
  let res: Response;
  try {
    res = await fetchFn(`${apiRoot}/configs/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
  } catch (e) {
    return { ok: false, message: `could not reach the server (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!res.ok) return { ok: false, status: res.status, ...(await readError(res)) };
  const parsed = WidgetConfig.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, status: res.status, message: 'the saved config is not valid' };
  return { ok: true, config: parsed.data };
}

export type CitySuggestion = Extract<SearchSuggestion, { kind: 'city' }>;

/** City suggestions for the map-centre search; malformed items are skipped, never shown. */
export async function searchCities(fetchFn: Fetch, apiRoot: string, q: string, signal?: AbortSignal): Promise<CitySuggestion[]> {
  const res = await fetchFn(`${apiRoot}/search?q=${encodeURIComponent(q)}&limit=8`, signal ? { signal } : undefined);
  if (!res.ok) throw new Error(`search failed: ${res.status}`);
  const body: unknown = await res.json();
  const items = typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items)
    ? (body as { items: unknown[] }).items
    : [];
  return parseEach(SearchSuggestion, items).items.filter((s): s is CitySuggestion => s.kind === 'city');
}

// The order API calls of the Orders tab, all with the widget's owner key. fetch is injected so the answers, the
// errors and malformed data are unit-tested. Every answer is validated: a malformed order is skipped and counted.
import { OrderPage, OrderView, Problem, TrackingView, type OrderStatus } from '../../widget/src/model/order.js';
import { parseEach } from '../../widget/src/model/validate.js';
import type { Fetch } from './api.js';

export interface OrderFilters {
  /** One status, or '' for all. */
  status?: OrderStatus | '';
  carrier?: string;
  /** Calendar dates YYYY-MM-DD, both inclusive (UTC days, as the API reads them). */
  from?: string;
  to?: string;
  /** A track or order number. */
  q?: string;
}

export interface Failure {
  ok: false;
  /** HTTP status; absent when the server could not be reached. */
  status?: number;
  /** The problem's stable code, e.g. "owner_key_required", "not_cancellable". */
  code?: string;
  field?: string;
  /** In English, for logs and tests; the server's own words when it gave some. */
  message: string;
  /** Set when the words are ours, not the server's, so the page can say them in the owner's language. */
  reason?: LocalReason;
}

export type LocalReason =
  | { kind: 'unreachable'; cause: string }
  | { kind: 'http'; status: string }
  | { kind: 'not-a-list' }
  | { kind: 'bad-tracking' };

export interface OrdersLoaded {
  ok: true;
  items: OrderView[];
  nextCursor?: string;
  /** Orders in the answer that failed validation and are not shown. */
  skipped: number;
}

export const PAGE_SIZE = 50;

/** The query string the list and the CSV export share: empty filters are left out. */
export function ordersQuery(configId: string, filters: OrderFilters, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams({ config: configId });
  const q = filters.q?.trim();
  if (filters.status) p.set('status', filters.status);
  if (filters.carrier) p.set('carrier', filters.carrier);
  if (filters.from) p.set('from', filters.from);
  if (filters.to) p.set('to', filters.to);
  if (q) p.set('q', q);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, v);
  return p.toString();
}

const unreachable = (e: unknown): Failure => {
  const cause = e instanceof Error ? e.message : String(e);
  return { ok: false, message: `could not reach the server (${cause})`, reason: { kind: 'unreachable', cause } };
};

/** An RFC 9457 problem (or the sandbox's older {"error":{…}} shape); anything else names the status. */
export async function readFailure(res: Response): Promise<Failure> {
  const status = `${res.status} ${res.statusText}`.trim();
  const fallback: Failure = { ok: false, status: res.status, message: `the server answered ${status}`, reason: { kind: 'http', status } };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return fallback;
  }
  const problem = Problem.safeParse(body);
  if (problem.success) {
    const p = problem.data;
    return {
      ok: false,
      status: res.status,
      message: p.detail ?? p.title,
      ...(p.code ? { code: p.code } : {}),
      ...(p.field ? { field: p.field } : {}),
    };
  }
  const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    const { message, field } = err as { message: string; field?: unknown };
    return { ok: false, status: res.status, message, ...(typeof field === 'string' && field ? { field } : {}) };
  }
  return fallback;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const auth = (ownerKey: string): Record<string, string> => ({ authorization: `Bearer ${ownerKey}`, accept: 'application/json' });

/** One page of the widget's orders, newest first. */
export async function listOrders(
  fetchFn: Fetch,
  apiRoot: string,
  configId: string,
  ownerKey: string,
  filters: OrderFilters,
  opts: { cursor?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<OrdersLoaded | Failure> {
  const query = ordersQuery(configId, filters, { cursor: opts.cursor, limit: String(opts.limit ?? PAGE_SIZE) });
  let res: Response;
  try {
    res = await fetchFn(`${apiRoot}/orders?${query}`, { headers: auth(ownerKey), ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch (e) {
    return unreachable(e);
  }
  if (!res.ok) return readFailure(res);
  const body: unknown = await res.json().catch(() => undefined);
  // The envelope first (items must be a list, the cursor a string); then every order on its own.
  const envelope = OrderPage.shape.nextCursor.safeParse(isRecord(body) ? body.nextCursor : undefined);
  const items = isRecord(body) ? body.items : undefined;
  if (!Array.isArray(items) || !envelope.success) {
    return { ok: false, status: res.status, message: 'the server answered with something that is not a list of orders', reason: { kind: 'not-a-list' } };
  }
  const parsed = parseEach(OrderView, items);
  const out: OrdersLoaded = { ok: true, items: parsed.items, skipped: parsed.rejected.length };
  if (envelope.data) out.nextCursor = envelope.data;
  return out;
}

/**
 * Whether `ownerKey` opens `configId`: the API lists orders only for the owner. A wrong key and an unknown config
 * both answer 403 (the API does not tell which).
 */
export async function verifyOwnerKey(fetchFn: Fetch, apiRoot: string, configId: string, ownerKey: string): Promise<{ ok: true } | Failure> {
  const r = await listOrders(fetchFn, apiRoot, configId, ownerKey, {}, { limit: 1 });
  return r.ok ? { ok: true } : r;
}

export async function getTracking(fetchFn: Fetch, apiRoot: string, orderId: string, ownerKey: string): Promise<{ ok: true; tracking: TrackingView } | Failure> {
  let res: Response;
  try {
    res = await fetchFn(`${apiRoot}/orders/${encodeURIComponent(orderId)}/tracking`, { headers: auth(ownerKey) });
  } catch (e) {
    return unreachable(e);
  }
  if (!res.ok) return readFailure(res);
  const parsed = TrackingView.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, status: res.status, message: 'the server answered with a tracking timeline that is not valid', reason: { kind: 'bad-tracking' } };
  return { ok: true, tracking: parsed.data };
}

/** Cancels at the carrier. The answer's order is returned when it is valid (otherwise reload it). */
export async function cancelOrder(fetchFn: Fetch, apiRoot: string, orderId: string, ownerKey: string): Promise<{ ok: true; order?: OrderView } | Failure> {
  let res: Response;
  try {
    res = await fetchFn(`${apiRoot}/orders/${encodeURIComponent(orderId)}/cancel`, { method: 'POST', headers: auth(ownerKey) });
  } catch (e) {
    return unreachable(e);
  }
  if (!res.ok) return readFailure(res);
  const parsed = OrderView.safeParse(await res.json().catch(() => undefined));
  return parsed.success ? { ok: true, order: parsed.data } : { ok: true };
}

/** The CSV export with the same filters, as a Blob to download, and the file name the server suggests. */
export async function fetchOrdersCsv(
  fetchFn: Fetch,
  apiRoot: string,
  configId: string,
  ownerKey: string,
  filters: OrderFilters,
): Promise<{ ok: true; blob: Blob; filename: string } | Failure> {
  let res: Response;
  try {
    res = await fetchFn(`${apiRoot}/orders.csv?${ordersQuery(configId, filters)}`, { headers: { authorization: `Bearer ${ownerKey}`, accept: 'text/csv' } });
  } catch (e) {
    return unreachable(e);
  }
  if (!res.ok) return readFailure(res);
  const named = /filename="([^"\\/]{1,128})"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  // Read as bytes, not text: text() would drop the BOM that makes spreadsheets read UTF-8.
  const blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
  return { ok: true, blob, filename: named ?? `orders-${configId}.csv` };
}

// The buyer's reads of the order API, for <bp-tracking> and for shops that render tracking themselves. Unlike
// createOrderClient it needs no widget config id: a tracking link carries only the order id and its token, and a
// buyer who types a track number knows only that and their phone.
import { OrderView } from '../model/order.js';
import { TrackingAnswer } from '../model/tracking-point.js';
import { requestWithRetry, retryPolicy, type FetchLike } from './request.js';

export interface TrackingClientOptions {
  /** Origin (and path prefix) of the order API; `/api/v1/...` is appended. Empty: the page's own origin. */
  apiBase: string;
  fetch?: FetchLike;
  /** Attempts per read, first one included (default 3: a poll that fails is tried again at the next poll anyway). */
  maxAttempts?: number;
  /** Time budget of one attempt, ms (default 10 000). */
  attemptTimeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface TrackingClient {
  /** `GET /api/v1/orders/{id}` with the order's token. */
  order(id: string, token: string): Promise<OrderView>;
  /** `GET /api/v1/orders/{id}/tracking`: status, timeline newest first, ETA, storage deadline and the point snapshot. */
  tracking(id: string, token: string): Promise<TrackingAnswer>;
  /**
   * `POST /api/v1/tracking/lookup`: the same answer by track number and the recipient's phone (sent in the body, so
   * it stays out of URLs and logs). Rejects with OrderApiError 404 `not_found` when either does not match.
   */
  lookup(trackNumber: string, phone: string): Promise<TrackingAnswer>;
}

const ACCEPT = 'application/json, application/problem+json';

export function createTrackingClient(options: TrackingClientOptions): TrackingClient {
  const api = `${options.apiBase.replace(/\/+$/, '')}/api/v1`;
  const policy = retryPolicy(options, 3);
  const orderUrl = (id: string) => `${api}/orders/${encodeURIComponent(id)}`;
  const withToken = (token: string) => ({ method: 'GET', headers: { Accept: ACCEPT, Authorization: `Bearer ${token}` } });

  return {
    order: (id, token) => requestWithRetry(policy, orderUrl(id), withToken(token), OrderView),
    tracking: (id, token) => requestWithRetry(policy, `${orderUrl(id)}/tracking`, withToken(token), TrackingAnswer),
    lookup: (trackNumber, phone) => requestWithRetry(policy, `${api}/tracking/lookup`, {
      method: 'POST',
      headers: { Accept: ACCEPT, 'Content-Type': 'application/json' },
      body: JSON.stringify({ trackNumber, phone }),
    }, TrackingAnswer),
  };
}

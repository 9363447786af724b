// Test helpers for the order client: a fake fetch answered by hand, valid API bodies, a Map-backed Storage.
import type { CreatedOrder, OrderView, Problem, TrackingView } from '../model/order.js';
import type { Quote } from '../model/quote.js';
import type { OrderIntent } from './client.js';
import type { FetchLike } from './request.js';

export interface Call {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
  body: string | undefined;
  aborted: boolean;
  abortReason: unknown;
  respond(status: number, body: unknown, headers?: Record<string, string>): void;
  fail(error?: Error): void;
}

export function fakeFetch() {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const call: Call = {
        url,
        init,
        headers: { ...(init.headers as Record<string, string>) },
        body: init.body === undefined ? undefined : String(init.body),
        aborted: false,
        abortReason: undefined,
        respond: (status, body, headers = {}) => resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), {
          status,
          headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
        })),
        fail: (error = new TypeError('fetch failed')) => reject(error),
      };
      init.signal?.addEventListener('abort', () => {
        call.aborted = true;
        call.abortReason = init.signal?.reason;
        reject(init.signal?.reason as Error);
      });
      calls.push(call);
    });
  return { fetch, calls };
}

/** Lets resolved answers run through the client (body reading, parsing, the next attempt). */
export const flush = () => new Promise((r) => setTimeout(r, 0));

/** Returns the given values in turn (then repeats the last). */
export const sequence = <T>(...values: T[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
};

export const QUOTE: Quote = {
  carrier: 'russian-post',
  service: '23030',
  pointId: 'rp-101000',
  currency: 'RUB',
  total: 35000,
  breakdown: [{ kind: 'delivery', amount: 35000 }],
  vat: { rate: 20, amount: 5833 },
  deliveryDays: { min: 2, max: 4 },
  expiresAt: '2026-12-01T12:00:00+03:00',
};

export const FRESH_QUOTE: Quote = { ...QUOTE, total: 41000, breakdown: [{ kind: 'delivery', amount: 41000 }], vat: { rate: 20, amount: 6833 } };

export const INTENT: OrderIntent = {
  orderNumber: 'A-1001',
  pointId: 'rp-101000',
  carrier: 'russian-post',
  parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } },
  recipient: { givenName: 'Ivan', surname: 'Petrov', phone: '+7 912 345-67-89' },
  quote: QUOTE,
};

export function orderView(id = 'ord_1', orderNumber = 'A-1001', over: Partial<OrderView> = {}): OrderView {
  return {
    id,
    orderNumber,
    configId: 'shop-1',
    status: 'created',
    carrier: 'russian-post',
    pointId: 'rp-101000',
    pointName: 'Москва 101000',
    pointAddress: 'Мясницкая ул., 26',
    parcel: INTENT.parcel,
    recipient: INTENT.recipient,
    quote: QUOTE,
    createdAt: '2026-12-01T10:00:00+03:00',
    updatedAt: '2026-12-01T10:00:00+03:00',
    links: { self: `/api/v1/orders/${id}`, tracking: `/api/v1/orders/${id}/tracking`, cancel: `/api/v1/orders/${id}/cancel` },
    ...over,
  };
}

export const created = (id = 'ord_1', orderNumber = 'A-1001'): CreatedOrder => ({ ...orderView(id, orderNumber), token: 'tok_0123456789abcdef' });

export const TRACKING: TrackingView = {
  orderId: 'ord_1',
  status: 'in_transit',
  carrier: 'russian-post',
  trackNumber: 'RA123456785RU',
  pointId: 'rp-101000',
  pointName: 'Москва 101000',
  pointAddress: 'Мясницкая ул., 26',
  events: [{ status: 'in_transit', carrierCode: '8/2', description: 'Покинуло сортировочный центр', at: '2026-12-02T08:15:00+03:00' }],
};

export const problem = (status: number, title: string, over: Partial<Problem> = {}): Problem => ({
  type: `https://picker.example/problems/${status}`, title, status, ...over,
});

/** A Map-backed Storage: what localStorage offers, without a DOM. */
export class MapStorage {
  readonly map = new Map<string, string>();
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, String(v)); }
  removeItem(k: string) { this.map.delete(k); }
}

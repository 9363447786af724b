// The order client for shops: exactly-once order submission over an unreliable network, and the buyer's reads.
import { ConfigId, CreatedOrder, IDEMPOTENCY_RETENTION_S, OrderView, type OrderInput } from '../model/order.js';
import { TrackingAnswer } from '../model/tracking-point.js';
import { OrderApiError, PendingIntentError } from './errors.js';
import { formatIdempotencyKey, randomKey } from './idempotency-key.js';
import { canonicalJson, memoryStore, type PendingIntent, type PendingOrderStore } from './pending.js';
import { requestWithRetry, retryPolicy, type FetchLike } from './request.js';

export interface OrderClientOptions {
  /** Origin (and path prefix) of the order API, e.g. "https://picker.example"; `/api/v1/orders` is appended. */
  apiBase: string;
  /** The widget (config) the orders come through; added to every submitted payload. */
  configId: string;
  fetch?: FetchLike;
  /** Where pending intents live between attempts, reloads and restarts (default: memory only). */
  store?: PendingOrderStore;
  /** Attempts per call, first one included (default 6). */
  maxAttempts?: number;
  /** Time budget of one attempt, ms (default 10 000). */
  attemptTimeoutMs?: number;
  /** Full-jitter backoff base and cap, ms (default 500 and 5 000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** New idempotency keys (default crypto.randomUUID). */
  newKey?: () => string;
  /** Epoch ms, for the key's age (default Date.now). */
  now?: () => number;
}

/** What a shop submits: the order without `configId` (the client adds it), with an optional intent id. */
export type OrderIntent = Omit<OrderInput, 'configId'> & {
  /** One order intent = one idempotency key (default: the order number). */
  intentId?: string;
};

export type ResumeResult = { intentId: string } & (
  | { status: 'fulfilled'; value: CreatedOrder }
  | { status: 'rejected'; reason: unknown }
);

export interface OrderClient {
  /**
   * Places the order exactly once. Resolves with the created order (and its token); rejects with OrderApiError /
   * QuoteChangedError on a definite refusal (the intent is forgotten), OrderRetryExhaustedError when no attempt got a
   * definite answer (the intent stays pending for resume()), PendingIntentError when a pending intent blocks it.
   */
  submit(intent: OrderIntent): Promise<CreatedOrder>;
  /** Sends every pending intent of this config again, with its stored key and payload. One result per intent. */
  resume(): Promise<ResumeResult[]>;
  /** Pending intents of this config. */
  pending(): Promise<PendingIntent[]>;
  /** Forgets a pending intent (after checking what became of it): the next submit gets a new key. */
  discard(intentId: string): Promise<void>;
  get(id: string, token: string): Promise<OrderView>;
  /** The timeline plus the point snapshot (`point`: its time zone and hours), as <bp-tracking> shows it. */
  tracking(id: string, token: string): Promise<TrackingAnswer>;
  cancel(id: string, token: string): Promise<OrderView>;
}


export function createOrderClient(options: OrderClientOptions): OrderClient {
  const { configId } = options;
  if (!ConfigId.safeParse(configId).success) throw new TypeError(`invalid configId "${configId}"`);
  const base = options.apiBase.replace(/\/+$/, '');
  const orders = `${base}/api/v1/orders`;
  const store = options.store ?? memoryStore();
  const newKey = options.newKey ?? randomKey;
  const now = options.now ?? Date.now;
  const policy = retryPolicy(options, 6);

  /** One promise per intent in flight: a double click or a resume() during a submit joins it. */
  const inFlight = new Map<string, { fingerprint: string; promise: Promise<CreatedOrder> }>();

  function once(intentId: string, fingerprint: string, run: () => Promise<CreatedOrder>): Promise<CreatedOrder> {
    const running = inFlight.get(intentId);
    if (running) {
      return running.fingerprint === fingerprint ? running.promise : Promise.reject(new PendingIntentError(intentId, 'conflict'));
    }
    const promise = run().finally(() => {
      if (inFlight.get(intentId)?.promise === promise) inFlight.delete(intentId);
    });
    inFlight.set(intentId, { fingerprint, promise });
    return promise;
  }

  async function forget(intentId: string): Promise<void> {
    try {
      await store.remove(intentId);
    } catch {
      // A record left behind is harmless: resuming it replays the same answer.
    }
  }

  async function send(p: PendingIntent): Promise<CreatedOrder> {
    if (now() - p.createdAt >= IDEMPOTENCY_RETENTION_S * 1000) throw new PendingIntentError(p.intentId, 'expired');
    try {
      const order = await requestWithRetry(policy, orders, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, application/problem+json',
          'Idempotency-Key': formatIdempotencyKey(p.key),
        },
        body: JSON.stringify(p.input),
      }, CreatedOrder, p.intentId);
      await forget(p.intentId);
      return order;
    } catch (e) {
      if (e instanceof OrderApiError) await forget(p.intentId);
      throw e;
    }
  }

  const mine = async () => (await store.load()).filter((p) => p.input.configId === configId);

  const read = <T>(url: string, token: string, schema: Parameters<typeof requestWithRetry<T>>[3], method = 'GET') =>
    requestWithRetry(policy, url, {
      method,
      headers: { Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token}` },
    }, schema);
  const orderUrl = (id: string) => `${orders}/${encodeURIComponent(id)}`;

  return {
    submit(intent) {
      const { intentId = intent.orderNumber, ...rest } = intent;
      const input = { ...rest, configId } as OrderInput;
      const fingerprint = canonicalJson(input);
      return once(intentId, fingerprint, async () => {
        const pending = (await store.load()).find((p) => p.intentId === intentId);
        if (pending) {
          if (canonicalJson(pending.input) !== fingerprint) throw new PendingIntentError(intentId, 'conflict');
          return send(pending);
        }
        const record: PendingIntent = { intentId, key: newKey(), input, createdAt: now() };
        await store.save(record);
        return send(record);
      });
    },

    async resume() {
      const list = await mine();
      const settled = await Promise.allSettled(list.map((p) => once(p.intentId, canonicalJson(p.input), () => send(p))));
      return list.map((p, i) => ({ intentId: p.intentId, ...settled[i]! }));
    },

    pending: mine,

    async discard(intentId) {
      await store.remove(intentId);
    },

    get: (id, token) => read(orderUrl(id), token, OrderView),
    tracking: (id, token) => read(`${orderUrl(id)}/tracking`, token, TrackingAnswer),
    cancel: (id, token) => read(`${orderUrl(id)}/cancel`, token, OrderView, 'POST'),
  };
}

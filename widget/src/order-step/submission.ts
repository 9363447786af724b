// The order step's submission controller: the ONE path an order takes from the buyer's confirm to the order API,
// through createOrderClient (one idempotency key per intent, kept with its payload in the pending store before
// the first request). It owns the state the element renders; the element never stores copies.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FINAL_STATUSES, type CreatedOrder } from '../model/order.js';
import type { Quote } from '../model/quote.js';
import { createOrderClient, type OrderClient, type OrderClientOptions, type OrderIntent } from '../orders/client.js';
import { OrderApiError, OrderRetryExhaustedError, PendingIntentError, QuoteChangedError } from '../orders/errors.js';
import type { PendingIntent, PendingOrderStore } from '../orders/pending.js';
import type { FetchLike } from '../orders/request.js';
import { orderStore, pendingOrder } from './order-store.js';

export type SubmissionState =
  | { kind: 'idle' }
  /** A request is out (or waiting for its next attempt). */
  | { kind: 'sending' }
  /** No network: the intent is pending and goes out again on the `online` event. */
  | { kind: 'offline' }
  /** The API gave no definite answer (5xx, timeouts): the intent is pending; the buyer may send it again. */
  | { kind: 'stalled' }
  /** 409: the price changed; the buyer confirms `quote` and a new submit (new key) follows. */
  | { kind: 'quote-changed'; quote: Quote }
  /** A definite refusal (4xx): the intent is forgotten, the buyer's data is kept. */
  | { kind: 'refused'; error: OrderApiError }
  | { kind: 'failed'; error: unknown }
  | { kind: 'done'; order: CreatedOrder }
  /** Resume mode found nothing to finish. */
  | { kind: 'nothing-pending' };

export interface SubmissionHost extends ReactiveControllerHost {
  apiBase: string;
  configId: string;
  store: PendingOrderStore | undefined;
  fetch: FetchLike | undefined;
  retry: RetryOptions | undefined;
}

/** How long the client keeps trying before it reports "no definite answer" (defaults: the order client's). */
export type RetryOptions = Pick<OrderClientOptions, 'maxAttempts' | 'attemptTimeoutMs' | 'baseDelayMs' | 'maxDelayMs'>;

export interface SubmissionOptions {
  /** Called once per created order. */
  done(order: CreatedOrder): void;
  /** Delays of the follow-up reads that pick up the track number (the carrier registers within seconds). */
  followDelaysMs?: readonly number[];
}

/** The shop's intent from a stored pending record (resume after a reload: no branch at hand, only the payload). */
export function intentOf(p: PendingIntent): OrderIntent {
  const { configId: _configId, ...rest } = p.input;
  return { ...rest, intentId: p.intentId };
}

export class OrderSubmission implements ReactiveController {
  state: SubmissionState = { kind: 'idle' };
  /** What is being (or was last) sent; after a reload, what the pending record holds. */
  intent: OrderIntent | undefined;
  private flight: Promise<void> | undefined;
  private client: { key: unknown[]; value: OrderClient } | undefined;
  private connected = false;
  private followRun = 0;

  constructor(private readonly host: SubmissionHost, private readonly options: SubmissionOptions) {
    host.addController(this);
  }

  get inFlight(): boolean {
    return this.flight !== undefined;
  }

  hostConnected(): void {
    this.connected = true;
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('offline', this.onOffline);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.followRun++;
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('offline', this.onOffline);
  }

  /** The store in use: the host's, else localStorage under this config's prefix. */
  get store(): PendingOrderStore {
    if (this.host.store) return this.host.store;
    const { configId } = this.host;
    if (this.defaultStore?.configId !== configId) this.defaultStore = { configId, store: orderStore(configId) };
    return this.defaultStore.store;
  }
  private defaultStore: { configId: string; store: PendingOrderStore } | undefined;

  /** Sends `intent`. A second call while one is in flight joins it: one confirm, one order. */
  submit(intent: OrderIntent): Promise<void> {
    if (this.flight) return this.flight;
    this.intent = intent;
    return this.fly(() => this.renewExpired(intent, this.orders().submit(intent)));
  }

  /** Sends the intent in hand again, with its stored key (after offline, a stalled API, a reload). */
  retry(): Promise<void> {
    return this.intent ? this.submit(this.intent) : Promise.resolve();
  }

  /** Finishes the pending intent of this config, if any (resume mode: a reload or a closed tab). */
  async resume(): Promise<void> {
    if (this.flight) return this.flight;
    const pending = await pendingOrder(this.host.configId, this.store);
    if (!pending) {
      this.set({ kind: 'nothing-pending' });
      return;
    }
    this.intent = intentOf(pending);
    return this.fly(async () => {
      const results = await this.orders().resume();
      const mine = results.find((r) => r.intentId === pending.intentId);
      if (!mine) throw new Error(`pending order ${pending.intentId} vanished from the store`);
      if (mine.status === 'rejected') return this.renewExpired(intentOf(pending), Promise.reject(mine.reason));
      return mine.value;
    });
  }

  /**
   * A pending key older than the API keeps keys cannot be replayed. Sending the same payload under a new key is
   * still safe: order numbers are unique per widget, so if the first attempt did land, the API answers
   * duplicate_order_number instead of creating a second order.
   */
  private async renewExpired(intent: OrderIntent, attempt: Promise<CreatedOrder>): Promise<CreatedOrder> {
    try {
      return await attempt;
    } catch (e) {
      if (!(e instanceof PendingIntentError && e.reason === 'expired')) throw e;
      await this.orders().discard(e.intentId);
      return this.orders().submit(intent);
    }
  }

  /** The buyer accepted the new price: the same intent at that price, under a new key (the old one was refused). */
  confirmQuote(quote: Quote): Promise<void> {
    return this.intent ? this.submit({ ...this.intent, quote }) : Promise.resolve();
  }

  private fly(run: () => Promise<CreatedOrder>): Promise<void> {
    this.set(isOffline() ? { kind: 'offline' } : { kind: 'sending' });
    // The flight ends before its outcome is published, so the render that shows the outcome is not a busy one.
    const flight = run().then(
      (order) => {
        this.flight = undefined;
        this.set({ kind: 'done', order });
        this.options.done(order);
        void this.follow(order);
      },
      (error: unknown) => {
        this.flight = undefined;
        this.set(classify(error));
      },
    );
    this.flight = flight;
    return flight;
  }

  /** Reads the order a few times until the carrier registered it, so the track number shows up when known. */
  private async follow(order: CreatedOrder): Promise<void> {
    const run = ++this.followRun;
    for (const ms of this.options.followDelaysMs ?? [1000, 2000, 3000, 5000, 8000]) {
      await new Promise((r) => setTimeout(r, ms));
      if (run !== this.followRun || !this.connected) return;
      try {
        const view = await this.orders().get(order.id, order.token);
        if (run !== this.followRun || this.state.kind !== 'done') return;
        this.set({ kind: 'done', order: { ...this.state.order, status: view.status, ...(view.trackNumber ? { trackNumber: view.trackNumber } : {}) } });
        if (view.trackNumber || FINAL_STATUSES.has(view.status)) return;
      } catch {
        return; // the order exists; a failed follow-up read only leaves the track number unknown
      }
    }
  }

  private orders(): OrderClient {
    const { apiBase, configId, fetch, retry } = this.host;
    const store = this.store;
    const key = [apiBase, configId, fetch, store, retry];
    if (!this.client || this.client.key.some((v, i) => v !== key[i])) {
      this.client = { key, value: createOrderClient({ apiBase, configId, store, ...retry, ...(fetch ? { fetch } : {}) }) };
    }
    return this.client.value;
  }

  private set(state: SubmissionState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private readonly onOnline = () => {
    if (this.state.kind !== 'offline') return;
    // A flight waiting for its next attempt goes on by itself; an exhausted one is sent again with its stored key.
    if (this.flight) this.set({ kind: 'sending' });
    else void this.retry();
  };

  private readonly onOffline = () => {
    if (this.flight) this.set({ kind: 'offline' });
  };
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function classify(error: unknown): SubmissionState {
  if (error instanceof QuoteChangedError) return { kind: 'quote-changed', quote: error.quote };
  if (error instanceof OrderApiError) return { kind: 'refused', error };
  if (error instanceof OrderRetryExhaustedError) return error.lastStatus === undefined ? { kind: 'offline' } : { kind: 'stalled' };
  return { kind: 'failed', error };
}

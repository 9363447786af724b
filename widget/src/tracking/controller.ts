// Loads one parcel's tracking and keeps it fresh: the controller owns the state (status / value / error), follows
// the host's lifecycle and asks the host to render when it changes. Polls per poll-policy.ts, pauses while the
// page is hidden, waits for the connection while offline, and stops once the status is final or the order is unknown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OrderStatus } from '../model/order.js';
import type { TrackingAnswer } from '../model/tracking-point.js';
import { OrderApiError } from '../orders/errors.js';
import type { TrackingClient } from '../orders/tracking-client.js';
import { afterAnswer, afterFailure, nextPollDelay, type PollOptions, type PollState } from './poll-policy.js';

/** Where the parcel is read from: the link's order id + token, or the track number + recipient phone. */
export type TrackingSource =
  | { kind: 'order'; orderId: string; token: string }
  | { kind: 'lookup'; trackNumber: string; phone: string };

/**
 * `idle`: nothing to load (the element shows the lookup form). `loading`: the first answer is on its way.
 * `ready`: `value` holds the last answer. `not-found`: a wrong link, or no parcel with that number and phone.
 * `blocked`: too many wrong phones for that track number. `offline` / `error`: no answer; `value` may still hold
 * the last one (shown as the last known status).
 */
export type TrackingState = 'idle' | 'loading' | 'ready' | 'not-found' | 'blocked' | 'offline' | 'error';

export interface TrackingControllerOptions {
  client: () => TrackingClient;
  poll: () => PollOptions;
  now?: () => number;
  /** For tests: the page whose visibility and connection are followed (default the real document and window). */
  env?: TrackingEnv;
}

interface Listens {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface TrackingEnv {
  document: Listens & { readonly hidden: boolean };
  navigator: { readonly onLine: boolean };
  /** Where `online` / `offline` fire (the window). */
  target: Listens;
}

export class TrackingController implements ReactiveController {
  state: TrackingState = 'idle';
  value: TrackingAnswer | undefined;
  error: unknown;
  /** Epoch ms of the last answer. */
  checkedAt: number | undefined;
  /** The status before the latest answer changed it (undefined when it did not): what the live region announces. */
  changedFrom: OrderStatus | 'none' | undefined;

  private source: TrackingSource | undefined;
  private poll: PollState = { status: undefined, unchanged: 0, failures: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every new source and disconnect: an answer for an older run is dropped. */
  private run = 0;
  private inFlight = false;
  private connected = false;
  private dueAt: number | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly o: TrackingControllerOptions) {
    host.addController(this);
  }

  private get env(): TrackingEnv {
    return this.o.env ?? { document: globalThis.document, navigator: globalThis.navigator, target: globalThis };
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  hostConnected(): void {
    this.connected = true;
    const { document, target } = this.env;
    document.addEventListener('visibilitychange', this.onVisibility);
    target.addEventListener('online', this.onOnline);
    target.addEventListener('offline', this.onOffline);
    if (this.source && this.state !== 'not-found' && this.state !== 'blocked') void this.load();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.run++;
    this.inFlight = false;
    this.clearTimer();
    const { document, target } = this.env;
    document.removeEventListener('visibilitychange', this.onVisibility);
    target.removeEventListener('online', this.onOnline);
    target.removeEventListener('offline', this.onOffline);
  }

  /** A new parcel to follow (or none): the previous run is dropped, its answer never shown. */
  setSource(source: TrackingSource | undefined): void {
    if (sameSource(source, this.source)) return;
    this.source = source;
    this.run++;
    this.inFlight = false;
    this.clearTimer();
    this.value = undefined;
    this.error = undefined;
    this.checkedAt = undefined;
    this.changedFrom = undefined;
    this.poll = { status: undefined, unchanged: 0, failures: 0 };
    this.state = source ? 'loading' : 'idle';
    this.host.requestUpdate();
    if (source && this.connected) void this.load();
  }

  /** Ask now (the Refresh / Try again buttons). */
  refresh(): void {
    if (this.source) void this.load();
  }

  private async load(): Promise<void> {
    const source = this.source;
    if (!source || this.inFlight) return;
    this.clearTimer();
    this.dueAt = undefined;
    if (!this.env.navigator.onLine) {
      this.state = 'offline';
      this.host.requestUpdate();
      return; // 'online' resumes
    }
    const run = this.run;
    this.inFlight = true;
    if (!this.value) {
      this.state = 'loading';
      this.host.requestUpdate();
    }
    try {
      const client = this.o.client();
      const answer = source.kind === 'order'
        ? await client.tracking(source.orderId, source.token)
        : await client.lookup(source.trackNumber, source.phone);
      if (run !== this.run) return;
      const before = this.value?.status;
      this.changedFrom = before === answer.status ? undefined : (before ?? 'none');
      this.poll = afterAnswer(this.poll, answer.status);
      this.value = answer;
      this.error = undefined;
      this.checkedAt = this.now();
      this.state = 'ready';
      this.schedule();
    } catch (e) {
      if (run !== this.run) return;
      this.error = e;
      this.changedFrom = undefined;
      if (e instanceof OrderApiError && (e.status === 404 || e.status === 403 || e.status === 401)) {
        // Definite: the link is wrong or the number and phone do not match. Nothing to poll.
        this.state = 'not-found';
        this.value = undefined;
      } else if (e instanceof OrderApiError && e.code === 'too_many_attempts') {
        this.state = 'blocked';
        this.value = undefined;
      } else {
        this.state = this.env.navigator.onLine ? 'error' : 'offline';
        this.poll = afterFailure(this.poll);
        this.schedule();
      }
    } finally {
      if (run === this.run) {
        this.inFlight = false;
        this.host.requestUpdate();
      }
    }
  }

  private schedule(): void {
    this.clearTimer();
    this.dueAt = undefined;
    const delay = nextPollDelay(this.poll, this.o.poll());
    if (delay === null || !this.connected) return;
    this.dueAt = this.now() + delay;
    // Hidden pages do not poll; becoming visible asks at once if the poll fell due meanwhile.
    if (this.env.document.hidden) return;
    this.timer = setTimeout(() => void this.load(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly onVisibility = (): void => {
    if (this.env.document.hidden) {
      this.clearTimer();
      return;
    }
    if (this.dueAt === undefined || !this.source) return;
    const wait = this.dueAt - this.now();
    if (wait <= 0) void this.load();
    else this.timer = setTimeout(() => void this.load(), wait);
  };

  private readonly onOnline = (): void => {
    if (this.source && (this.state === 'offline' || this.state === 'error')) void this.load();
  };

  private readonly onOffline = (): void => {
    if (this.state === 'ready' || this.state === 'loading') {
      this.state = 'offline';
      this.host.requestUpdate();
    }
  };
}

function sameSource(a: TrackingSource | undefined, b: TrackingSource | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'order' && b.kind === 'order') return a.orderId === b.orderId && a.token === b.token;
  if (a.kind === 'lookup' && b.kind === 'lookup') return a.trackNumber === b.trackNumber && a.phone === b.phone;
  return false;
}

// When <bp-tracking> asks again. A parcel changes status a few times over days, and thousands of buyers may keep
// the page open: polls start at `baseMs`, double while nothing changes (up to `maxMs`), start over after a change,
// back off from `errorBaseMs` while requests fail, and stop for good once the status is final.
import { FINAL_STATUSES, type OrderStatus } from '../model/order.js';

export interface PollOptions {
  /** First delay after an answer, ms (the `poll-interval` attribute). */
  baseMs: number;
  /** Longest delay, ms. */
  maxMs: number;
  /** First delay after a failed request, ms. */
  errorBaseMs: number;
  /** Uniform in [0, 1): ±20% jitter so pages opened together do not poll together. */
  random: () => number;
}

export const DEFAULT_POLL: Omit<PollOptions, 'random'> = { baseMs: 30_000, maxMs: 10 * 60_000, errorBaseMs: 5_000 };
/** Lower bound of `poll-interval`: faster than this is a load test, not tracking. */
export const MIN_POLL_MS = 1_000;

export interface PollState {
  /** The last status the API answered (undefined before the first answer). */
  status: OrderStatus | undefined;
  /** Answers in a row with the same status as the one before. */
  unchanged: number;
  /** Failed requests in a row. */
  failures: number;
}

export function isFinal(status: OrderStatus | undefined): boolean {
  return status !== undefined && FINAL_STATUSES.has(status);
}

/** Milliseconds until the next poll, or null: the status is final and nothing will change any more. */
export function nextPollDelay(s: PollState, o: PollOptions): number | null {
  if (isFinal(s.status)) return null;
  const raw = s.failures > 0
    ? o.errorBaseMs * 2 ** Math.min(s.failures - 1, 20)
    : o.baseMs * 2 ** Math.min(s.unchanged, 20);
  const capped = Math.min(o.maxMs, raw);
  return Math.round(capped * (0.8 + 0.4 * o.random()));
}

/** The state after an answer with `status`. */
export function afterAnswer(s: PollState, status: OrderStatus): PollState {
  return { status, unchanged: s.status === status ? s.unchanged + 1 : 0, failures: 0 };
}

/** The state after a failed request (the status stays what it was). */
export function afterFailure(s: PollState): PollState {
  return { ...s, failures: s.failures + 1 };
}

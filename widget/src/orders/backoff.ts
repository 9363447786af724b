// When to try again, and how long to wait first (full jitter, AWS/Stripe practice).
import type { Problem } from '../model/order.js';

export interface BackoffOptions {
  /** Base delay, ms (default 500). */
  base: number;
  /** Largest delay, ms (default 5 000). */
  cap: number;
  /** Uniform in [0, 1). */
  random: () => number;
}

/** Delay before the retry that follows failed attempt `attempt` (0-based): `random() * min(cap, base * 2^attempt)`. */
export function retryDelay(attempt: number, { base, cap, random }: BackoffOptions): number {
  return random() * Math.min(cap, base * 2 ** attempt);
}

/**
 * Whether an HTTP answer may change on its own: 408, 429, every 5xx, and 409 `in_flight` (the first request with this
 * key is still running). A bare 409 without a code is read as in-flight too (the idempotency draft's meaning). Every
 * other 4xx, 409 `quote_changed` and `not_cancellable` included, is definite.
 */
export function isRetryable(status: number, problem?: Pick<Problem, 'code'>): boolean {
  if (status === 408 || status === 429 || status >= 500) return true;
  if (status === 409) return problem?.code === undefined || problem.code === 'in_flight';
  return false;
}

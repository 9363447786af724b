// What the order client throws. A definite answer from the API (any 4xx it does not retry) is an OrderApiError;
// a changed price is the QuoteChangedError subclass, carrying the fresh quote for the buyer to confirm.
// OrderRetryExhaustedError means "no definite answer yet": the pending intent is kept and resume() can finish it.
import type { Problem } from '../model/order.js';
import type { Quote } from '../model/quote.js';

export class OrderApiError extends Error {
  override name = 'OrderApiError';
  readonly status: number;
  readonly problem: Problem;
  /** The first bad field from the problem, e.g. "recipient.phone". */
  readonly field: string | undefined;
  /** The problem's machine-readable code, e.g. "key_reused", "not_cancellable". */
  readonly code: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.field = problem.field;
    this.code = problem.code;
  }
}

/** 409 `quote_changed`: show `quote` to the buyer; submitting again (with this quote) uses a new idempotency key. */
export class QuoteChangedError extends OrderApiError {
  override name = 'QuoteChangedError';
  readonly quote: Quote;

  constructor(problem: Problem & { quote: Quote }) {
    super(problem);
    this.quote = problem.quote;
  }
}

/** Every attempt failed without a definite answer (network, timeouts, 5xx, 429, 409 in_flight, malformed 2xx). */
export class OrderRetryExhaustedError extends Error {
  override name = 'OrderRetryExhaustedError';
  readonly attempts: number;
  /** HTTP status of the last answer; undefined when the last attempt got none (network error, timeout). */
  readonly lastStatus: number | undefined;
  /** The submit's intent; undefined for get/tracking/cancel. Its pending record stays in the store. */
  readonly intentId: string | undefined;

  constructor(attempts: number, lastStatus: number | undefined, cause: unknown, intentId?: string) {
    super(`no definite answer after ${attempts} attempt${attempts === 1 ? '' : 's'}${lastStatus ? ` (last HTTP ${lastStatus})` : ''}`, { cause });
    this.attempts = attempts;
    this.lastStatus = lastStatus;
    this.intentId = intentId;
  }
}

/**
 * A pending intent the client will not send as asked. `conflict`: the intent is pending (or in flight) with a different
 * payload; sending it under the pending key would be refused (422), under a new key it could order twice.
 * `expired`: the pending key is older than the API keeps keys (IDEMPOTENCY_RETENTION_S), so a retry would be
 * a new order. Either way the record stays; check the order's fate, then `discard(intentId)` to start over.
 */
export class PendingIntentError extends Error {
  override name = 'PendingIntentError';
  readonly intentId: string;
  readonly reason: 'conflict' | 'expired';

  constructor(intentId: string, reason: 'conflict' | 'expired') {
    super(reason === 'conflict'
      ? `order intent "${intentId}" is pending with a different payload`
      : `the idempotency key of order intent "${intentId}" has expired on the server`);
    this.intentId = intentId;
    this.reason = reason;
  }
}

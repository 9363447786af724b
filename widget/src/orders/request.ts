// One order API call with bounded retries: an AbortSignal and a time budget per attempt, full-jitter backoff between
// attempts, the 2xx body checked against its schema, problem+json errors turned into typed errors.
import { z } from '../model/zod.js';
import { Problem } from '../model/order.js';
import { isRetryable, retryDelay } from './backoff.js';
import { OrderApiError, OrderRetryExhaustedError, QuoteChangedError } from './errors.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  fetch: FetchLike;
  maxAttempts: number;
  attemptTimeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** The retry options both clients take; anything unset gets the defaults (full jitter, 0.5 s base, 5 s cap, 10 s per attempt). */
export type RetryOptions = Partial<Omit<RetryPolicy, 'maxAttempts'>> & { maxAttempts?: number };

/** A complete policy from a client's options, with that client's default number of attempts. */
export function retryPolicy(o: RetryOptions, defaultAttempts: number): RetryPolicy {
  const maxAttempts = o.maxAttempts ?? defaultAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be an integer >= 1');
  return {
    fetch: o.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    maxAttempts,
    attemptTimeoutMs: o.attemptTimeoutMs ?? 10_000,
    baseDelayMs: o.baseDelayMs ?? 500,
    maxDelayMs: o.maxDelayMs ?? 5_000,
    random: o.random ?? Math.random,
    sleep: o.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; retry: boolean; status: number | undefined; error: unknown };

/** Sends `init` (the same headers and body every time) until a definite answer or `maxAttempts` attempts. */
export async function requestWithRetry<T>(
  policy: RetryPolicy, url: string, init: Omit<RequestInit, 'signal'>, schema: z.ZodMiniType<T>, intentId?: string,
): Promise<T> {
  let last: Outcome<T> | undefined;
  for (let n = 0; n < policy.maxAttempts; n++) {
    if (n > 0) await policy.sleep(retryDelay(n - 1, { base: policy.baseDelayMs, cap: policy.maxDelayMs, random: policy.random }));
    const out = await attempt(policy, url, init, schema);
    if (out.ok) return out.value;
    if (!out.retry) throw out.error;
    last = out;
  }
  throw new OrderRetryExhaustedError(policy.maxAttempts, last?.ok === false ? last.status : undefined, last?.ok === false ? last.error : undefined, intentId);
}

async function attempt<T>(policy: RetryPolicy, url: string, init: Omit<RequestInit, 'signal'>, schema: z.ZodMiniType<T>): Promise<Outcome<T>> {
  const ctrl = new AbortController();
  const timer = setTimeout(
    () => ctrl.abort(new DOMException(`no answer within ${policy.attemptTimeoutMs} ms`, 'TimeoutError')),
    policy.attemptTimeoutMs,
  );
  let status: number | undefined;
  try {
    const res = await untilAborted(policy.fetch(url, { ...init, signal: ctrl.signal }), ctrl.signal);
    status = res.status;
    const text = await untilAborted(res.text(), ctrl.signal);
    if (res.ok) {
      const parsed = schema.safeParse(parseJson(text));
      if (parsed.success) return { ok: true, value: parsed.data };
      // The same key replays the same answer: a garbled body is worth another try.
      return { ok: false, retry: true, status, error: malformed(status, parsed.error.issues[0]) };
    }
    const problem = toProblem(status, res.statusText, text);
    return { ok: false, retry: isRetryable(status, problem), status, error: problemError(problem) };
  } catch (error) {
    // Network error or this attempt's time budget ran out.
    return { ok: false, retry: true, status, error };
  } finally {
    clearTimeout(timer);
  }
}

/** Rejects when the signal aborts even if the fetch implementation ignores it. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function malformed(status: number, issue: { path: PropertyKey[]; message: string } | undefined): TypeError {
  return new TypeError(`malformed ${status} answer${issue ? ` at "${issue.path.join('.')}": ${issue.message}` : ''}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The answer's problem+json, or a bare one for answers without it (a proxy's HTML page, an empty 502). */
function toProblem(status: number, statusText: string, text: string): Problem {
  const parsed = Problem.safeParse(parseJson(text));
  if (parsed.success) return { ...parsed.data, status };
  return { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
}

function problemError(problem: Problem): OrderApiError {
  if (problem.status === 409 && problem.code === 'quote_changed' && problem.quote) {
    return new QuoteChangedError({ ...problem, quote: problem.quote });
  }
  return new OrderApiError(problem);
}

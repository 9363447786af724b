// The QuoteScheduler: prices and delivery times only for the points the buyer looks at.
// - want(branches) = visible rows + selection; everything else is not requested (and aborted if pending);
// - points sharing an answer (same carrier dedupe key) share one request; answers are cached until expiry;
// - at most `maxInFlight` HTTP requests at once, newest wants first, carriers sharing the slots fairly;
// - each carrier call has a time budget: a slow or failing carrier turns its points 'unavailable'
//   (with retry()) and never holds up the others;
// - results are keyed by point id and built per point from the answer of the key it was requested for.
import type { Branch, Origin, Parcel, Quote } from '../model/index.js';
import {
  carrierError, isCarrierError, type CarrierAdapter, type CarrierError, type CarrierRequest, type RawAnswer,
} from '../carriers/types.js';
import { DEFAULT_CARRIER_TIMEOUT_MS } from '../core/carrier-timeout.js';
import { CarrierRegistry } from '../carriers/registry.js';
import { QuoteCache } from '../core/quote-cache.js';

export type QuoteState =
  | { state: 'loading' }
  | { state: 'ready'; quote: Quote }
  | { state: 'unavailable'; error: CarrierError; retry: () => void };

export const QUOTE_EVENT = 'quote';

/** Fired for every state change of a wanted point. */
export class QuoteUpdateEvent extends Event {
  constructor(readonly pointId: string, readonly quoteState: QuoteState) {
    super(QUOTE_EVENT);
  }
}

export interface QuoteStats {
  /** Points served from the cache. */
  hits: number;
  /** Points that needed a request (new or shared). */
  misses: number;
  /** Misses that joined a request already made for another point. */
  deduped: number;
  /** HTTP requests sent. */
  requests: number;
  /** Requests aborted because nobody wanted them any more. */
  aborted: number;
  /** Carrier calls that exceeded the time budget. */
  timeouts: number;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface QuoteSchedulerOptions {
  carriers: CarrierRegistry | readonly CarrierAdapter[];
  parcel: Parcel;
  origin: Origin;
  /** Injectable for tests; default globalThis.fetch. */
  fetch?: FetchLike;
  maxInFlight?: number;
  /** Time budget of one carrier call (WidgetConfig.carrierTimeoutMs). */
  carrierTimeoutMs?: number;
  /** How long a failure is shown before wanting the point again retries by itself. */
  errorTtlMs?: number;
  now?: () => number;
  onUpdate?: (pointId: string, state: QuoteState) => void;
}

export const DEFAULT_MAX_IN_FLIGHT = 6;
export { DEFAULT_CARRIER_TIMEOUT_MS } from '../core/carrier-timeout.js';
export const DEFAULT_ERROR_TTL_MS = 30_000;

interface Wanted {
  branch: Branch;
  /** Full key (carrier + adapter key) or undefined when no adapter serves the carrier. */
  key: string | undefined;
}

interface Job {
  key: string;
  adapter: CarrierAdapter;
  /** The point the requests are built from (any subscriber: they share the answer). */
  branch: Branch;
  /** Undefined until the refs lookup (adapter.refsRequest) has completed the branch. */
  requests: readonly CarrierRequest[] | undefined;
  lookup: CarrierRequest | undefined;
  /** Slots held while running. */
  cost: number;
  subscribers: Set<string>;
  /** Priority: newer want() generation first, then position in that want list. */
  gen: number;
  order: number;
  running: boolean;
  /** Set once the job is finished, aborted or timed out: later settlements are ignored. */
  settled: boolean;
  controller?: AbortController;
  timer?: ReturnType<typeof setTimeout>;
}

/** What a point currently shows, to avoid re-requesting (or re-counting) an answer still valid. */
interface Shown {
  key: string;
  until: number;
}

/** Newest wants first: a job takes the generation and list position of its most recent want. */
function bump(job: Job, gen: number, order: number): void {
  if (job.gen !== gen) {
    job.gen = gen;
    job.order = order;
  } else job.order = Math.min(job.order, order);
}

function lookupKey(r: CarrierRequest): string {
  return `${r.method} ${r.url}\n${r.body ?? ''}`;
}

async function readAnswer(res: Response): Promise<RawAnswer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (an HTML error page, a text answer): the adapter reports it as a bad or HTTP error.
  }
  return { status: res.status, body };
}

export class QuoteScheduler extends EventTarget {
  readonly stats: QuoteStats = { hits: 0, misses: 0, deduped: 0, requests: 0, aborted: 0, timeouts: 0 };
  private readonly registry: CarrierRegistry;
  private readonly fetchImpl: FetchLike;
  private readonly maxInFlight: number;
  private readonly timeoutMs: number;
  private readonly errorTtlMs: number;
  private readonly now: () => number;
  private readonly onUpdate: QuoteSchedulerOptions['onUpdate'];
  private parcel: Parcel;
  private origin: Origin;
  private readonly cache = new QuoteCache();
  private readonly failures = new Map<string, { error: CarrierError; until: number }>();
  private wanted = new Map<string, Wanted>();
  private wantedList: Branch[] = [];
  private readonly jobs = new Map<string, Job>();
  private readonly states = new Map<string, QuoteState>();
  private readonly shown = new Map<string, Shown>();
  private gen = 0;
  private inFlightCount = 0;
  private readonly perCarrier = new Map<string, number>();
  /** Refs found by lookups, per lookup call: the same call gives the same refs, whatever the parcel. */
  private readonly resolvedRefs = new Map<string, Record<string, string>>();
  private disposed = false;

  constructor(options: QuoteSchedulerOptions) {
    super();
    this.registry = options.carriers instanceof CarrierRegistry ? options.carriers : new CarrierRegistry(options.carriers);
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.maxInFlight = Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    this.timeoutMs = options.carrierTimeoutMs ?? DEFAULT_CARRIER_TIMEOUT_MS;
    this.errorTtlMs = options.errorTtlMs ?? DEFAULT_ERROR_TTL_MS;
    this.now = options.now ?? Date.now;
    this.onUpdate = options.onUpdate;
    this.parcel = options.parcel;
    this.origin = options.origin;
  }

  /** HTTP requests currently in flight. */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (!j.running) n++;
    return n;
  }

  /** The current state of a wanted point; undefined if it is not wanted. */
  stateOf(pointId: string): QuoteState | undefined {
    return this.states.get(pointId);
  }

  /**
   * The points the buyer looks at now (visible rows + selection), most important first.
   * Replaces the previous set: requests nobody wants any more are dropped or aborted.
   */
  want(branches: readonly Branch[]): void {
    if (this.disposed) return;
    const gen = ++this.gen;
    const next = new Map<string, Wanted>();
    for (const b of branches) if (!next.has(b.id)) next.set(b.id, { branch: b, key: this.keyOf(b) });

    for (const [id, w] of this.wanted) {
      const still = next.get(id);
      if (!still || still.key !== w.key) this.unsubscribe(id, w.key);
      if (!still) {
        this.states.delete(id);
        this.shown.delete(id);
      }
    }
    this.wanted = next;
    this.wantedList = [...next.values()].map((w) => w.branch);

    let order = 0;
    for (const [id, w] of next) this.resolve(id, w, gen, order++);
    this.pump();
  }

  /** Ask again for wanted points whose quote (or remembered failure) has expired, e.g. when the buyer selects one. */
  refresh(): void {
    this.want(this.wantedList);
  }

  /** New parcel: every key changes. In-flight requests are aborted; cached answers for other parcels stay. */
  setParcel(parcel: Parcel): void {
    this.parcel = parcel;
    this.rekey();
  }

  setOrigin(origin: Origin): void {
    this.origin = origin;
    this.rekey();
  }

  /** Stop everything: abort requests, forget states. */
  dispose(): void {
    for (const job of [...this.jobs.values()]) this.cancel(job);
    this.wanted.clear();
    this.states.clear();
    this.shown.clear();
    this.disposed = true;
  }

  // -------------------------------------------------------------------------

  private keyOf(b: Branch): string | undefined {
    const adapter = this.registry.get(b.carrier);
    return adapter ? `${adapter.id}|${adapter.dedupeKey(b, this.parcel, this.origin)}` : undefined;
  }

  private rekey(): void {
    for (const job of [...this.jobs.values()]) this.cancel(job);
    this.shown.clear();
    const list = this.wantedList;
    this.wanted = new Map();
    this.want(list);
  }

  private resolve(id: string, w: Wanted, gen: number, order: number): void {
    const { branch, key } = w;
    if (key === undefined) {
      // Announced once per visibility, not on every scroll.
      if (!this.states.has(id)) {
        this.set(id, this.unavailable(branch, carrierError(branch.carrier, 'unsupported', `no adapter for carrier ${branch.carrier}`)));
      }
      return;
    }
    const job = this.jobs.get(key);
    if (job?.subscribers.has(id)) {
      bump(job, gen, order);
      return;
    }
    const now = this.now();
    const shown = this.shown.get(id);
    if (shown && shown.key === key && now < shown.until) return;

    const cached = this.cache.get(key, now);
    if (cached) {
      this.stats.hits++;
      this.deliver(id, branch, key, cached.raws, cached.fetchedAt, cached.expiresAt);
      return;
    }
    const failed = this.failures.get(key);
    if (failed && now < failed.until) {
      this.set(id, this.unavailable(branch, failed.error));
      this.shown.set(id, { key, until: failed.until });
      return;
    }
    this.stats.misses++;
    if (job) {
      this.stats.deduped++;
      job.subscribers.add(id);
      bump(job, gen, order);
      this.set(id, { state: 'loading' });
      return;
    }
    const adapter = this.registry.get(branch.carrier)!;
    const wantsLookup = adapter.refsRequest?.(branch);
    const refs = wantsLookup ? this.resolvedRefs.get(lookupKey(wantsLookup)) : undefined;
    const base = refs ? { ...branch, carrierRefs: { ...branch.carrierRefs, ...refs } } : branch;
    const lookup = refs ? undefined : wantsLookup;
    let requests: readonly CarrierRequest[] | undefined;
    if (!lookup) {
      const built = adapter.quoteRequest(this.parcel, this.origin, base);
      if (isCarrierError(built)) {
        this.fail(key, built, [id]);
        return;
      }
      requests = built;
    }
    this.jobs.set(key, {
      key, adapter, branch: base, requests, lookup, cost: 0, subscribers: new Set([id]), gen, order, running: false, settled: false,
    });
    this.set(id, { state: 'loading' });
  }

  private unsubscribe(id: string, key: string | undefined): void {
    if (key === undefined) return;
    const job = this.jobs.get(key);
    if (!job) return;
    job.subscribers.delete(id);
    if (job.subscribers.size === 0) this.cancel(job);
  }

  /** Drop a queued job or abort a running one; its slot is free at once. */
  private cancel(job: Job): void {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    if (job.settled) return;
    job.settled = true;
    if (job.running) {
      this.stats.aborted++;
      this.release(job);
      job.controller?.abort(new DOMException('No longer wanted', 'AbortError'));
    }
  }

  private release(job: Job): void {
    if (job.timer !== undefined) clearTimeout(job.timer);
    this.inFlightCount -= job.cost;
    const c = job.adapter.id;
    this.perCarrier.set(c, (this.perCarrier.get(c) ?? 0) - job.cost);
    job.cost = 0;
  }

  /** Start queued jobs while slots are free: newest wants first, no carrier above its fair share while others wait. */
  private pump(): void {
    if (this.disposed) return;
    for (;;) {
      const queued = [...this.jobs.values()].filter((j) => !j.running).sort((a, b) => b.gen - a.gen || a.order - b.order);
      if (queued.length === 0) return;
      const carriers = new Set(queued.map((j) => j.adapter.id));
      for (const [c, n] of this.perCarrier) if (n > 0) carriers.add(c);
      const share = Math.max(1, Math.floor(this.maxInFlight / carriers.size));
      const next = queued.find((j) => (this.perCarrier.get(j.adapter.id) ?? 0) < share) ?? queued[0]!;
      const cost = next.requests ? next.requests.length : 1;
      if (this.inFlightCount > 0 && this.inFlightCount + cost > this.maxInFlight) return;
      this.start(next);
    }
  }

  private start(job: Job): void {
    const calls = job.requests ?? (job.lookup ? [job.lookup] : []);
    job.running = true;
    job.controller = new AbortController();
    job.cost = calls.length;
    this.inFlightCount += job.cost;
    this.perCarrier.set(job.adapter.id, (this.perCarrier.get(job.adapter.id) ?? 0) + job.cost);
    this.stats.requests += job.cost;
    const signal = job.controller.signal;
    const controller = job.controller;
    job.timer = setTimeout(() => {
      if (job.settled || job.controller !== controller) return;
      this.stats.timeouts++;
      this.settle(job, carrierError(job.adapter.id, 'timeout', `no answer within ${this.timeoutMs} ms`));
      controller.abort(new DOMException('Carrier time budget exceeded', 'TimeoutError'));
    }, this.timeoutMs);
    Promise.all(calls.map(async (r) => {
      const init: RequestInit = { method: r.method, signal };
      if (r.headers) init.headers = r.headers;
      if (r.body !== undefined) init.body = r.body;
      return readAnswer(await this.fetchImpl(r.url, init));
    })).then(
      (raws) => (job.requests ? this.settle(job, raws) : this.afterLookup(job, controller, raws[0])),
      (err: unknown) => {
        if (job.controller === controller) this.settle(job, carrierError(job.adapter.id, 'network', err instanceof Error ? err.message : String(err)));
      },
    );
  }

  /** The refs lookup answered: build the real requests and queue the job again (it keeps its priority). */
  private afterLookup(job: Job, controller: AbortController, answer: RawAnswer | undefined): void {
    if (job.settled || job.controller !== controller) return;
    const completed = answer && job.adapter.withRefs ? job.adapter.withRefs(job.branch, answer) : job.branch;
    const requests = isCarrierError(completed) ? completed : job.adapter.quoteRequest(this.parcel, this.origin, completed);
    if (isCarrierError(requests)) {
      this.settle(job, requests);
      return;
    }
    if (!isCarrierError(completed) && completed.carrierRefs && job.lookup) this.resolvedRefs.set(lookupKey(job.lookup), completed.carrierRefs);
    this.release(job);
    job.running = false;
    job.controller = undefined;
    job.requests = requests;
    if (!isCarrierError(completed)) job.branch = completed;
    this.pump();
  }

  private settle(job: Job, outcome: readonly RawAnswer[] | CarrierError): void {
    // Aborted, timed out or replaced (new parcel): a late answer must not reach anybody.
    if (job.settled) return;
    job.settled = true;
    this.release(job);
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    const subscribers = [...job.subscribers].filter((id) => this.wanted.get(id)?.key === job.key);
    if (isCarrierError(outcome)) {
      this.fail(job.key, outcome, subscribers);
    } else if (outcome.some((r) => r.status >= 500 || r.status === 429)) {
      // Outages are not answers: not cached, remembered only for the short error lifetime.
      const status = outcome.find((r) => r.status >= 500 || r.status === 429)!.status;
      this.fail(job.key, carrierError(job.adapter.id, 'http', `HTTP ${status}`, [String(status)], true), subscribers);
    } else {
      const fetchedAt = this.now();
      const expiresAt = fetchedAt + job.adapter.quoteTtlMs;
      this.cache.set(job.key, { raws: outcome, fetchedAt, expiresAt });
      for (const id of subscribers) this.deliver(id, this.wanted.get(id)!.branch, job.key, outcome, fetchedAt, expiresAt);
    }
    this.pump();
  }

  /** Build this point's own Quote from the shared answer. */
  private deliver(id: string, branch: Branch, key: string, raws: readonly RawAnswer[], fetchedAt: number, expiresAt: number): void {
    const adapter = this.registry.get(branch.carrier);
    if (!adapter) return;
    const q = adapter.toQuote(raws, { branch, parcel: this.parcel, origin: this.origin, fetchedAt: new Date(fetchedAt) });
    if (isCarrierError(q)) {
      // A definite carrier answer ("weight over limit"): valid as long as the cached answer.
      this.set(id, this.unavailable(branch, q));
    } else if (q.pointId !== id) {
      this.set(id, this.unavailable(branch, carrierError(adapter.id, 'bad_response', 'quote for another point')));
    } else {
      this.set(id, { state: 'ready', quote: q });
    }
    this.shown.set(id, { key, until: expiresAt });
  }

  private fail(key: string, error: CarrierError, ids: readonly string[]): void {
    const until = this.now() + this.errorTtlMs;
    this.failures.set(key, { error, until });
    for (const id of ids) {
      const w = this.wanted.get(id);
      if (!w) continue;
      this.set(id, this.unavailable(w.branch, error));
      this.shown.set(id, { key, until });
    }
  }

  private unavailable(branch: Branch, error: CarrierError): QuoteState {
    return { state: 'unavailable', error, retry: () => this.retry(branch.id) };
  }

  /** Forget the failure (and cached answer) for this point's key and ask again. */
  retry(pointId: string): void {
    const w = this.wanted.get(pointId);
    if (!w || w.key === undefined || this.disposed) return;
    const key = w.key;
    this.failures.delete(key);
    this.cache.delete(key);
    let order = 0;
    for (const [id, other] of this.wanted) {
      if (other.key !== key) continue;
      this.shown.delete(id);
      this.resolve(id, other, this.gen, order++);
    }
    this.pump();
  }

  private set(id: string, state: QuoteState): void {
    this.states.set(id, state);
    this.onUpdate?.(id, state);
    this.dispatchEvent(new QuoteUpdateEvent(id, state));
  }
}

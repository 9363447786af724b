// The outbox dispatcher: delivers each accepted order to its carrier's order API exactly once.
// Restart-safe by construction: an entry is claimed with a lease in the database; a process killed mid-send leaves
// the lease to run out, and the next claim (attempts > 1) makes the connector ask the carrier what it already holds
// before sending anything. Outcomes are written with the attempt count as a fencing token.
import type { Branch } from '../../../widget/src/model/index.js';
import type { CarrierOrder, Connector } from './connectors/types.js';
import { storedOrder } from './orders.js';
import type { OmsStore, OrderRow, OutboxRow, Outcome } from './store.js';

export interface DispatcherOptions {
  store: OmsStore;
  connectors: ReadonlyMap<string, Connector>;
  /** The point of an order, from the loaded dataset; a vanished point falls back to the order's stored name. */
  pointOf: (id: string) => Branch | undefined;
  now?: () => number;
  /** How long a claim is ours. Must exceed the longest send (connector timeouts x calls). Default 60 s. */
  leaseMs?: number;
  /**
   * Entries sent at once (default 8). A round claims no more than that: a claimed entry waiting in a local queue would
   * spend its lease before its send even starts.
   */
  batch?: number;
  concurrency?: number;
  /** Unknown outcomes back off with full jitter: random(0, min(cap, base * 2^n)). Defaults 1 s and 5 min. */
  retryBaseMs?: number;
  retryCapMs?: number;
  random?: () => number;
  /** When the tracker first asks the carrier about a just-registered parcel (default 60 s). */
  firstCheckMs?: number;
  /** Idle poll: a safety net when no order pokes the dispatcher (another replica wrote it). Default 2 s. */
  idleMs?: number;
  log?: (message: string) => void;
}

export type CancelResult = { kind: 'cancelled' } | { kind: 'refused'; message: string } | { kind: 'retry'; message: string };

export interface DispatcherStats {
  sent: number;
  rejected: number;
  unknown: number;
  reconciled: number;
}

export class Dispatcher {
  readonly stats: DispatcherStats = { sent: 0, rejected: 0, unknown: 0, reconciled: 0 };
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly o: Required<Omit<DispatcherOptions, 'log'>> & Pick<DispatcherOptions, 'log'>;
  /** Outcomes waiting for the next group commit, and whether one is being written. */
  private outcomes: Array<{ outcome: Outcome; done: () => void }> = [];
  private flushing = false;

  constructor(options: DispatcherOptions) {
    this.now = options.now ?? Date.now;
    this.o = {
      leaseMs: 60_000, firstCheckMs: 60_000, batch: options.concurrency ?? 8, concurrency: 8, retryBaseMs: 1_000, retryCapMs: 300_000, random: Math.random, idleMs: 2_000,
      now: this.now, ...options,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** A new order was committed: look at the outbox now. */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        worked = await this.tick();
      } catch (e) {
        this.o.log?.(`dispatcher: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!this.running) break;
      if (worked > 0) continue;
      const next = await this.o.store.nextDue().catch(() => undefined);
      const wait = Math.max(5, Math.min(this.o.idleMs, next === undefined ? this.o.idleMs : next - this.now() + 1));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** One round: claim what is due and deliver it. Returns how many entries were handled. Public for tests. */
  async tick(): Promise<number> {
    const entries = await this.o.store.claimDue(this.now(), this.o.leaseMs, this.o.batch);
    let i = 0;
    const worker = async () => {
      while (i < entries.length) {
        const entry = entries[i++];
        if (entry) await this.deliver(entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, entries.length) }, worker));
    return entries.length;
  }

  private async deliver(entry: OutboxRow): Promise<void> {
    const row = await this.o.store.getOrder(entry.order_id);
    const mayExist = entry.attempts > 1;
    // A local refusal is only safe when no attempt can have reached the carrier; otherwise wait and reconcile.
    const refuse = (message: string): Promise<void> => (mayExist ? this.retry(entry, message) : this.record({ kind: 'rejected', entry, message }));
    if (!row) return refuse('order missing');
    const connector = this.o.connectors.get(row.carrier);
    if (!connector) return refuse(`no connector for carrier ${row.carrier}`);
    let order: CarrierOrder;
    try {
      order = this.carrierOrder(row);
    } catch (e) {
      return refuse(e instanceof Error ? e.message : String(e));
    }
    if (mayExist) this.stats.reconciled++;
    // No carrier call may outlive the claim: past the lease another dispatcher may own this entry.
    const budget = entry.lease_until - this.now() - Math.min(1_000, this.o.leaseMs / 4);
    if (budget <= 0) return this.retry(entry, 'lease spent before the send could start');
    let outcome;
    try {
      outcome = await connector.send(order, { mayExist, signal: AbortSignal.timeout(budget) });
    } catch (e) {
      outcome = { kind: 'unknown' as const, message: e instanceof Error ? e.message : String(e) };
    }
    const now = this.now();
    switch (outcome.kind) {
      case 'accepted':
        this.stats.sent++;
        return this.record({ kind: 'sent', entry, shipment: outcome.shipment, firstCheckInMs: this.o.firstCheckMs });
      case 'rejected':
        this.stats.rejected++;
        return this.record({ kind: 'rejected', entry, message: outcome.message.slice(0, 500) || 'rejected by the carrier' });
      case 'unknown':
        this.stats.unknown++;
        return this.retry(entry, outcome.message, now);
    }
  }

  /** Back off with full jitter: random(0, min(cap, base * 2^(attempts-1))). */
  private retry(entry: OutboxRow, message: string, now = this.now()): Promise<void> {
    const ceiling = Math.min(this.o.retryCapMs, this.o.retryBaseMs * 2 ** Math.min(20, entry.attempts - 1));
    return this.record({ kind: 'retry', entry, nextAt: now + Math.floor(this.o.random() * ceiling), message: message.slice(0, 500) });
  }

  /**
   * Group commit: outcomes finishing while a commit is being written go together into the next one. A crash before
   * the commit loses nothing: the entry stays claimed, its lease runs out, and the next attempt reconciles.
   */
  private record(outcome: Outcome): Promise<void> {
    return new Promise<void>((done) => {
      this.outcomes.push({ outcome, done });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.outcomes.length) {
        const batch = this.outcomes.splice(0);
        try {
          await this.o.store.applyOutcomes(batch.map((b) => b.outcome), this.now());
        } catch (e) {
          this.o.log?.(`dispatcher: recording ${batch.length} outcomes failed (their leases will run out and be reconciled): ${e instanceof Error ? e.message : String(e)}`);
        }
        for (const b of batch) b.done();
      }
    } finally {
      this.flushing = false;
    }
  }

  carrierOrder(row: OrderRow): CarrierOrder {
    const { input, origin, point: accepted } = storedOrder(row);
    // The point as the data has it now, else as it was when the order was accepted.
    const point = this.o.pointOf(row.point_id) ?? accepted;
    if (!point) throw new Error(`point ${row.point_id} is no longer in the dataset`);
    return { orderId: row.id, orderNumber: row.order_number, point, parcel: input.parcel, recipient: input.recipient, origin, createdAt: row.created_at };
  }

  /**
   * Cancel: an order still waiting in the outbox is cancelled here (the carrier never sees it); one the carrier
   * holds is cancelled there first. An order being sent right now answers "retry".
   */
  async cancel(row: OrderRow): Promise<CancelResult> {
    const iso = new Date(this.now()).toISOString();
    if (row.status === 'cancelled') return { kind: 'cancelled' };
    if (row.status === 'created') {
      if (await this.o.store.cancelUnsent(row.id, iso)) return { kind: 'cancelled' };
      const fresh = await this.o.store.getOrder(row.id);
      if (fresh && fresh.status !== 'created') return this.cancel(fresh);
      return { kind: 'retry', message: 'the order is being handed to the carrier (the carrier may already hold it); retry once it is registered' };
    }
    if (!row.carrier_ref || ['delivered', 'returned', 'rejected', 'returning'].includes(row.status)) {
      return { kind: 'refused', message: `an order in status ${row.status} cannot be cancelled` };
    }
    const connector = this.o.connectors.get(row.carrier);
    if (!connector) return { kind: 'refused', message: `no connector for carrier ${row.carrier}` };
    const shipment = row.track_number ? { carrierRef: row.carrier_ref, trackNumber: row.track_number } : { carrierRef: row.carrier_ref };
    const outcome = await connector.cancel(shipment, {}).catch((e: unknown) => ({ kind: 'unknown' as const, message: e instanceof Error ? e.message : String(e) }));
    switch (outcome.kind) {
      case 'cancelled':
        await this.o.store.markCancelled(row.id, iso);
        return { kind: 'cancelled' };
      case 'refused':
        return { kind: 'refused', message: outcome.message };
      case 'unknown':
        return { kind: 'retry', message: `the carrier did not answer: ${outcome.message}` };
    }
  }
}

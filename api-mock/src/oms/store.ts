// The data-access module: every SQL statement of the order system lives here. Claims and transitions are single
// statements or transactions whose WHERE clause carries the expected state, so concurrent requests, a second
// dispatcher or a process restarted after kill -9 can never apply a change twice.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Db } from './db/connect.js';
import type { Database, OrdersTable, OutboxTable } from './db/schema.js';
import { ORDER_STATUSES, STATUS_RANK, type OrderStatus } from '../../../widget/src/model/order.js';

export type OrderRow = OrdersTable;

/** What became of one claimed outbox entry. */
export type Outcome =
  /** `firstCheckInMs`: when the tracker first asks the carrier (a parcel just registered has no news yet). */
  | { kind: 'sent'; entry: OutboxRow; shipment: { carrierRef: string; trackNumber: string }; firstCheckInMs: number }
  | { kind: 'rejected'; entry: OutboxRow; message: string }
  | { kind: 'retry'; entry: OutboxRow; nextAt: number; message: string };
export type OutboxRow = OutboxTable;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: string; orderId: string | null }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

export interface NewOrder {
  row: OrderRow;
  /** The 201 body stored with the key, replayed for retries. */
  responseBody: string;
  idempotency: { configId: string; key: string };
  now: number;
}

type AtOnce = NewOrder & { fingerprint: string; retentionMs: number };

export interface TrackingUpdate {
  status: OrderStatus;
  eta: string | null;
  storageUntil: string | null;
  checkedAt: string;
  nextCheckAt: number | null;
  events: ReadonlyArray<{ at: string; carrierCode: string; status: string; description: string; place: string | null; timeZone: string | null }>;
}

export interface OrderFilter {
  configId: string;
  status?: readonly string[] | undefined;
  carrier?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** Track number or shop order number, exact. */
  q?: string | undefined;
  /** Keyset cursor: orders created strictly before (createdMs, id). */
  before?: { createdMs: number; id: string } | undefined;
  limit: number;
}

const FINAL = ['delivered', 'returned', 'cancelled', 'rejected'] as const;

export class OmsStore {
  readonly db: Kysely<Database>;

  constructor(private readonly handle: Db) {
    this.db = handle.kysely;
  }

  get engine(): Db['engine'] {
    return this.handle.engine;
  }

  // ---------------------------------------------------------------- configs

  getConfig(id: string) {
    return this.db.selectFrom('configs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Creates the config; false when the id is taken (the caller may then need the owner key). */
  async insertConfig(id: string, configJson: string, ownerKeyHash: string, nowIso: string): Promise<boolean> {
    const r = await this.db.insertInto('configs')
      .values({ id, config_json: configJson, owner_key_hash: ownerKeyHash, created_at: nowIso, updated_at: nowIso })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Replaces the config only when the owner key matches: one statement, no read-then-write. */
  async updateConfig(id: string, configJson: string, ownerKeyHash: string, nowIso: string): Promise<boolean> {
    const r = await this.db.updateTable('configs')
      .set({ config_json: configJson, updated_at: nowIso })
      .where('id', '=', id)
      .where('owner_key_hash', '=', ownerKeyHash)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async isOwner(configId: string, ownerKeyHash: string): Promise<boolean> {
    const row = await this.db.selectFrom('configs').select('id')
      .where('id', '=', configId).where('owner_key_hash', '=', ownerKeyHash).executeTakeFirst();
    return row !== undefined;
  }

  // ------------------------------------------------------------ idempotency

  /**
   * Claim (configId, key) for this request. Expired keys are forgotten first (a key used after the retention is a
   * new request); a claim whose lease ran out (its request died) is taken over by the same payload.
   */
  async claimKey(configId: string, key: string, fingerprint: string, now: number, leaseMs: number, retentionMs: number): Promise<Claim> {
    await this.db.deleteFrom('idempotency')
      .where('config_id', '=', configId).where('key', '=', key).where('expires_at', '<=', now)
      .execute();
    const inserted = await this.db.insertInto('idempotency')
      .values({
        config_id: configId, key, fingerprint, state: 'in_flight', response_status: null, response_body: null, order_id: null,
        lease_until: now + leaseMs, expires_at: now + retentionMs, created_at: new Date(now).toISOString(),
      })
      .onConflict((oc) => oc.columns(['config_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { kind: 'claimed' };
    const takenOver = await this.db.updateTable('idempotency')
      .set({ lease_until: now + leaseMs })
      .where('config_id', '=', configId).where('key', '=', key)
      .where('fingerprint', '=', fingerprint).where('state', '=', 'in_flight').where('lease_until', '<', now)
      .executeTakeFirst();
    if (Number(takenOver.numUpdatedRows) === 1) return { kind: 'claimed' };
    const row = await this.db.selectFrom('idempotency').selectAll()
      .where('config_id', '=', configId).where('key', '=', key).executeTakeFirst();
    if (!row) return this.claimKey(configId, key, fingerprint, now, leaseMs, retentionMs); // expired between statements
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state !== 'done' || row.response_status === null || row.response_body === null) return { kind: 'in_flight' };
    return { kind: 'replay', status: row.response_status, body: row.response_body, orderId: row.order_id };
  }

  /** The key's record when it is alive (not past its retention); read-only. */
  peekKey(configId: string, key: string, now: number) {
    return this.db.selectFrom('idempotency').selectAll()
      .where('config_id', '=', configId).where('key', '=', key).where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /** A transient failure (carrier tariff API down): forget the claim so the retry processes afresh. */
  async releaseKey(configId: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency')
      .where('config_id', '=', configId).where('key', '=', key).where('state', '=', 'in_flight')
      .execute();
  }

  /** Store a processing error as the key's answer: retries replay it. */
  async finishKey(configId: string, key: string, status: number, body: string): Promise<void> {
    await this.db.updateTable('idempotency')
      .set({ state: 'done', response_status: status, response_body: body })
      .where('config_id', '=', configId).where('key', '=', key).where('state', '=', 'in_flight')
      .execute();
  }

  /**
   * The order, its outbox entry and the key's stored answer in ONE transaction: either the order exists, will be
   * sent and is replayed to retries, or none of it happened. 'duplicate_number' when the shop's number is taken.
   */
  async createOrder(o: NewOrder): Promise<'created' | 'duplicate_number' | 'lost_claim'> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const claim = await trx.updateTable('idempotency')
          .set({ state: 'done', response_status: 201, response_body: o.responseBody, order_id: o.row.id })
          .where('config_id', '=', o.idempotency.configId).where('key', '=', o.idempotency.key).where('state', '=', 'in_flight')
          .executeTakeFirst();
        // Another request took the claim over (our lease ran out while we re-priced): it will answer.
        if (Number(claim.numUpdatedRows) !== 1) throw new LostClaim();
        await trx.insertInto('orders').values(o.row).execute();
        await this.enqueue(trx, o.row.id, 'send', o.now);
        return 'created' as const;
      });
    } catch (e) {
      if (e instanceof LostClaim) return 'lost_claim';
      if (this.handle.isUniqueViolation(e)) return 'duplicate_number';
      throw e;
    }
  }

  /**
   * The whole acceptance in ONE commit when nothing has to wait on the network (the price is known): the key's
   * claim already done, the order and its outbox entry. 'key_taken' when the key exists (the caller then goes the
   * long way: replay, mismatch or in flight); nothing is written in that case or on a duplicate order number.
   * On SQLite, group commit: acceptances arriving in one event-loop turn share one commit (one fsync for many
   * orders); each keeps its own outcome, since no statement in the batch can fail for another's data.
   */
  createOrderAtOnce(o: AtOnce): Promise<'created' | 'duplicate_number' | 'key_taken'> {
    // PostgreSQL commits concurrently over its pool (and groups WAL flushes itself): a transaction each.
    if (this.engine === 'postgres') return this.db.transaction().execute((trx) => this.acceptIn(trx, o));
    return new Promise((resolve, reject) => {
      this.accepting.push({ o, resolve, reject });
      // Wait for the rest of this event-loop turn: requests read in the same I/O phase share the commit.
      if (!this.acceptFlushing && this.accepting.length === 1) setImmediate(() => { if (!this.acceptFlushing) void this.flushAccepts(); });
    });
  }

  private accepting: Array<{ o: AtOnce; resolve: (r: 'created' | 'duplicate_number' | 'key_taken') => void; reject: (e: unknown) => void }> = [];
  private acceptFlushing = false;

  private async flushAccepts(): Promise<void> {
    this.acceptFlushing = true;
    try {
      while (this.accepting.length) {
        const batch = this.accepting.splice(0, 200);
        try {
          const results = await this.db.transaction().execute(async (trx) => {
            const out: Array<'created' | 'duplicate_number' | 'key_taken'> = [];
            for (const { o } of batch) out.push(await this.acceptIn(trx, o));
            return out;
          });
          batch.forEach((b, i) => b.resolve(results[i]!));
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.acceptFlushing = false;
    }
  }

  /** One acceptance inside a shared transaction: conflicts are answered by DO NOTHING, never by an error. */
  private async acceptIn(trx: Transaction<Database>, o: AtOnce): Promise<'created' | 'duplicate_number' | 'key_taken'> {
    const { configId, key } = o.idempotency;
    await trx.deleteFrom('idempotency').where('config_id', '=', configId).where('key', '=', key).where('expires_at', '<=', o.now).execute();
    const claimed = await trx.insertInto('idempotency')
      .values({
        config_id: configId, key, fingerprint: o.fingerprint, state: 'done', response_status: 201, response_body: o.responseBody,
        order_id: o.row.id, lease_until: o.now, expires_at: o.now + o.retentionMs, created_at: new Date(o.now).toISOString(),
      })
      .onConflict((oc) => oc.columns(['config_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) return 'key_taken';
    const inserted = await trx.insertInto('orders').values(o.row)
      .onConflict((oc) => oc.columns(['config_id', 'order_number']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) {
      // The number is taken: undo our claim so the long way can store the 409 for this key.
      await trx.deleteFrom('idempotency').where('config_id', '=', configId).where('key', '=', key).where('order_id', '=', o.row.id).execute();
      return 'duplicate_number';
    }
    await this.enqueue(trx, o.row.id, 'send', o.now);
    return 'created';
  }

  private async enqueue(trx: Transaction<Database>, orderId: string, kind: string, now: number): Promise<void> {
    const iso = new Date(now).toISOString();
    await trx.insertInto('outbox').values({
      id: `${orderId}/${kind}`, order_id: orderId, kind, state: 'pending', attempts: 0, next_attempt_at: now, lease_until: 0,
      last_error: null, created_at: iso, updated_at: iso,
    }).execute();
  }

  /** Forget answers past their retention (they hold order tokens), and abandoned claims whose lease ran out. */
  async purgeExpiredKeys(now: number): Promise<number> {
    const r = await this.db.deleteFrom('idempotency')
      .where('expires_at', '<=', now)
      .where((eb) => eb.or([eb('state', '=', 'done'), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Sets a config's owner key (the sandbox's demo widget when DEMO_OWNER_KEY is given). */
  async setOwnerKey(id: string, ownerKeyHash: string): Promise<void> {
    await this.db.updateTable('configs').set({ owner_key_hash: ownerKeyHash }).where('id', '=', id).execute();
  }

  // ----------------------------------------------------------------- orders

  getOrder(id: string) {
    return this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Orders with this track number (a carrier's numbers are unique, but two carriers could collide): a handful at most. */
  ordersByTrackNumber(trackNumber: string, limit = 5): Promise<OrderRow[]> {
    return this.db.selectFrom('orders').selectAll().where('track_number', '=', trackNumber)
      .orderBy('created_ms', 'desc').limit(limit).execute();
  }

  async listOrders(f: OrderFilter): Promise<OrderRow[]> {
    let q = this.db.selectFrom('orders').selectAll().where('config_id', '=', f.configId);
    if (f.status?.length) q = q.where('status', 'in', [...f.status]);
    if (f.carrier) q = q.where('carrier', '=', f.carrier);
    if (f.fromMs !== undefined) q = q.where('created_ms', '>=', f.fromMs);
    if (f.toMs !== undefined) q = q.where('created_ms', '<', f.toMs);
    if (f.q) {
      const term = f.q;
      q = q.where((eb) => eb.or([eb('track_number', '=', term), eb('order_number', '=', term)]));
    }
    if (f.before) {
      const { createdMs, id } = f.before;
      q = q.where((eb) => eb.or([eb('created_ms', '<', createdMs), eb.and([eb('created_ms', '=', createdMs), eb('id', '<', id)])]));
    }
    return q.orderBy('created_ms', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  }

  /**
   * Cancel an order the carrier has never seen: only while its send is pending and was never attempted (an attempt
   * with an unknown outcome may have created the shipment: that one is cancelled at the carrier once registered).
   */
  async cancelUnsent(orderId: string, nowIso: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const box = await trx.updateTable('outbox')
        .set({ state: 'cancelled', updated_at: nowIso })
        .where('id', '=', `${orderId}/send`).where('state', '=', 'pending').where('attempts', '=', 0)
        .executeTakeFirst();
      if (Number(box.numUpdatedRows) !== 1) return false;
      const order = await trx.updateTable('orders')
        .set({ status: 'cancelled', updated_at: nowIso, next_check_at: null })
        .where('id', '=', orderId).where('status', '=', 'created')
        .executeTakeFirst();
      if (Number(order.numUpdatedRows) !== 1) throw new Error(`order ${orderId} had a pending send but was not in status created`);
      return true;
    });
  }

  /** The carrier confirmed a cancellation. */
  async markCancelled(orderId: string, nowIso: string): Promise<boolean> {
    const r = await this.db.updateTable('orders')
      .set({ status: 'cancelled', updated_at: nowIso, next_check_at: null })
      .where('id', '=', orderId).where('status', 'not in', [...FINAL])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ----------------------------------------------------------------- outbox

  /**
   * Claim due entries: pending ones whose time has come, and in-flight ones whose lease ran out (their process died).
   * The state test is repeated in the outer WHERE so that PostgreSQL re-checks it on a row another claimer changed.
   */
  async claimDue(now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> {
    const due = (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([
      eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('state', '=', 'in_flight'), eb('lease_until', '<', now)]),
    ]);
    let inner = this.db.selectFrom('outbox').select('id').where(due).orderBy('next_attempt_at').limit(limit);
    if (this.engine === 'postgres') inner = inner.forUpdate().skipLocked();
    return this.db.updateTable('outbox')
      .set((eb) => ({ state: 'in_flight', attempts: eb('attempts', '+', 1), lease_until: now + leaseMs, updated_at: new Date(now).toISOString() }))
      .where('id', 'in', inner)
      .where(due)
      .returningAll()
      .execute();
  }

  /** The next time an entry is due (for the dispatcher's timer), or undefined when none waits. Two index lookups. */
  async nextDue(): Promise<number | undefined> {
    const [pending, leased] = await Promise.all([
      this.db.selectFrom('outbox').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('state', '=', 'pending').executeTakeFirst(),
      this.db.selectFrom('outbox').select((eb) => eb.fn.min('lease_until').as('at')).where('state', '=', 'in_flight').executeTakeFirst(),
    ]);
    const times = [pending?.at, leased?.at].filter((t): t is number => t !== null && t !== undefined).map(Number);
    return times.length ? Math.min(...times) : undefined;
  }

  /**
   * Several dispatch outcomes in ONE commit (group commit: one fsync for a round, not one per order). Each write is
   * fenced by its entry's attempt count exactly as in the single-outcome methods. Returns how many applied.
   */
  async applyOutcomes(outcomes: readonly Outcome[], now: number): Promise<number> {
    if (outcomes.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      let applied = 0;
      for (const o of outcomes) if (await this.applyOutcome(trx, o, now)) applied++;
      return applied;
    });
  }

  private async applyOutcome(trx: Transaction<Database>, o: Outcome, now: number): Promise<boolean> {
    const iso = new Date(now).toISOString();
    const fenced = (state: string, extra: { next_attempt_at?: number; last_error: string | null }) => trx.updateTable('outbox')
      .set({ state, updated_at: iso, ...extra })
      .where('id', '=', o.entry.id).where('state', '=', 'in_flight').where('attempts', '=', o.entry.attempts)
      .executeTakeFirst();
    switch (o.kind) {
      case 'sent': {
        if (Number((await fenced('done', { last_error: null })).numUpdatedRows) !== 1) return false;
        await trx.updateTable('orders')
          .set({ status: 'registered', carrier_ref: o.shipment.carrierRef, track_number: o.shipment.trackNumber, updated_at: iso, next_check_at: now + o.firstCheckInMs })
          .where('id', '=', o.entry.order_id).where('status', '=', 'created')
          .execute();
        return true;
      }
      case 'rejected': {
        if (Number((await fenced('failed', { last_error: o.message })).numUpdatedRows) !== 1) return false;
        await trx.updateTable('orders')
          .set({ status: 'rejected', error: o.message, updated_at: iso, next_check_at: null })
          .where('id', '=', o.entry.order_id).where('status', '=', 'created')
          .execute();
        return true;
      }
      case 'retry':
        return Number((await fenced('pending', { next_attempt_at: o.nextAt, last_error: o.message })).numUpdatedRows) === 1;
    }
  }

  /** The carrier holds the order: registered with its track number, the entry done. Fenced by the attempt count. */
  async completeSend(entry: OutboxRow, shipment: { carrierRef: string; trackNumber: string }, now: number): Promise<boolean> {
    return (await this.applyOutcomes([{ kind: 'sent', entry, shipment, firstCheckInMs: 0 }], now)) === 1;
  }

  async rejectSend(entry: OutboxRow, message: string, now: number): Promise<boolean> {
    return (await this.applyOutcomes([{ kind: 'rejected', entry, message }], now)) === 1;
  }

  async retryLater(entry: OutboxRow, nextAt: number, message: string, now: number): Promise<boolean> {
    return (await this.applyOutcomes([{ kind: 'retry', entry, nextAt, message }], now)) === 1;
  }

  getOutbox(orderId: string, kind = 'send') {
    return this.db.selectFrom('outbox').selectAll().where('id', '=', `${orderId}/${kind}`).executeTakeFirst();
  }

  /** Counts by state, for /__sandbox/oms and the benchmarks. */
  async outboxCounts(): Promise<Record<string, number>> {
    const rows = await this.db.selectFrom('outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  // ------------------------------------------------------- tracking lookups

  /**
   * Take one lookup attempt for a track number and return how many its window has used, in one statement:
   * replicas share the count, and concurrent guesses each take a slot of their own (no read-then-write).
   * A window older than `windowMs` starts again at 1.
   */
  async takeLookupAttempt(key: string, now: number, windowMs: number): Promise<number> {
    const fresh = now - windowMs;
    const row = await this.db.insertInto('lookup_attempts')
      .values({ track_key: key, window_start: now, attempts: 1 })
      .onConflict((oc) => oc.column('track_key').doUpdateSet({
        // Both expressions read the row as it was: the window restarts and the count resets together.
        attempts: sql<number>`CASE WHEN lookup_attempts.window_start > ${fresh} THEN lookup_attempts.attempts + 1 ELSE 1 END`,
        window_start: sql<number>`CASE WHEN lookup_attempts.window_start > ${fresh} THEN lookup_attempts.window_start ELSE ${now} END`,
      }))
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return Number(row.attempts);
  }

  /** A lookup that matched: its attempt does not count against the track number. */
  async returnLookupAttempt(key: string): Promise<void> {
    await this.db.updateTable('lookup_attempts').set({ attempts: sql<number>`attempts - 1` })
      .where('track_key', '=', key).where('attempts', '>', 0).execute();
  }

  /** Forget windows that ran out before `before` (ms); returns how many. */
  async pruneLookupAttempts(before: number): Promise<number> {
    const r = await this.db.deleteFrom('lookup_attempts').where('window_start', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  // --------------------------------------------------------------- tracking

  /** Orders the tracker should ask about now. */
  dueForTracking(now: number, limit: number) {
    return this.db.selectFrom('orders').selectAll()
      .where('next_check_at', '<=', now).where('track_number', 'is not', null).where('status', 'not in', [...FINAL])
      .orderBy('next_check_at').limit(limit).execute();
  }

  /** New events (duplicates ignored by the key) and the order's current state, in one transaction. */
  async applyTracking(orderId: string, u: TrackingUpdate): Promise<void> {
    await this.applyTrackings([{ orderId, update: u }]);
  }

  /** Several orders' tracking in ONE commit (a tracker round is one fsync, not one per parcel). */
  async applyTrackings(items: ReadonlyArray<{ orderId: string; update: TrackingUpdate }>): Promise<void> {
    if (items.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const { orderId, update } of items) await this.trackingIn(trx, orderId, update);
    });
  }

  private async trackingIn(trx: Transaction<Database>, orderId: string, u: TrackingUpdate): Promise<void> {
    if (u.events.length) {
      await trx.insertInto('tracking_events')
        .values(u.events.map((e) => ({
          order_id: orderId, at: e.at, at_ms: Date.parse(e.at), carrier_code: e.carrierCode, status: e.status, description: e.description, place: e.place, time_zone: e.timeZone,
        })))
        .onConflict((oc) => oc.columns(['order_id', 'at', 'carrier_code']).doNothing())
        .execute();
    }
    // Forward only: the update applies when the stored status ranks at most the new one (returning -> delivered
    // is a sideways move the carrier may report; cancelled and rejected are never left).
    const from = ORDER_STATUSES.filter((s) => STATUS_RANK[s] <= STATUS_RANK[u.status] && s !== 'cancelled' && s !== 'rejected');
    const moved = await trx.updateTable('orders')
      .set({ status: u.status, eta: u.eta, storage_until: u.storageUntil, checked_at: u.checkedAt, next_check_at: u.nextCheckAt, updated_at: u.checkedAt })
      .where('id', '=', orderId).where('status', 'in', from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) {
      await trx.updateTable('orders').set({ checked_at: u.checkedAt, next_check_at: u.nextCheckAt })
        .where('id', '=', orderId).where('status', 'not in', ['cancelled', 'rejected']).execute();
    }
  }

  /** Postpone the next check (the carrier did not answer). */
  async postponeTracking(orderId: string, nextCheckAt: number): Promise<void> {
    await this.db.updateTable('orders').set({ next_check_at: nextCheckAt }).where('id', '=', orderId).execute();
  }

  trackingEvents(orderId: string) {
    return this.db.selectFrom('tracking_events').selectAll().where('order_id', '=', orderId)
      .orderBy('at_ms', 'desc').orderBy('carrier_code', 'desc').execute();
  }

  /** For tests and the sandbox status page. */
  async countOrders(): Promise<number> {
    const r = await this.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** PostgreSQL's and SQLite's own clock-free health check. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}

class LostClaim extends Error {}

// Follows every registered order at its carrier and folds the carrier's events into our status model.
// Each order carries its own next check time in the database, so any replica can run a tracker.
import { type Branch } from '../../../widget/src/model/index.js';
import { FINAL_STATUSES, OrderStatus } from '../../../widget/src/model/order.js';
import type { CarrierTracking, Connector } from './connectors/types.js';
import { storedOrder } from './orders.js';
import type { OmsStore, OrderRow, TrackingUpdate } from './store.js';

export interface TrackerOptions {
  store: OmsStore;
  connectors: ReadonlyMap<string, Connector>;
  pointOf: (id: string) => Branch | undefined;
  now?: () => number;
  /** How often a moving parcel is checked (default 60 s); a failed check waits twice that. */
  intervalMs?: number;
  /** A tracking read refreshes first when the last check is older than this (default 10 s), waiting at most `refreshWaitMs`. */
  staleMs?: number;
  refreshWaitMs?: number;
  log?: (message: string) => void;
}

export class Tracker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private readonly now: () => number;
  private readonly intervalMs: number;

  constructor(private readonly o: TrackerOptions) {
    this.now = o.now ?? Date.now;
    this.intervalMs = o.intervalMs ?? 60_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async () => {
      try {
        await this.tick();
      } catch (e) {
        this.o.log?.(`tracker: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (this.running) this.timer = setTimeout(loop, Math.min(this.intervalMs, 5_000));
    };
    this.timer = setTimeout(loop, 0);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Check every order that is due. Returns how many were checked. */
  async tick(limit = 100): Promise<number> {
    const due = await this.o.store.dueForTracking(this.now(), limit);
    const byCarrier = new Map<string, OrderRow[]>();
    for (const row of due) {
      const list = byCarrier.get(row.carrier) ?? [];
      list.push(row);
      byCarrier.set(row.carrier, list);
    }
    await Promise.all([...byCarrier].map(([carrier, rows]) => this.check(carrier, rows)));
    return due.length;
  }

  /** Every due row ends with a new check time, whatever happens: a row that keeps failing must not starve the others. */
  private async check(carrier: string, rows: readonly OrderRow[]): Promise<void> {
    const now = this.now();
    const later = (row: OrderRow) => this.o.store.postponeTracking(row.id, now + 2 * this.intervalMs).catch(() => undefined);
    const connector = this.o.connectors.get(carrier);
    if (!connector) {
      await Promise.all(rows.map(later));
      return;
    }
    const wanted = rows.flatMap((row) => {
      const stored = storedOrder(row);
      const point = this.o.pointOf(row.point_id) ?? stored.point;
      if (!row.track_number || !point) return [];
      return [{ row, trackNumber: row.track_number, phone: stored.input.recipient.phone, point }];
    });
    const skipped = rows.filter((r) => !wanted.some((w) => w.row === r));
    await Promise.all(skipped.map(later));
    const result = await connector.track(wanted.map(({ trackNumber, phone, point }) => ({ trackNumber, phone, point })), {})
      .catch((e: unknown) => ({ kind: 'unknown' as const, message: e instanceof Error ? e.message : String(e) }));
    if (!Array.isArray(result)) {
      this.o.log?.(`tracker: ${carrier}: ${result.message}`);
      await Promise.all(rows.map((r) => this.o.store.postponeTracking(r.id, now + 2 * this.intervalMs)));
      return;
    }
    const byTrack = new Map(result.map((t) => [t.trackNumber, t] as const));
    const updates: Array<{ row: OrderRow; update: TrackingUpdate }> = [];
    await Promise.all(wanted.map(async ({ row, trackNumber }) => {
      const t = byTrack.get(trackNumber);
      if (t) updates.push({ row, update: this.update(row, t, now) });
      else await this.o.store.postponeTracking(row.id, now + this.intervalMs).catch(() => undefined);
    }));
    try {
      // One commit for the round.
      await this.o.store.applyTrackings(updates.map(({ row, update }) => ({ orderId: row.id, update })));
    } catch {
      // One bad row must not sink the others: apply one by one, postponing what still fails.
      for (const { row, update } of updates) {
        await this.o.store.applyTracking(row.id, update).catch(async (e: unknown) => {
          this.o.log?.(`tracker: ${row.id}: ${e instanceof Error ? e.message : String(e)}`);
          await later(row);
        });
      }
    }
  }

  private update(row: OrderRow, t: CarrierTracking, now: number): TrackingUpdate {
    const status = OrderStatus.parse(t.status);
    return {
      status,
      eta: t.eta ?? row.eta,
      storageUntil: t.storageUntil ?? null,
      checkedAt: new Date(now).toISOString(),
      nextCheckAt: FINAL_STATUSES.has(status) ? null : now + this.intervalMs,
      // An event whose time does not parse is the carrier's garbage: dropped, never stored as a NaN.
      events: t.events.filter((e) => Number.isFinite(Date.parse(e.at))).map((e) => ({
        at: e.at, carrierCode: e.carrierCode, status: e.status, description: e.description.slice(0, 300),
        place: e.place?.slice(0, 300) ?? null, timeZone: e.timeZone ?? null,
      })),
    };
  }

  /** Used by GET …/tracking: a fresh look at the carrier when ours is old, but never a slow answer. */
  async refreshIfStale(row: OrderRow): Promise<OrderRow> {
    const stale = this.o.staleMs ?? 10_000;
    if (!row.track_number || FINAL_STATUSES.has(OrderStatus.parse(row.status))) return row;
    if (row.checked_at && this.now() - Date.parse(row.checked_at) < stale) return row;
    const wait = this.o.refreshWaitMs ?? 3_000;
    await Promise.race([
      this.check(row.carrier, [row]).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, wait)),
    ]);
    return (await this.o.store.getOrder(row.id)) ?? row;
  }
}

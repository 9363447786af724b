// Russian Post Otpravka sandbox: what the carrier holds (backlog orders, batches, barcodes).
// Every mutation is one journal entry, appended BEFORE it is applied and answered: replaying the journal
// (ctx.journal.load) rebuilds the same store, ids, batch names and barcode counter after a restart.
// No node: imports (the sandbox also runs in a browser service worker).
import { makeRussianPostDomestic } from '../../../../widget/src/core/track-number.js';
import type { CarrierJournal } from '../../carriers-sim/journal.js';

export const OTPRAVKA_JOURNAL = 'russian-post-otpravka';
/** Backlog ids start here (the real ones are 9-digit numbers). */
const FIRST_ID = 115_322_330;

/** A validated backlog position as the carrier stores it (kebab-case, as received, normalised). */
export type RpPosition = Record<string, unknown> & {
  'order-num': string;
  'mail-type': string;
  'mail-category': string;
  mass: number;
  'index-to': string;
};

export interface RpOrder {
  id: number;
  orderNum: string;
  position: RpPosition;
  /** Branch id of the destination point in the dataset. */
  pointId: string;
  /** Accepting office index (barcode prefix). */
  senderIndex: string;
  createdAt: number;
  batchName?: string;
  barcode?: string;
  batchedAt?: number;
  sendingDate?: string;
  /** Removed from the backlog (DELETE /1.0/backlog). */
  deletedAt?: number;
  /** Removed from its batch (DELETE /1.0/shipment). */
  cancelledAt?: number;
}

export interface RpBatch {
  name: string;
  mailType: string;
  mailCategory: string;
  sendingDate: string;
  createdAt: number;
  ids: number[];
}

type Entry =
  | { op: 'create'; order: RpOrder }
  | { op: 'delete'; id: number; at: number }
  | { op: 'batch'; batch: RpBatch; barcodes: Array<[number, string]>; serial: number }
  | { op: 'cancel'; id: number; at: number };

export type BatchError = { id: number; position: number; code: 'NOT_FOUND' | 'ALREADY_IN_BATCH' };

export class OtpravkaStore {
  readonly orders = new Map<number, RpOrder>();
  readonly batches = new Map<string, RpBatch>();
  private lastId = FIRST_ID;
  private serial = 0;
  private batchSeq = 0;
  /** Every barcode ever issued -> its order id (numbers are never reused). */
  private readonly issued = new Map<string, number>();

  constructor(private readonly journal: CarrierJournal) {
    for (const e of journal.load(OTPRAVKA_JOURNAL)) this.apply(e as Entry);
  }

  /** Commit first (durable when the journal is a file), then change the memory state. */
  private commit(entry: Entry): void {
    this.journal.append(OTPRAVKA_JOURNAL, entry);
    this.apply(entry);
  }

  private apply(e: Entry): void {
    switch (e?.op) {
      case 'create':
        this.orders.set(e.order.id, { ...e.order });
        this.lastId = Math.max(this.lastId, e.order.id);
        break;
      case 'delete': {
        const o = this.orders.get(e.id);
        if (o) o.deletedAt = e.at;
        break;
      }
      case 'cancel': {
        const o = this.orders.get(e.id);
        if (o) o.cancelledAt = e.at;
        break;
      }
      case 'batch': {
        this.batches.set(e.batch.name, { ...e.batch });
        this.batchSeq = Math.max(this.batchSeq, Number(e.batch.name) || 0);
        this.serial = Math.max(this.serial, e.serial);
        for (const [id, barcode] of e.barcodes) {
          this.issued.set(barcode, id);
          const o = this.orders.get(id);
          if (!o) continue;
          o.batchName = e.batch.name;
          o.barcode = barcode;
          o.batchedAt = e.batch.createdAt;
          o.sendingDate = e.batch.sendingDate;
        }
        break;
      }
      default:
        // An entry of a newer format or a damaged one: skipped, as a carrier would skip an unknown record.
        break;
    }
  }

  /** The carrier does NOT deduplicate by order-num: every call creates a new order. */
  create(position: RpPosition, pointId: string, senderIndex: string, at: number): RpOrder {
    const order: RpOrder = { id: this.lastId + 1, orderNum: position['order-num'], position, pointId, senderIndex, createdAt: at };
    this.commit({ op: 'create', order });
    return this.orders.get(order.id)!;
  }

  /** A live order (not deleted, not cancelled). */
  live(id: number): RpOrder | undefined {
    const o = this.orders.get(id);
    return o && o.deletedAt === undefined && o.cancelledAt === undefined ? o : undefined;
  }

  /** Live orders whose order-num (or barcode) equals the query, oldest first. */
  search(query: string, opts: { barcode?: boolean; batchedOnly?: boolean } = {}): RpOrder[] {
    const out: RpOrder[] = [];
    for (const o of this.orders.values()) {
      if (!this.live(o.id)) continue;
      if (opts.batchedOnly && !o.batchName) continue;
      if (o.orderNum === query || (opts.barcode && o.barcode === query)) out.push(o);
    }
    return out;
  }

  byBarcode(barcode: string): RpOrder | undefined {
    const id = this.issued.get(barcode);
    return id === undefined ? undefined : this.orders.get(id);
  }

  /** Remove backlog orders (not batched). Answers the ids that could not be removed, by position. */
  deleteFromBacklog(ids: readonly number[], at: number): { removed: number[]; notFound: number[] } {
    const removed: number[] = [];
    const notFound: number[] = [];
    ids.forEach((id, position) => {
      const o = this.live(id);
      if (!o || o.batchName !== undefined) notFound.push(position);
      else {
        this.commit({ op: 'delete', id, at });
        removed.push(id);
      }
    });
    return { removed, notFound };
  }

  cancel(id: number, at: number): void {
    this.commit({ op: 'cancel', id, at });
  }

  /**
   * Put backlog orders into new batches, one per mail type, and give each its barcode. The serial counter
   * lives in the journal; a number already issued is never handed out again.
   */
  batch(ids: readonly number[], sendingDate: string, at: number): { batches: RpBatch[]; resultIds: number[]; errors: BatchError[] } {
    const errors: BatchError[] = [];
    const groups = new Map<string, RpOrder[]>();
    const seen = new Set<number>();
    ids.forEach((id, position) => {
      const o = this.live(id);
      if (!o || seen.has(id)) errors.push({ id, position, code: o ? 'ALREADY_IN_BATCH' : 'NOT_FOUND' });
      else if (o.batchName !== undefined) errors.push({ id, position, code: 'ALREADY_IN_BATCH' });
      else {
        seen.add(id);
        const key = `${o.position['mail-type']}|${o.position['mail-category']}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push(o);
      }
    });
    const month = Number(sendingDate.slice(5, 7));
    const batches: RpBatch[] = [];
    const resultIds: number[] = [];
    for (const group of groups.values()) {
      const first = group[0]!;
      const barcodes: Array<[number, string]> = [];
      let serial = this.serial;
      for (const o of group) {
        let barcode: string;
        do barcode = makeRussianPostDomestic(o.senderIndex, month, ++serial);
        while (this.issued.has(barcode) || barcodes.some(([, b]) => b === barcode));
        barcodes.push([o.id, barcode]);
      }
      const batch: RpBatch = {
        name: String(this.batchSeq + 1),
        mailType: first.position['mail-type'],
        mailCategory: first.position['mail-category'],
        sendingDate,
        createdAt: at,
        ids: group.map((o) => o.id),
      };
      this.commit({ op: 'batch', batch, barcodes, serial });
      batches.push(this.batches.get(batch.name)!);
      resultIds.push(...batch.ids);
    }
    return { batches, resultIds, errors };
  }
}

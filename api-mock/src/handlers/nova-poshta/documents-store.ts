// The Nova Poshta sandbox's express waybills ("InternetDocument"s): an in-memory store rebuilt from the carrier
// journal (`nova-poshta-documents`) and appended to BEFORE the sandbox answers, so a document the carrier committed
// survives a restart of the Node server, like the real carrier's would. No node: imports: this also runs in a page.
//
// Like the real carrier, the store does NOT deduplicate: two saves with the same InfoRegClientBarcodes make two
// documents. Finding what the carrier already holds is the connector's job (getDocumentList).
import type { Branch } from '../../../../widget/src/model/index.js';
import type { SandboxContext } from '../../context.js';
import { addDays, zonedDateTimeStrict, zonedWallClockToMs } from '../../shared-logic.js';
import { uuidFromString } from '../../util/hash.js';
import { cityRef, warehouseRef } from './refs.js';

export const NP_DOCUMENTS_JOURNAL = 'nova-poshta-documents';
const KYIV = 'Europe/Kyiv';

export type NpDocServiceType = 'WarehouseWarehouse' | 'WarehousePostomat' | 'DoorsWarehouse' | 'DoorsPostomat';

/** One waybill as the sandbox keeps it (also the journal's `created` entry). Money in whole UAH, weight in kg. */
export interface NpDocumentRecord {
  /** 1, 2, 3…: creation order; the IntDocNumber is derived from it, so numbers are never reused. */
  seq: number;
  ref: string;
  intDocNumber: string;
  /** Carrier clock (ISO, UTC) at the save. */
  createdAt: string;
  /** The DateTime the sender gave (dispatch date), "YYYY-MM-DD". */
  dispatchDate: string;
  serviceType: NpDocServiceType;
  /** The recipient point is a postomat (WarehousePostomat, or WarehouseWarehouse to a postomat). */
  postomat: boolean;
  payerType: string;
  paymentMethod: string;
  cargoType: string;
  weightKg: number;
  seatsAmount: number;
  description: string;
  cost: number;
  costOnSite: number;
  citySender: string;
  sender: string;
  senderAddress: string;
  contactSender: string;
  sendersPhone: string;
  cityRecipient: string;
  /** The warehouse Ref and the dataset branch behind it. */
  recipientAddress: string;
  branchId: string;
  recipient: { name?: string; ref?: string; contactRef?: string; phone: string };
  /** Cash on delivery (BackwardDeliveryData Money or AfterpaymentOnGoodsCost), UAH. */
  redelivery?: number;
  clientBarcode: string;
  /** "YYYY-MM-DD" (Kyiv). */
  estimatedDeliveryDate: string;
  /** Set by InternetDocument.delete. */
  deletedAt?: string;
}

type JournalEntry =
  | { kind: 'created'; doc: NpDocumentRecord }
  | { kind: 'deleted'; ref: string; at: string };

export interface NpDocumentStore {
  /** Every document, deleted ones included, in creation order. */
  all(): readonly NpDocumentRecord[];
  byRef(ref: string): NpDocumentRecord | undefined;
  byNumber(intDocNumber: string): NpDocumentRecord | undefined;
  /** Journals the document, then returns it. */
  create(fields: Omit<NpDocumentRecord, 'seq' | 'ref' | 'intDocNumber' | 'createdAt' | 'deletedAt'>, now: Date): NpDocumentRecord;
  /** Journals the deletion mark. */
  markDeleted(ref: string, now: Date): void;
  /** A dataset branch by NP warehouse Ref (same derivation as Address.getWarehouses). */
  branchByWarehouseRef(ref: string): Branch | undefined;
}

// IntDocNumber: "20" + 12 digits, a bijection of the sequence number (multiplier coprime to 10^12), so numbers look
// scattered like the carrier's yet can never repeat. Return waybills use "59" + the same 12 digits of their original.
const SPREAD = 387_420_489n; // 3^18
const OFFSET = 450_708_132_789n;
const MOD = 1_000_000_000_000n;

function twelveDigits(seq: number): string {
  return ((BigInt(seq) * SPREAD + OFFSET) % MOD).toString().padStart(12, '0');
}

export function npDocumentNumber(seq: number): string {
  return `20${twelveDigits(seq)}`;
}

/** The number of the return waybill NP creates for a refused / unclaimed document. */
export function npReturnNumber(original: string): string {
  return `59${original.slice(2)}`;
}

export function npDocumentRef(intDocNumber: string): string {
  return uuidFromString(`np-document|${intDocNumber}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function createDocumentStore(ctx: Pick<SandboxContext, 'journal' | 'dataset'>): NpDocumentStore {
  const docs: NpDocumentRecord[] = [];
  const refs = new Map<string, NpDocumentRecord>();
  const numbers = new Map<string, NpDocumentRecord>();
  let lastSeq = 0;

  const apply = (entry: unknown): void => {
    if (!isRecord(entry)) return;
    const e = entry as JournalEntry;
    if (e.kind === 'created' && isRecord(e.doc) && typeof e.doc.ref === 'string') {
      const doc = { ...e.doc };
      docs.push(doc);
      refs.set(doc.ref, doc);
      numbers.set(doc.intDocNumber, doc);
      lastSeq = Math.max(lastSeq, doc.seq);
    } else if (e.kind === 'deleted') {
      const doc = refs.get(e.ref);
      if (doc) doc.deletedAt = e.at;
    }
  };
  for (const entry of ctx.journal.load(NP_DOCUMENTS_JOURNAL)) apply(entry);

  let branches: Map<string, Branch> | undefined;
  const branchIndex = (): Map<string, Branch> => {
    branches ??= new Map(ctx.dataset.branches
      .filter((b) => b.carrier === 'nova-poshta')
      .map((b) => [b.carrierRefs?.warehouseRef ?? warehouseRef(b.id), b] as const));
    return branches;
  };

  const commit = (entry: JournalEntry): void => {
    ctx.journal.append(NP_DOCUMENTS_JOURNAL, entry); // durable first: the carrier answers only after its commit
    apply(entry);
  };

  return {
    all: () => docs,
    byRef: (ref) => refs.get(ref.toLowerCase()),
    byNumber: (n) => numbers.get(n),
    create(fields, now) {
      const seq = lastSeq + 1;
      const intDocNumber = npDocumentNumber(seq);
      const doc: NpDocumentRecord = { ...fields, seq, ref: npDocumentRef(intDocNumber), intDocNumber, createdAt: now.toISOString() };
      commit({ kind: 'created', doc });
      return refs.get(doc.ref) ?? doc;
    },
    markDeleted(ref, now) {
      commit({ kind: 'deleted', ref, at: now.toISOString() });
    },
    branchByWarehouseRef: (ref) => branchIndex().get(ref.toLowerCase()),
  };
}

/** The context's one store (built from the journal on first use). */
export function documentStore(ctx: SandboxContext): NpDocumentStore {
  return ctx.memo('nova-poshta/documents', () => createDocumentStore(ctx));
}

/** The CityRef of a dataset branch (its own, or derived as Address.getWarehouses does). */
export function branchCityRef(b: Branch): string {
  return b.carrierRefs?.cityRef ?? cityRef(b.address);
}

// ---------------------------------------------------------------------------
// Kyiv wall-clock time. The sandbox prints every NP date-time as "dd.mm.yyyy HH:MM:SS" and every date as
// "dd.mm.yyyy", Kyiv local time (real answers mix this with "yyyy-mm-dd HH:MM:SS" and "dd-mm-yyyy …": the
// connector accepts all three; the sandbox is consistent).

/** The instant (ms) of a Kyiv wall-clock time (DST-aware: +02:00 in winter, +03:00 in summer). */
export function kyivToUtcMs(isoDate: string, hour = 0, minute = 0): number {
  return zonedWallClockToMs(isoDate, hour, minute, 0, KYIV);
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const asDate = (at: Date | number): Date => (typeof at === 'number' ? new Date(at) : at);

/** "YYYY-MM-DD" in Kyiv. */
export function kyivIsoDate(at: Date | number): string {
  return zonedDateTimeStrict(asDate(at), KYIV).date;
}

/** "dd.mm.yyyy HH:MM:SS" in Kyiv. */
export function npDateTime(at: Date | number): string {
  const w = zonedDateTimeStrict(asDate(at), KYIV);
  return `${npDate(w.date)} ${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)}`;
}

/** "YYYY-MM-DD" -> "dd.mm.yyyy". */
export function npDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}

/** "dd.mm.yyyy" (also "dd-mm-yyyy") -> "YYYY-MM-DD", or undefined when it is not a calendar date. */
export function parseNpDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{2})[.-](\d{2})[.-](\d{4})\s*$/.exec(v);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** The widget's calendar arithmetic (widget/src/core/calendar.ts), re-exported for this folder. */
export { addDays };

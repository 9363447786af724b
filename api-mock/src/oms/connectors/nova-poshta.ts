// The Nova Poshta connector: our carrier-neutral order -> NP API 2.0 (InternetDocument.save / getDocumentList /
// delete, TrackingDocument.getStatusDocuments), every answer validated with zod before it is believed.
//
// NP takes no idempotency key and does not deduplicate InfoRegClientBarcodes. Our order id travels in
// InfoRegClientBarcodes, so after an attempt whose outcome is unknown (`mayExist`) the connector lists the documents
// of the order's time window and completes the one it finds instead of saving a second.
//
// Status mapping (carrierCode = NP StatusCode as a string):
//   1 registered; 2 cancelled; 4, 41, 5, 6, 12, 101, 104, 112 in_transit; 7, 8 arrived_at_point; 9, 10, 11 delivered;
//   102, 103, 105, 106, 111 returning; unknown codes in_transit; 3 (number not found) leaves the shipment out.
//   'returned': NP has no code for it on the original waybill; the return travels on a new waybill
//   (LastCreatedOnTheBasisNumber). The connector tracks that waybill too and reports 'returned' once it is received
//   (9/10/11) by the sender; its steps appear as 'returning' events before that.
// Timeline: from the item's `sandboxHistory` when present (SANDBOX-ONLY field, every status with its time); against
// the real API (current status only) one event from StatusCode + TrackingUpdateDate.
import type { Branch } from '../../../../widget/src/model/index.js';
import type { TrackingEvent } from '../../../../widget/src/model/order.js';
import type { OrderStatus } from '../../../../widget/src/model/order.js';
import { z } from '../../../../widget/src/model/zod.js';
import { firstIssue } from '../../../../widget/src/model/validate.js';
import { isNovaPoshtaTtn } from '../../../../widget/src/core/track-number.js';
import { cityRef as derivedCityRef, warehouseRef as derivedWarehouseRef } from '../../handlers/nova-poshta/refs.js';
import { addDays, localIsoDate, wallClockOffsetMs } from '../../shared-logic.js';
import { uuidFromString } from '../../util/hash.js';
import type {
  CancelOutcome, CarrierOrder, CarrierShipment, CarrierTracking, Connector, ConnectorOptions, SendOutcome,
} from './types.js';

const KYIV = 'Europe/Kyiv';
export const NP_TRACK_CHUNK = 100;
/** getDocumentList with GetFullList "1" pages by 500. */
export const NP_LIST_PAGE_SIZE = 500;
const MAX_LIST_PAGES = 50;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Free storage used when an answer has DateFirstDayStorage but no DatePayedKeeping. */
const FREE_STORAGE_DAYS = { branch: 7, postomat: 5 } as const;
export const NP_NOT_DELETED_CODE = '20000201173';

/** The shop as an NP sender (counterparty, its warehouse, contact person, phone, city). */
export interface NpSenderData {
  ref: string;
  addressRef: string;
  contactRef: string;
  phone: string;
  /** Used when the order's origin has no cityRef. */
  cityRef?: string;
}

/** Sandbox sender (any Ref-shaped values pass the sandbox; a real account has its own). */
export const NP_SANDBOX_SENDER: NpSenderData = {
  ref: uuidFromString('np-sandbox|sender'),
  addressRef: uuidFromString('np-sandbox|sender-address'),
  contactRef: uuidFromString('np-sandbox|sender-contact'),
  phone: '380441234567',
};

export interface NovaPoshtaConnectorOptions extends ConnectorOptions {
  /** The sender's NP data (default: the sandbox sender). */
  sender?: Partial<NpSenderData>;
}

// ---------------------------------------------------------------------------
// Answer schemas

const NumStr = z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+(?:[.,]\d+)?\s*$/, 'expected a number'))]);
const Messages = z.union([z.array(z.string()), z.record(z.string(), z.string())]);

export const NpAnswer = z.object({
  success: z.boolean(),
  data: z.array(z.unknown()),
  errors: z.optional(Messages),
  errorCodes: z.optional(z.array(z.string())),
  info: z.optional(z.unknown()),
});
type NpAnswer = z.infer<typeof NpAnswer>;

const NpSaved = z.object({
  Ref: z.string().check(z.minLength(1)),
  IntDocNumber: z.string(),
  CostOnSite: z.optional(NumStr),
  EstimatedDeliveryDate: z.optional(z.string()),
});

const NpListItem = z.object({
  Ref: z.string().check(z.minLength(1)),
  IntDocNumber: z.string(),
  InfoRegClientBarcodes: z.optional(z.nullable(z.string())),
  StateId: z.optional(z.nullable(NumStr)),
});
const NpListInfo = z.object({ totalCount: z.optional(NumStr) });

const Code = z.pipe(z.union([z.string(), z.number()]), z.transform((v: string | number) => String(v).trim()));
const Text = z.optional(z.nullable(z.string()));

const NpHistoryEntry = z.object({ StatusCode: Code, Status: z.string(), DateTime: z.string() });

export const NpStatusItem = z.object({
  Number: z.string(),
  StatusCode: Code,
  Status: Text,
  DateCreated: Text,
  ScheduledDeliveryDate: Text,
  ActualDeliveryDate: Text,
  RecipientDateTime: Text,
  TrackingUpdateDate: Text,
  WarehouseRecipient: Text,
  CityRecipient: Text,
  CitySender: Text,
  DateFirstDayStorage: Text,
  DatePayedKeeping: Text,
  LastCreatedOnTheBasisNumber: Text,
  /** SANDBOX-ONLY (the real API has no history). */
  sandboxHistory: z.optional(z.array(NpHistoryEntry)),
});
type NpStatusItem = z.infer<typeof NpStatusItem>;

// ---------------------------------------------------------------------------
// Status mapping

const STATUS_BY_CODE: Readonly<Record<string, OrderStatus>> = {
  1: 'registered',
  2: 'cancelled',
  4: 'in_transit', 41: 'in_transit', 5: 'in_transit', 6: 'in_transit', 12: 'in_transit',
  101: 'in_transit', 104: 'in_transit', 112: 'in_transit',
  7: 'arrived_at_point', 8: 'arrived_at_point',
  9: 'delivered', 10: 'delivered', 11: 'delivered',
  102: 'returning', 103: 'returning', 105: 'returning', 106: 'returning', 111: 'returning',
};

/** Our status for an NP StatusCode ("3" -> undefined: the carrier does not know the number). */
export function npStatus(code: string): OrderStatus | undefined {
  if (code === '3') return undefined;
  return STATUS_BY_CODE[code] ?? 'in_transit';
}

const RECEIVED = new Set(['9', '10', '11']);
const AT_POINT = new Set(['7', '8', '9', '10', '11', '102', '103', '105', '106']);

// ---------------------------------------------------------------------------
// Dates: NP prints "dd.mm.yyyy HH:MM:SS", "dd-mm-yyyy HH:MM:SS" or "yyyy-mm-dd HH:MM:SS", Kyiv local time.

interface Wall { date: string; h: number; mi: number; s: number }

/**
 * An NP date(-time) as a Kyiv wall clock; undefined unless every part is in range (no 31.02, no 25:61:00), so an
 * impossible carrier value never becomes an ISO string that does not parse.
 */
export function parseNpDateTime(v: string | null | undefined): Wall | undefined {
  if (!v) return undefined;
  const m = /^\s*(?:(\d{2})[.-](\d{2})[.-](\d{4})|(\d{4})-(\d{2})-(\d{2}))(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*$/.exec(v);
  if (!m) return undefined;
  const date = m[1] ? `${m[3]}-${m[2]}-${m[1]}` : `${m[4]}-${m[5]}-${m[6]}`;
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date || date.startsWith('0001')) return undefined;
  const wall = { date, h: Number(m[7] ?? 0), mi: Number(m[8] ?? 0), s: Number(m[9] ?? 0) };
  return validWall(wall) ? wall : undefined;
}

function validWall(w: Wall): boolean {
  const inRange = (n: number, max: number): boolean => Number.isInteger(n) && n >= 0 && n <= max;
  if (!inRange(w.h, 23) || !inRange(w.mi, 59) || !inRange(w.s, 59)) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w.date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Kyiv wall clock -> ISO with the Kyiv offset ("2026-11-25T14:05:00+02:00"); undefined for an impossible wall clock. */
export function kyivIso(w: Wall): string | undefined {
  if (!validWall(w)) return undefined;
  const mins = Math.round(wallClockOffsetMs(w.date, w.h, w.mi, w.s, KYIV) / 60_000);
  const sign = mins < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(mins) / 60)).padStart(2, '0');
  const mm = String(Math.abs(mins) % 60).padStart(2, '0');
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const iso = `${w.date}T${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}${sign}${hh}:${mm}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function kyivDate(at: Date): string {
  return localIsoDate(at, KYIV);
}

function ddmmyyyy(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** "+380 (67) 123-45-67" / "0671234567" -> "380671234567" (other formats pass through as digits). */
export function npPhoneOf(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return /^0\d{9}$/.test(d) ? `38${d}` : d;
}

// ---------------------------------------------------------------------------

type CallResult = { ok: true; answer: NpAnswer } | { ok: false; message: string };

function messagesOf(answer: NpAnswer): string[] {
  const e = answer.errors;
  if (!e) return [];
  return Array.isArray(e) ? e : Object.values(e);
}

function codesOf(answer: NpAnswer): string[] {
  if (answer.errorCodes && answer.errorCodes.length > 0) return answer.errorCodes;
  return answer.errors && !Array.isArray(answer.errors) ? Object.keys(answer.errors) : [];
}

function refsOf(point: Branch): { cityRef: string; warehouseRef: string } {
  // The dataset and Address.getWarehouses give points their NP refs; a point without them (hand-made fixtures)
  // falls back to the sandbox's own derivation of the same refs.
  return {
    cityRef: point.carrierRefs?.cityRef ?? derivedCityRef(point.address),
    warehouseRef: point.carrierRefs?.warehouseRef ?? derivedWarehouseRef(point.id),
  };
}

export function createNovaPoshtaConnector(options: NovaPoshtaConnectorOptions): Connector {
  const endpoint = `${options.baseUrl}/carriers/nova-poshta/v2.0/json/`;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiKey = options.credentials?.npApiKey ?? 'sandbox';
  const now = options.now ?? (() => new Date());
  const sender: NpSenderData = { ...NP_SANDBOX_SENDER, ...options.sender };

  async function call(modelName: string, calledMethod: string, methodProperties: Record<string, unknown>, signal?: AbortSignal): Promise<CallResult> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey, modelName, calledMethod, methodProperties }),
        signal: combined,
      });
    } catch (e) {
      const why = timeout.aborted ? `timed out after ${timeoutMs} ms` : signal?.aborted ? 'aborted' : (e instanceof Error ? e.message : String(e));
      return { ok: false, message: `Nova Poshta ${modelName}.${calledMethod}: ${why}` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, message: `Nova Poshta ${modelName}.${calledMethod}: HTTP ${response.status}, the answer is not JSON` };
    }
    if (!response.ok) return { ok: false, message: `Nova Poshta ${modelName}.${calledMethod}: HTTP ${response.status}` };
    const parsed = NpAnswer.safeParse(body);
    if (!parsed.success) return { ok: false, message: `Nova Poshta ${modelName}.${calledMethod}: malformed answer (${firstIssue(parsed.error).message})` };
    return { ok: true, answer: parsed.data };
  }

  /** CarrierOrder -> InternetDocument.save properties, or a reason it cannot be sent. */
  function saveProps(order: CarrierOrder): Record<string, unknown> | string {
    const { point, parcel, recipient } = order;
    if (point.carrier !== 'nova-poshta') return `the point ${point.id} is not a Nova Poshta point`;
    if (parcel.declaredValue && parcel.declaredValue.currency !== 'UAH') return 'declaredValue must be in UAH for Nova Poshta';
    if (parcel.cashOnDelivery && parcel.cashOnDelivery.currency !== 'UAH') return 'cashOnDelivery must be in UAH for Nova Poshta';
    const refs = refsOf(point);
    const postomat = point.type === 'parcel_locker';
    const kg = Math.max(0.1, parcel.weightG / 1000);
    const { length, width, height } = parcel.dimensionsCm;
    const props: Record<string, unknown> = {
      PayerType: 'Sender',
      PaymentMethod: 'NonCash',
      DateTime: ddmmyyyy(kyivDate(now())),
      CargoType: 'Parcel',
      Weight: String(kg),
      ServiceType: postomat ? 'WarehousePostomat' : 'WarehouseWarehouse',
      SeatsAmount: '1',
      Description: order.orderNumber,
      Cost: String(parcel.declaredValue ? parcel.declaredValue.amount / 100 : 300),
      CitySender: order.origin.cityRef ?? sender.cityRef ?? refs.cityRef,
      Sender: sender.ref,
      SenderAddress: sender.addressRef,
      ContactSender: sender.contactRef,
      SendersPhone: sender.phone,
      CityRecipient: refs.cityRef,
      RecipientAddress: refs.warehouseRef,
      NewAddress: '1',
      RecipientCityName: point.address.city,
      RecipientType: 'PrivatePerson',
      RecipientName: `${recipient.surname} ${recipient.givenName}`,
      RecipientsPhone: npPhoneOf(recipient.phone),
      InfoRegClientBarcodes: order.orderId,
    };
    if (postomat) {
      props.OptionsSeat = [{
        volumetricWidth: String(width), volumetricLength: String(length), volumetricHeight: String(height), weight: String(kg),
      }];
    } else {
      props.VolumeGeneral = String(Math.max(0.0004, (length * width * height) / 1_000_000));
    }
    if (parcel.cashOnDelivery && parcel.cashOnDelivery.amount > 0) {
      props.BackwardDeliveryData = [{ PayerType: 'Recipient', CargoType: 'Money', RedeliveryString: String(parcel.cashOnDelivery.amount / 100) }];
    }
    return props;
  }

  function accepted(ref: string, number: string): SendOutcome {
    if (!isNovaPoshtaTtn(number)) {
      return { kind: 'unknown', message: `Nova Poshta returned an invalid waybill number "${number.slice(0, 40)}" (expected 14 digits starting with 20 or 59)` };
    }
    return { kind: 'accepted', shipment: { carrierRef: ref, trackNumber: number } };
  }

  /** The live document the carrier holds for this order, null when it holds none, or a failure. */
  async function findExisting(order: CarrierOrder, signal?: AbortSignal): Promise<{ ref: string; number: string } | null | { failed: string }> {
    const created = Date.parse(order.createdAt);
    const from = kyivDate(new Date((Number.isNaN(created) ? now().getTime() : created) - 86_400_000));
    const to = kyivDate(new Date(now().getTime() + 86_400_000));
    let seen = 0;
    for (let page = 1; page <= MAX_LIST_PAGES; page++) {
      const r = await call('InternetDocument', 'getDocumentList', {
        DateTimeFrom: ddmmyyyy(from), DateTimeTo: ddmmyyyy(to), GetFullList: '1', Page: String(page),
      }, signal);
      if (!r.ok) return { failed: r.message };
      if (!r.answer.success) return { failed: `Nova Poshta getDocumentList: ${messagesOf(r.answer).join('; ') || 'failed'}` };
      const items = z.array(NpListItem).safeParse(r.answer.data);
      if (!items.success) return { failed: `Nova Poshta getDocumentList: malformed answer (${firstIssue(items.error).message})` };
      const hit = items.data.find((d) => d.InfoRegClientBarcodes === order.orderId && String(d.StateId ?? '') !== '2');
      if (hit) return { ref: hit.Ref, number: hit.IntDocNumber };
      seen += items.data.length;
      const info = NpListInfo.safeParse(r.answer.info ?? {});
      const total = info.success && info.data.totalCount !== undefined ? Number(info.data.totalCount) : undefined;
      if (items.data.length === 0 || (total !== undefined ? seen >= total : items.data.length < NP_LIST_PAGE_SIZE)) return null;
    }
    return { failed: `Nova Poshta getDocumentList: more than ${MAX_LIST_PAGES} pages` };
  }

  function eventOf(code: string, description: string, when: string | null | undefined, place: string | undefined, status: OrderStatus): TrackingEvent | undefined {
    // An event whose time is not a real moment is dropped: it could not be ordered, and would poison the store.
    const wall = parseNpDateTime(when);
    const at = wall ? kyivIso(wall) : undefined;
    if (!at) return undefined;
    return {
      status,
      carrierCode: code,
      description,
      at,
      timeZone: KYIV,
      ...(place ? { place } : {}),
    };
  }

  function eventsOf(item: NpStatusItem, statusFor: (code: string) => OrderStatus): TrackingEvent[] {
    const placeFor = (code: string): string | undefined => (AT_POINT.has(code) ? item.WarehouseRecipient || undefined : undefined);
    const entries = item.sandboxHistory && item.sandboxHistory.length > 0
      ? item.sandboxHistory
      : [{ StatusCode: item.StatusCode, Status: item.Status ?? '', DateTime: item.TrackingUpdateDate || item.DateCreated || '' }];
    const events: TrackingEvent[] = [];
    for (const e of entries) {
      const ev = eventOf(e.StatusCode, e.Status, e.DateTime, placeFor(e.StatusCode), statusFor(e.StatusCode));
      if (ev) events.push(ev);
    }
    return events.reverse(); // newest first
  }

  async function statusBatch(docs: Array<{ DocumentNumber: string; Phone: string }>, signal?: AbortSignal): Promise<NpStatusItem[] | string> {
    const out: NpStatusItem[] = [];
    for (let i = 0; i < docs.length; i += NP_TRACK_CHUNK) {
      const r = await call('TrackingDocument', 'getStatusDocuments', { Documents: docs.slice(i, i + NP_TRACK_CHUNK) }, signal);
      if (!r.ok) return r.message;
      if (!r.answer.success) return `Nova Poshta getStatusDocuments: ${messagesOf(r.answer).join('; ') || 'failed'}`;
      const items = z.array(NpStatusItem).safeParse(r.answer.data);
      if (!items.success) return `Nova Poshta getStatusDocuments: malformed answer (${firstIssue(items.error).message})`;
      out.push(...items.data);
    }
    return out;
  }

  /**
   * After a delete that changed nothing: `cancelled` when the document is gone (status 2 "deleted", or the carrier no
   * longer knows the number), `refused` when it exists and has moved on, `unknown` when that cannot be told.
   */
  async function stateAfterNotDeleted(shipment: CarrierShipment, message: string, signal?: AbortSignal): Promise<CancelOutcome> {
    const number = shipment.trackNumber;
    if (!number) return { kind: 'unknown', message: `${message}; no waybill number to check whether the document is already deleted` };
    const items = await statusBatch([{ DocumentNumber: number, Phone: npPhoneOf(sender.phone) }], signal);
    if (typeof items === 'string') return { kind: 'unknown', message: `${message}; checking the document failed: ${items}` };
    const item = items.find((it) => it.Number === number);
    if (!item) return { kind: 'unknown', message: `${message}; getStatusDocuments did not answer for ${number}` };
    if (item.StatusCode === '2' || item.StatusCode === '3') return { kind: 'cancelled' };
    // Still registered (1) yet not deleted: nothing has moved on, so this is no definite "no".
    if (item.StatusCode === '1') return { kind: 'unknown', message: `${message}; the document is still registered (status 1)` };
    return { kind: 'refused', message };
  }

  return {
    carrier: 'nova-poshta',

    async send(order, { mayExist, signal }) {
      const props = saveProps(order);
      if (typeof props === 'string') return { kind: 'rejected', message: props, codes: [] };
      if (mayExist) {
        const found = await findExisting(order, signal);
        if (found && 'failed' in found) return { kind: 'unknown', message: found.failed };
        if (found) return accepted(found.ref, found.number);
      }
      const r = await call('InternetDocument', 'save', props, signal);
      if (!r.ok) return { kind: 'unknown', message: r.message };
      if (!r.answer.success) {
        return { kind: 'rejected', message: messagesOf(r.answer).join('; ') || 'Nova Poshta rejected the waybill', codes: codesOf(r.answer) };
      }
      const saved = NpSaved.safeParse(r.answer.data[0]);
      if (!saved.success) return { kind: 'unknown', message: `Nova Poshta InternetDocument.save: malformed answer (${firstIssue(saved.error).message})` };
      return accepted(saved.data.Ref, saved.data.IntDocNumber);
    },

    async cancel(shipment: CarrierShipment, { signal }): Promise<CancelOutcome> {
      const r = await call('InternetDocument', 'delete', { DocumentRefs: [shipment.carrierRef] }, signal);
      if (!r.ok) return { kind: 'unknown', message: r.message };
      if (r.answer.success) return { kind: 'cancelled' };
      const message = messagesOf(r.answer).join('; ') || 'Nova Poshta did not delete the waybill';
      if (!codesOf(r.answer).includes(NP_NOT_DELETED_CODE)) return { kind: 'refused', message };
      // "No document changed DeletionMark" (20000201173): handed over, OR already deleted (an earlier delete committed
      // and its answer was lost), OR unknown. Ask the carrier which before saying no.
      return stateAfterNotDeleted(shipment, message, signal);
    },

    async track(shipments, { signal }) {
      const docs = shipments.map((s) => ({ DocumentNumber: s.trackNumber, Phone: s.phone ? npPhoneOf(s.phone) : '' }));
      const items = await statusBatch(docs, signal);
      if (typeof items === 'string') return { kind: 'unknown', message: items };
      const byNumber = new Map(shipments.map((s) => [s.trackNumber, s] as const));

      // Returns travel on their own waybills: follow them to know when the parcel is back ('returned').
      const returning = items.filter((it) => npStatus(it.StatusCode) === 'returning' && it.LastCreatedOnTheBasisNumber);
      const returns = new Map<string, NpStatusItem>();
      if (returning.length > 0) {
        const r = await statusBatch(returning.map((it) => ({ DocumentNumber: it.LastCreatedOnTheBasisNumber ?? '', Phone: npPhoneOf(sender.phone) })), signal);
        if (typeof r === 'string') return { kind: 'unknown', message: r };
        for (const it of r) if (it.StatusCode !== '3') returns.set(it.Number, it);
      }

      const out: CarrierTracking[] = [];
      for (const item of items) {
        const status = npStatus(item.StatusCode);
        const shipment = byNumber.get(item.Number);
        if (!status || !shipment) continue;
        let events = eventsOf(item, (c) => npStatus(c) ?? 'in_transit');
        let finalStatus = status;
        const ret = item.LastCreatedOnTheBasisNumber ? returns.get(item.LastCreatedOnTheBasisNumber) : undefined;
        if (ret && status === 'returning') {
          const back = (c: string): OrderStatus => (RECEIVED.has(c) ? 'returned' : 'returning');
          const retEvents = eventsOf(ret, back).map((e) => ({ ...e, description: `${ret.Number}: ${e.description}` }));
          events = [...retEvents, ...events];
          if (RECEIVED.has(ret.StatusCode)) finalStatus = 'returned';
        }
        const t: CarrierTracking = { trackNumber: item.Number, status: finalStatus, events };
        const eta = parseNpDateTime(item.ScheduledDeliveryDate);
        if (eta) t.eta = eta.date;
        if (finalStatus === 'arrived_at_point') {
          const paid = parseNpDateTime(item.DatePayedKeeping);
          const first = parseNpDateTime(item.DateFirstDayStorage);
          const free = shipment.point.type === 'parcel_locker' ? FREE_STORAGE_DAYS.postomat : FREE_STORAGE_DAYS.branch;
          // DatePayedKeeping is the first paid day: the last free one is the day before.
          if (paid) t.storageUntil = addDays(paid.date, -1);
          else if (first) t.storageUntil = addDays(first.date, free - 1);
        }
        out.push(t);
      }
      return out;
    },
  };
}

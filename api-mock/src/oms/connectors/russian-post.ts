// Russian Post connector: our CarrierOrder -> one Otpravka backlog order -> a batch -> its barcode (ШПИ),
// cancellation through the backlog or the batch, and tracking through the operation history.
// Russian Post takes no idempotency key and does NOT deduplicate by order-num, so `order-num` carries our order id
// and a send whose earlier outcome is unknown (`mayExist`) first searches the backlog for it.
// Outcomes: a per-position error (or a 400 on the whole request) is `rejected`; everything else that goes wrong
// (network, timeout, 5xx, 401, 429, an answer that does not validate, a barcode with a bad check digit) is `unknown`.
import { isRussianPostTrack } from '../../../../widget/src/core/track-number.js';
import type { Branch } from '../../../../widget/src/model/index.js';
import type { OrderStatus, TrackingEvent } from '../../../../widget/src/model/order.js';
import { firstIssue } from '../../../../widget/src/model/validate.js';
import { z } from '../../../../widget/src/model/zod.js';
import { addDays, zonedDateTimeStrict } from '../../shared-logic.js';
import type {
  CancelOutcome, CarrierOrder, CarrierShipment, CarrierTracking, Connector, ConnectorOptions, SendOutcome,
} from './types.js';

export const RP_DEFAULT_TIMEOUT_MS = 10_000;
export const RP_TRACK_CONCURRENCY = 6;
/** Storage at the point, counted from arrival: offices 15 days, postomats 7 (the sandbox's RP_STORAGE_DAYS, handlers/russian-post/otpravka-timeline.ts). */
export const RP_STORAGE_DAYS = { office: 15, postomat: 7 } as const;
/** Offsets missing from an OperDate are read as Moscow time, the carrier's reference zone. */
const DEFAULT_OFFSET = '+03:00';

// ---------------------------------------------------------------------------
// Carrier answers (zod/mini; unknown fields are ignored, missing or mistyped ones make the answer malformed)

const Id = z.pipe(
  z.union([z.int().check(z.gt(0)), z.string().check(z.regex(/^\d{1,15}$/))]),
  z.transform((v: number | string) => Number(v)),
);
const ErrorCode = z.object({ code: z.string(), description: z.optional(z.string()), details: z.optional(z.string()) });
const PositionError = z.object({
  'error-codes': z.optional(z.array(ErrorCode)),
  'error-code': z.optional(z.string()),
  description: z.optional(z.string()),
  position: z.int(),
});
type PositionError = z.infer<typeof PositionError>;
const ResultAnswer = z.object({ 'result-ids': z.optional(z.array(Id)), errors: z.optional(z.array(PositionError)) });
const ShipmentAnswer = z.object({
  batches: z.optional(z.array(z.object({ 'batch-name': z.string(), 'batch-status': z.optional(z.string()) }))),
  'result-ids': z.optional(z.array(Id)),
  errors: z.optional(z.array(PositionError)),
});
const RpOrderItem = z.object({
  id: Id,
  'order-num': z.optional(z.string()),
  barcode: z.optional(z.string()),
  'batch-name': z.optional(z.string()),
  'delivery-time': z.optional(z.object({ 'min-days': z.optional(z.int()), 'max-days': z.optional(z.int()) })),
});
type RpOrderItem = z.infer<typeof RpOrderItem>;
const RpOrderList = z.array(RpOrderItem);
/** A whole-request error: {"code","desc"} (Otpravka) — only read for its words. */
const RequestError = z.object({ code: z.optional(z.string()), desc: z.optional(z.string()) });

const NumLike = z.pipe(
  z.union([z.int(), z.string().check(z.regex(/^\d{1,4}$/))]),
  z.transform((v: number | string) => Number(v)),
);
const HistoryRecord = z.object({
  OperationParameters: z.object({
    OperType: z.object({ Id: NumLike, Name: z.optional(z.string()) }),
    OperAttr: z.optional(z.object({ Id: NumLike, Name: z.optional(z.string()) })),
    OperDate: z.string(),
  }),
  AddressParameters: z.optional(z.object({
    OperationAddress: z.optional(z.object({
      Index: z.optional(z.union([z.string(), z.int()])),
      Description: z.optional(z.string()),
    })),
  })),
});
type HistoryRecord = z.infer<typeof HistoryRecord>;
/** SOAP-to-JSON bridges turn a one-element list into an object and drop an empty one: both readings pass. */
const History = z.object({
  OperationHistoryData: z.object({
    historyRecord: z.optional(z.union([z.array(HistoryRecord), HistoryRecord])),
  }),
});

// ---------------------------------------------------------------------------
// Mapping

/** The Otpravka backlog position for one of our orders. Amounts in kopecks, mass in grams, sizes in whole cm. */
export function toBacklogPosition(order: CarrierOrder): Record<string, unknown> {
  const { point, parcel, recipient } = order;
  const office = point.type === 'post_office';
  const cod = parcel.cashOnDelivery?.amount ?? 0;
  const declared = parcel.declaredValue?.amount ?? 0;
  const category = cod > 0 ? 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY' : declared > 0 ? 'WITH_DECLARED_VALUE' : 'ORDINARY';
  const d = parcel.dimensionsCm;
  const tel = phoneDigits(recipient.phone);
  const senderOffice = order.origin.postcode && /^\d{6}$/.test(order.origin.postcode) ? order.origin.postcode : undefined;
  return {
    'order-num': order.orderId,
    'mail-type': office ? 'POSTAL_PARCEL' : 'ECOM',
    'mail-category': category,
    'mail-direct': 643,
    mass: parcel.weightG,
    dimension: { length: Math.ceil(d.length), width: Math.ceil(d.width), height: Math.ceil(d.height) },
    'address-type-to': 'DEFAULT',
    'index-to': Number(point.address.postcode),
    'region-to': point.address.region || point.address.city,
    'place-to': point.address.city,
    ...(point.address.street ? { 'street-to': point.address.street } : {}),
    ...(point.address.house ? { 'house-to': point.address.house } : {}),
    'given-name': recipient.givenName,
    surname: recipient.surname,
    'recipient-name': `${recipient.surname} ${recipient.givenName}`,
    ...(tel ? { 'tel-address': Number(tel) } : {}),
    ...(senderOffice ? { 'postoffice-code': senderOffice } : {}),
    // Cash on delivery cannot exceed the declared value: the value is raised to the amount when lower.
    ...(category !== 'ORDINARY' ? { 'insr-value': Math.max(declared, cod) } : {}),
    ...(cod > 0 ? { payment: cod } : {}),
    comment: order.orderNumber,
    ...(office ? {} : { 'ecom-data': { 'delivery-point-index': point.address.postcode } }),
  };
}

/** "+7 (912) 345-67-89" / "8 912 345 67 89" / "9123456789" -> "79123456789". */
export function phoneDigits(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `7${digits}`;
  if (digits.length === 11 && digits[0] === '8') return `7${digits.slice(1)}`;
  return digits.length >= 10 && digits.length <= 15 ? digits : undefined;
}

export function storageDaysAt(point: Pick<Branch, 'type'>): number {
  return point.type === 'parcel_locker' ? RP_STORAGE_DAYS.postomat : RP_STORAGE_DAYS.office;
}

/**
 * One history record -> our status. `returning` is true once a return (3/x) was seen: later processing (8/x) is the
 * way back and delivery (2/x) is to the sender. Operations with no status of their own (storage, failed attempt,
 * lost) keep the previous one.
 */
export function rpEventStatus(type: number, attr: number | undefined, returning: boolean, previous: OrderStatus): OrderStatus {
  switch (type) {
    case 1: return 'in_transit';
    case 2: return returning || attr === 2 ? 'returned' : 'delivered';
    case 3: return 'returning';
    case 8:
      if (returning) return 'returning';
      return attr === 2 || attr === 9 ? 'arrived_at_point' : 'in_transit';
    case 14: return returning ? 'returning' : 'in_transit';
    case 26: return 'cancelled';
    case 28: return 'registered';
    default: return previous;
  }
}

// Not localIsoDate: an unknown zone throws here instead of giving the UTC date (kept as it was).
function zonedDate(at: string, timeZone: string): string {
  return zonedDateTimeStrict(new Date(at), timeZone).date;
}

/** A real calendar day (the ISO parser of V8 takes 2026-02-31 as 3 March). */
function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * OperDate with its offset; one without is read as Moscow time. Undefined when it is not a date at all or names a
 * day, hour, minute, second or offset that does not exist (2026-02-31, 25:61, +25:00): such an event is dropped.
 */
export function operDate(raw: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/.exec(raw.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as [number, number, number, number, number, number];
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 18 || Number(m[10]) > 59)) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${m[8] ?? DEFAULT_OFFSET}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

export interface MappedHistory {
  status: OrderStatus;
  /** Newest first. */
  events: TrackingEvent[];
  acceptedAt?: string;
  arrivedAt?: string;
}

/**
 * The operation history (any order) -> our events, newest first, and the current status. A record whose OperDate is
 * not a real moment is left out (it cannot be placed in time, and an event without a time must never be stored).
 */
export function mapHistory(records: readonly HistoryRecord[], point: Pick<Branch, 'timeZone' | 'address'>): MappedHistory {
  const dated: Array<{ r: HistoryRecord; at: string; t: number }> = [];
  for (const r of records) {
    const at = operDate(r.OperationParameters.OperDate);
    const t = at === undefined ? Number.NaN : Date.parse(at);
    if (at === undefined || !Number.isFinite(t)) continue;
    dated.push({ r, at, t });
  }
  dated.sort((a, b) => a.t - b.t);
  let status: OrderStatus = 'registered';
  let returning = false;
  let acceptedAt: string | undefined;
  let arrivedAt: string | undefined;
  const events: TrackingEvent[] = [];
  for (const { r, at } of dated) {
    const op = r.OperationParameters;
    const type = op.OperType.Id;
    const attr = op.OperAttr?.Id;
    status = rpEventStatus(type, attr, returning, status);
    if (type === 3) returning = true;
    if (type === 1) acceptedAt ??= at;
    if (status === 'arrived_at_point') arrivedAt ??= at;
    const address = r.AddressParameters?.OperationAddress;
    const index = address?.Index !== undefined ? String(address.Index) : undefined;
    const description = [op.OperType.Name, op.OperAttr?.Name].filter((s): s is string => Boolean(s)).join(': ');
    events.push({
      status,
      carrierCode: attr !== undefined ? `${type}/${attr}` : String(type),
      description,
      at,
      ...(index === point.address.postcode ? { timeZone: point.timeZone } : {}),
      ...(address?.Description ? { place: address.Description } : {}),
    });
  }
  return { status, events: events.reverse(), ...(acceptedAt ? { acceptedAt } : {}), ...(arrivedAt ? { arrivedAt } : {}) };
}

// ---------------------------------------------------------------------------
// Transport

/** The outcome of a call is unknown: the carrier may or may not have acted. */
class UnknownOutcome extends Error {}

function issue(error: z.core.$ZodError): string {
  return firstIssue(error).message;
}

async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createRussianPostConnector(options: ConnectorOptions): Connector {
  // Read at call time: a test's msw server (or any fetch patch) installed after creation still applies.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? RP_DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const otpravka = `${options.baseUrl}/carriers/russian-post/otpravka/1.0`;
  const tracking = `${options.baseUrl}/carriers/russian-post/tracking/1.0`;
  const headers: Record<string, string> = {
    Accept: 'application/json;charset=UTF-8',
    'Content-Type': 'application/json;charset=UTF-8',
    Authorization: `AccessToken ${options.credentials?.rpAccessToken ?? 'sandbox'}`,
    'X-User-Authorization': `Basic ${options.credentials?.rpUserAuth ?? 'c2FuZGJveDpzYW5kYm94'}`,
  };

  const rel = (url: string) => url.slice(options.baseUrl.length);

  /** One HTTP call. Throws UnknownOutcome on network errors, timeouts, 401, 429, 5xx and bodies that are not JSON. */
  async function call(method: string, url: string, body: unknown, signal: AbortSignal | undefined): Promise<{ status: number; json: unknown }> {
    const what = `${method} ${rel(url)}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await doFetch(url, { method, headers, signal: combined, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      if (res.status === 401 || res.status === 429 || res.status >= 500) {
        await res.text().catch(() => '');
        throw new UnknownOutcome(`${what}: HTTP ${res.status}`);
      }
      const text = await res.text();
      try {
        return { status: res.status, json: JSON.parse(text) as unknown };
      } catch {
        throw new UnknownOutcome(`${what}: malformed answer (HTTP ${res.status}, not JSON)`);
      }
    } catch (error) {
      if (error instanceof UnknownOutcome) throw error;
      const reason = timeout.aborted ? `timed out after ${timeoutMs} ms` : signal?.aborted ? 'aborted' : `network error (${error instanceof Error ? error.message : String(error)})`;
      throw new UnknownOutcome(`${what}: ${reason}`);
    }
  }

  function parse<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
    const r = schema.safeParse(value);
    if (!r.success) throw new UnknownOutcome(`${what}: unexpected answer (${issue(r.error)})`);
    return r.data as z.infer<S>;
  }

  /** A 2xx answer, validated; any other status is unknown. */
  async function ok<S extends z.ZodMiniType>(schema: S, method: string, url: string, body: unknown, signal: AbortSignal | undefined): Promise<z.infer<S>> {
    const res = await call(method, url, body, signal);
    const what = `${method} ${rel(url)}`;
    if (res.status < 200 || res.status >= 300) throw new UnknownOutcome(`${what}: HTTP ${res.status}`);
    return parse(schema, res.json, what);
  }

  function positionCodes(e: PositionError): { codes: string[]; message: string } {
    const list = e['error-codes'] ?? (e['error-code'] ? [{ code: e['error-code'], description: e.description, details: undefined }] : []);
    const codes = list.map((c) => c.code);
    const message = list.map((c) => [c.code, c.description, c.details].filter(Boolean).join(': ')).join('; ') || 'rejected by Russian Post';
    return { codes, message };
  }

  function accepted(id: number, barcode: string): SendOutcome {
    if (!isRussianPostTrack(barcode)) throw new UnknownOutcome(`Russian Post returned an invalid barcode "${barcode.slice(0, 40)}" for order ${id} (check digit or format)`);
    return { kind: 'accepted', shipment: { carrierRef: String(id), trackNumber: barcode } };
  }

  /** Batch a backlog order (unless it already is) and read its barcode from the batch. */
  async function complete(id: number, barcode: string | undefined, signal: AbortSignal | undefined): Promise<SendOutcome> {
    if (barcode !== undefined) return accepted(id, barcode);
    const date = now().toISOString().slice(0, 10);
    const shipment = await ok(ShipmentAnswer, 'POST', `${otpravka}/user/shipment?sending-date=${date}`, [id], signal);
    const refused = shipment.errors?.find((e) => e.position === 0);
    if (refused) {
      // Batched meanwhile by an earlier attempt? Then the barcode is already there.
      const res = await call('GET', `${otpravka}/backlog/${id}`, undefined, signal);
      if (res.status === 200) {
        const again = parse(RpOrderItem, res.json, `GET ${rel(otpravka)}/backlog/${id}`);
        if (again.barcode !== undefined) return accepted(id, again.barcode);
      }
      // A rejected order must not stay in the backlog as an orphan. Only a confirmed removal (or an order the carrier
      // already said it does not hold) makes the "no" definite; anything else is left to reconciliation.
      const gone = await remove('/backlog', id, signal).catch((error: unknown) => error instanceof Error ? error : new Error(String(error)));
      if (gone === 'ok' || (res.status === 404 && !(gone instanceof Error) && gone.code === 'NOT_FOUND')) {
        return { kind: 'rejected', ...positionCodes(refused) };
      }
      throw new UnknownOutcome(`POST ${rel(otpravka)}/user/shipment refused order ${id} (${positionCodes(refused).message}) and it could not be removed from the backlog: ${gone.message}`);
    }
    const batchName = shipment.batches?.[0]?.['batch-name'];
    if (!batchName || !(shipment['result-ids'] ?? []).includes(id)) throw new UnknownOutcome(`POST ${rel(otpravka)}/user/shipment: order ${id} was not put in a batch`);
    const list = await ok(RpOrderList, 'GET', `${otpravka}/batch/${encodeURIComponent(batchName)}/shipment`, undefined, signal);
    const mine = list.find((o) => o.id === id);
    if (mine?.barcode === undefined) throw new UnknownOutcome(`batch ${batchName} does not list order ${id} with a barcode`);
    return accepted(id, mine.barcode);
  }

  async function send(order: CarrierOrder, opts: { mayExist: boolean; signal?: AbortSignal }): Promise<SendOutcome> {
    const { signal } = opts;
    const money = [order.parcel.declaredValue, order.parcel.cashOnDelivery].find((m) => m && m.currency !== 'RUB');
    if (money) return { kind: 'rejected', message: `Russian Post takes amounts in RUB, not ${money.currency}`, codes: ['ILLEGAL_CURRENCY'] };
    try {
      if (opts.mayExist) {
        const found = await ok(RpOrderList, 'GET', `${otpravka}/backlog/search?query=${encodeURIComponent(order.orderId)}`, undefined, signal);
        // The carrier's search is a text search: only a hit carrying exactly our order id is ours.
        const mine = found.filter((o) => o['order-num'] === order.orderId);
        if (mine.length > 0) {
          const keep = mine.find((o) => o.barcode !== undefined) ?? mine.reduce((a, b) => (b.id < a.id ? b : a));
          const extras = mine.filter((o) => o !== keep && o.barcode === undefined).map((o) => o.id);
          // Earlier attempts that all committed: leave the carrier one order (best effort, the result is not needed).
          if (extras.length > 0) await call('DELETE', `${otpravka}/backlog`, extras, signal).catch(() => undefined);
          return await complete(keep.id, keep.barcode, signal);
        }
      }
      const putUrl = `${otpravka}/user/backlog`;
      const res = await call('PUT', putUrl, [toBacklogPosition(order)], signal);
      if (res.status === 400) {
        const e = RequestError.safeParse(res.json);
        if (e.success && e.data.code) return { kind: 'rejected', message: e.data.desc ?? e.data.code, codes: [e.data.code] };
      }
      if (res.status < 200 || res.status >= 300) throw new UnknownOutcome(`PUT ${rel(putUrl)}: HTTP ${res.status}`);
      const put = parse(ResultAnswer, res.json, `PUT ${rel(putUrl)}`);
      const refused = put.errors?.find((e) => e.position === 0);
      if (refused) return { kind: 'rejected', ...positionCodes(refused) };
      const id = put['result-ids']?.[0];
      if (id === undefined) throw new UnknownOutcome(`PUT ${rel(putUrl)}: no result-ids and no errors`);
      return await complete(id, undefined, signal);
    } catch (error) {
      return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** 'ok', or the carrier's refusal for position 0. */
  async function remove(path: '/backlog' | '/shipment', id: number, signal: AbortSignal | undefined): Promise<'ok' | { code: string; message: string }> {
    const answer = await ok(ResultAnswer, 'DELETE', `${otpravka}${path}`, [id], signal);
    const e = answer.errors?.find((x) => x.position === 0);
    if (!e) {
      if ((answer['result-ids'] ?? []).includes(id)) return 'ok';
      throw new UnknownOutcome(`DELETE ${rel(otpravka)}${path}: order ${id} neither removed nor refused`);
    }
    const { codes, message } = positionCodes(e);
    return { code: codes[0] ?? '', message };
  }

  async function cancel(shipment: CarrierShipment, opts: { signal?: AbortSignal }): Promise<CancelOutcome> {
    if (!/^\d{1,15}$/.test(shipment.carrierRef)) return { kind: 'refused', message: `"${shipment.carrierRef.slice(0, 40)}" is not a Russian Post order id` };
    const id = Number(shipment.carrierRef);
    // Batched orders leave through DELETE /1.0/shipment, backlog orders through DELETE /1.0/backlog. NOT_FOUND on one
    // side tries the other (an earlier unknown send may have batched it or not); NOT_FOUND on both: the carrier
    // holds nothing under this id any more, which is what a cancel wants.
    const order: Array<'/backlog' | '/shipment'> = shipment.trackNumber ? ['/shipment', '/backlog'] : ['/backlog', '/shipment'];
    try {
      let last: { code: string; message: string } | undefined;
      for (const path of order) {
        const r = await remove(path, id, opts.signal);
        if (r === 'ok') return { kind: 'cancelled' };
        if (r.code !== 'NOT_FOUND') return { kind: 'refused', message: r.message };
        last = r;
      }
      return last ? { kind: 'cancelled' } : { kind: 'unknown', message: 'no answer' };
    } catch (error) {
      return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async function trackOne(s: { trackNumber: string; point: Branch }, signal: AbortSignal | undefined): Promise<CarrierTracking | null> {
    const url = `${tracking}/history/${encodeURIComponent(s.trackNumber)}`;
    const res = await call('GET', url, undefined, signal);
    if (res.status === 404) return null;
    if (res.status !== 200) throw new UnknownOutcome(`GET ${rel(url)}: HTTP ${res.status}`);
    const raw = parse(History, res.json, `GET ${rel(url)}`).OperationHistoryData.historyRecord;
    const records = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const mapped = mapHistory(records, s.point);
    const out: CarrierTracking = { trackNumber: s.trackNumber, status: mapped.status, events: mapped.events };
    if (mapped.arrivedAt) {
      out.storageUntil = addDays(zonedDate(mapped.arrivedAt, s.point.timeZone), storageDaysAt(s.point));
    } else if (mapped.acceptedAt && mapped.status === 'in_transit') {
      // Expected arrival: acceptance day + the carrier's max delivery days for this order (best effort).
      const eta = await etaDays(s.trackNumber, signal).catch(() => undefined);
      if (eta !== undefined) out.eta = addDays(zonedDate(mapped.acceptedAt, s.point.timeZone), eta);
    }
    return out;
  }

  async function etaDays(barcode: string, signal: AbortSignal | undefined): Promise<number | undefined> {
    const list = await ok(RpOrderList, 'GET', `${otpravka}/shipment/search?query=${encodeURIComponent(barcode)}`, undefined, signal);
    return list.find((o) => o.barcode === barcode)?.['delivery-time']?.['max-days'];
  }

  async function track(shipments: readonly { trackNumber: string; phone?: string; point: Branch }[], opts: { signal?: AbortSignal }): Promise<CarrierTracking[] | { kind: 'unknown'; message: string }> {
    try {
      const results = await pool(shipments, RP_TRACK_CONCURRENCY, (s) => trackOne(s, opts.signal));
      return results.filter((r): r is CarrierTracking => r !== null);
    } catch (error) {
      return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return { carrier: 'russian-post', send, cancel, track };
}

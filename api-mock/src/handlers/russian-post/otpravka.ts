// Russian Post Otpravka ORDER sandbox (Russian Post's Otpravka API documentation, otpravka.pochta.ru/specification),
// kebab-case JSON.
// Every route needs `Authorization: AccessToken <token>` and `X-User-Authorization: Basic <credentials>` (401 otherwise).
//
//   PUT    */carriers/russian-post/otpravka/1.0/user/backlog                  body [order…]  -> {"result-ids":[…], "errors"?:[{"error-codes":[{code,description,details}],position}]}
//   GET    */carriers/russian-post/otpravka/1.0/backlog/{id}                  -> order (+ barcode, batch-name once batched); 404 when deleted
//   GET    */carriers/russian-post/otpravka/1.0/backlog/search?query=<order-num> -> [order…] live orders, in the backlog or in batches
//   DELETE */carriers/russian-post/otpravka/1.0/backlog                       body [ids] -> {"result-ids":[…], "errors"?:[{"error-code":"NOT_FOUND",description,position}]}
//   POST   */carriers/russian-post/otpravka/1.0/user/shipment?sending-date=YYYY-MM-DD body [ids]
//          -> {"batches":[{"batch-name","batch-status":"CREATED","mail-type","mail-category","shipment-count","list-number-date"}],"result-ids":[…],"errors"?:[…]}
//   GET    */carriers/russian-post/otpravka/1.0/batch/{name}/shipment         -> [order… with barcode]
//   GET    */carriers/russian-post/otpravka/1.0/shipment/search?query=<barcode|order-num> -> [batched order…]
//   DELETE */carriers/russian-post/otpravka/1.0/shipment                      body [ids] -> like DELETE backlog; "ALREADY_ACCEPTED" once the office took the parcel
//   GET    */carriers/russian-post/tracking/1.0/history/{barcode}             (the real service is SOAP getOperationHistory)
//          -> {"OperationHistoryData":{"historyRecord":[{"OperationParameters":{"OperType":{Id,Name},"OperAttr":{Id,Name},"OperDate"},
//              "AddressParameters":{"OperationAddress":{Index,Description}},"ItemParameters":{Barcode,Mass}}…]}} oldest first; 404 unknown barcode
//   GET    */__sandbox/russian-post/shipments[?orderNum=…]  (sandbox admin) -> {"items":[{id,orderNum,barcode?,batchName?,deleted,cancelled,createdAt}]}
//
// The carrier does NOT deduplicate by order-num: the same order-num twice makes two orders (our exactly-once
// machinery must cope). State lives in an OtpravkaStore journaled through ctx.journal; times come from ctx.carrierClock.
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Branch } from '../../../../widget/src/model/index.js';
import { isRussianPostTrack } from '../../../../widget/src/core/track-number.js';
import { z } from '../../../../widget/src/model/zod.js';
import type { SandboxContext } from '../../context.js';
import { RP_SERVICES, rpTariff } from '../../pricing/russian-post.js';
import { CORS_HEADERS, readJson } from '../http.js';
import { OtpravkaStore, type RpOrder, type RpPosition } from './otpravka-store.js';
import {
  OPER_ATTR_NAMES, OPER_TYPE_NAMES, acceptanceAt, historyAt, localIso, planTimeline,
  type RpPointType, type TimelineInput, type TimelinePlace,
} from './otpravka-timeline.js';

export const OTPRAVKA_BASE = '*/carriers/russian-post/otpravka/1.0';
export const RP_TRACKING_BASE = '*/carriers/russian-post/tracking/1.0';
export const RP_MAIL_TYPES = ['POSTAL_PARCEL', 'ONLINE_PARCEL', 'ECOM'] as const;
export const RP_MAIL_CATEGORIES = ['ORDINARY', 'WITH_DECLARED_VALUE', 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY'] as const;
const SERVICE_OF: Record<string, number> = { POSTAL_PARCEL: 4030, ONLINE_PARCEL: 23030, ECOM: 54020 };
const MAX_POSITIONS = 500;

/** Semantic position errors (after the schema): code -> description, as the cabinet shows them. */
export const OTPRAVKA_ERRORS = {
  UNDEFINED_INDEX_TO: 'Индекс получателя не найден',
  UNDEFINED_DELIVERY_POINT_INDEX: 'Пункт выдачи не найден',
  EMPTY_DELIVERY_POINT_INDEX: 'Для ECOM нужен индекс пункта выдачи (ecom-data.delivery-point-index)',
  CLOSED_INDEX_TO: 'Отделение получателя закрыто',
  MAX_MASS_EXCEEDED: 'Превышен предельный вес отправления',
  MAX_DIMENSION_EXCEEDED: 'Превышены предельные размеры отправления',
  NO_SUITABLE_CELL: 'В почтомате нет подходящей ячейки',
  MAX_INSR_VALUE_EXCEEDED: 'Объявленная ценность превышает допустимую',
  EMPTY_INSR_VALUE: 'Не указана объявленная ценность',
  EMPTY_PAYMENT: 'Не указана сумма наложенного платежа',
  PAYMENT_EXCEEDS_INSR_VALUE: 'Наложенный платёж больше объявленной ценности',
  ILLEGAL_PAYMENT: 'Наложенный платёж возможен только с категорией WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY',
  COD_NOT_AVAILABLE: 'Пункт выдачи не принимает наложенный платёж',
} as const;
export type OtpravkaErrorCode = keyof typeof OTPRAVKA_ERRORS | `EMPTY_${string}` | `ILLEGAL_${string}`;

export interface PositionErrorCode {
  code: string;
  description: string;
  details: string;
}

// ---------------------------------------------------------------------------
// Schemas

/** RP sends indexes and phone numbers as integers; strings of digits are accepted too. */
const Index6 = z.pipe(
  z.union([z.int().check(z.gte(100_000), z.lte(999_999)), z.string().check(z.regex(/^\d{6}$/))], 'expected a 6-digit index'),
  z.transform((v: number | string) => String(v)),
);
const Tel = z.pipe(
  z.union([z.int().check(z.gte(1_000_000_000), z.lte(999_999_999_999_999)), z.string().check(z.regex(/^\d{10,15}$/))], 'expected 10-15 digits'),
  z.transform((v: number | string) => String(v)),
);
const Text = (max: number) => z.string('expected a string').check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));
const Cm = z.int('expected whole centimetres').check(z.gt(0), z.lte(1000));
const Kopecks = z.int('expected kopecks as an integer').check(z.gte(0), z.lte(1_000_000_000));

export const RpPositionSchema = z.object({
  'order-num': z.string('expected a string').check(z.minLength(1, 'must not be empty'), z.maxLength(64)),
  'mail-type': z.enum(RP_MAIL_TYPES, `expected one of ${RP_MAIL_TYPES.join(', ')}`),
  'mail-category': z.enum(RP_MAIL_CATEGORIES, `expected one of ${RP_MAIL_CATEGORIES.join(', ')}`),
  'mail-direct': z.literal(643, 'only 643 (Russia) is served'),
  mass: z.int('expected grams as an integer').check(z.gt(0, 'must be > 0'), z.lte(100_000, 'at most 100000 g')),
  dimension: z.optional(z.object({ length: Cm, width: Cm, height: Cm })),
  'address-type-to': z.enum(['DEFAULT', 'PO_BOX', 'DEMAND', 'UNIT'], 'expected DEFAULT, PO_BOX, DEMAND or UNIT'),
  'index-to': Index6,
  'region-to': Text(200),
  'place-to': Text(200),
  'street-to': z.optional(Text(200)),
  'house-to': z.optional(Text(60)),
  'given-name': Text(100),
  'middle-name': z.optional(Text(100)),
  surname: Text(100),
  'recipient-name': Text(300),
  'tel-address': z.optional(Tel),
  'postoffice-code': z.optional(Index6),
  'insr-value': z.optional(Kopecks),
  payment: z.optional(Kopecks),
  comment: z.optional(z.string().check(z.maxLength(500))),
  'ecom-data': z.optional(z.object({ 'delivery-point-index': Index6 })),
});

const IdList = z.array(z.int().check(z.gt(0))).check(z.minLength(1, 'expected at least one id'), z.maxLength(MAX_POSITIONS));
const SendingDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD'));

// ---------------------------------------------------------------------------
// Answers

function rpJson(body: unknown, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status, headers: { ...CORS_HEADERS, 'Cache-Control': 'no-store' } });
}

/** Otpravka's whole-request error shape: {"code","desc","sub-code","field"}. */
export function otpravkaError(status: number, code: string, desc: string, field?: string): Response {
  return rpJson({ code, desc, 'sub-code': code, ...(field ? { field } : {}) }, status);
}

function authError(request: Request): Response | null {
  const token = request.headers.get('Authorization') ?? '';
  const user = request.headers.get('X-User-Authorization') ?? '';
  if (!/^AccessToken\s+\S+/.test(token)) return otpravkaError(401, 'UNAUTHORIZED', 'Authorization: AccessToken <token> is required', 'Authorization');
  if (!/^Basic\s+\S+/.test(user)) return otpravkaError(401, 'UNAUTHORIZED', 'X-User-Authorization: Basic <credentials> is required', 'X-User-Authorization');
  return null;
}

// ---------------------------------------------------------------------------
// The carrier's view of the dataset and its store

interface RpPoints {
  offices: Map<string, Branch>;
  /** Lockers and pickup points by index (several may share one). */
  ecom: Map<string, Branch[]>;
  /** Accepting office when the order names none (or an unknown one). */
  defaultSender: Branch | undefined;
}

function rpPoints(ctx: SandboxContext): RpPoints {
  return ctx.memo('russian-post/otpravka-points', () => {
    const offices = new Map<string, Branch>();
    const ecom = new Map<string, Branch[]>();
    for (const b of ctx.dataset.branches) {
      if (b.carrier !== 'russian-post' || !/^\d{6}$/.test(b.address.postcode)) continue;
      if (b.type === 'post_office') offices.set(b.address.postcode, b);
      else {
        let list = ecom.get(b.address.postcode);
        if (!list) ecom.set(b.address.postcode, (list = []));
        list.push(b);
      }
    }
    const open = [...offices.values()].filter((b) => b.status === 'open').sort((a, b) => a.address.postcode.localeCompare(b.address.postcode));
    return { offices, ecom, defaultSender: open[0] };
  });
}

export function otpravkaStore(ctx: SandboxContext): OtpravkaStore {
  return ctx.memo('russian-post/otpravka-store', () => new OtpravkaStore(ctx.journal));
}

// ---------------------------------------------------------------------------
// Position checks

const snake = (key: string) => key.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

export function schemaErrors(raw: unknown, error: z.core.$ZodError): PositionErrorCode[] {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = new Map<string, PositionErrorCode>();
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'order');
    const value = obj[key];
    const code = `${value === undefined || value === null || value === '' ? 'EMPTY' : 'ILLEGAL'}_${snake(key)}`;
    if (!out.has(code)) out.set(code, { code, description: issue.message, details: `${issue.path.map(String).join('.') || key}: ${issue.message}` });
  }
  return [...out.values()];
}

function err(code: keyof typeof OTPRAVKA_ERRORS, details: string): PositionErrorCode {
  return { code, description: OTPRAVKA_ERRORS[code], details };
}

const desc = (dims: readonly number[]) => [...dims].sort((a, b) => b - a);

function fitsWithin(dims: readonly number[], limit: readonly number[]): boolean {
  const d = desc(dims);
  const l = desc(limit);
  return d.every((v, i) => v <= (l[i] ?? 0));
}

/** Why this parcel cannot go to this point (empty when it can). */
function limitErrors(p: Branch, pos: z.infer<typeof RpPositionSchema>): PositionErrorCode[] {
  const out: PositionErrorCode[] = [];
  const service = RP_SERVICES.get(SERVICE_OF[pos['mail-type']] ?? 0);
  const maxMass = Math.min(p.limits.maxWeightG ?? Infinity, service?.maxWeightG ?? Infinity);
  if (pos.mass > maxMass) out.push(err('MAX_MASS_EXCEEDED', `mass ${pos.mass} g > ${maxMass} g at ${p.address.postcode}`));
  const dims = pos.dimension ? [pos.dimension.length, pos.dimension.width, pos.dimension.height] : undefined;
  const maxDims = p.limits.maxDimensionsCm;
  if (dims && maxDims && !fitsWithin(dims, [maxDims.length, maxDims.width, maxDims.height])) {
    out.push(err('MAX_DIMENSION_EXCEEDED', `${dims.join('x')} cm > ${maxDims.length}x${maxDims.width}x${maxDims.height} cm`));
  }
  const cells = p.limits.lockerCells;
  if (dims && cells && cells.length > 0 && !cells.some((c) => c.maxWeightG >= pos.mass && fitsWithin(dims, [c.dimensionsCm.length, c.dimensionsCm.width, c.dimensionsCm.height]))) {
    out.push(err('NO_SUITABLE_CELL', `no cell for ${dims.join('x')} cm, ${pos.mass} g`));
  }
  const maxValue = p.limits.maxDeclaredValue?.amount;
  if (maxValue !== undefined && (pos['insr-value'] ?? 0) > maxValue) {
    out.push(err('MAX_INSR_VALUE_EXCEEDED', `insr-value ${pos['insr-value']} > ${maxValue} kopecks`));
  }
  if (pos['mail-category'] === 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY' && !p.payment.includes('cod')) {
    out.push(err('COD_NOT_AVAILABLE', `point ${p.address.postcode} does not take cash on delivery`));
  }
  return out;
}

export function categoryErrors(pos: Pick<z.infer<typeof RpPositionSchema>, 'mail-category' | 'insr-value' | 'payment'>): PositionErrorCode[] {
  const out: PositionErrorCode[] = [];
  const insr = pos['insr-value'] ?? 0;
  const payment = pos.payment ?? 0;
  if (pos['mail-category'] !== 'ORDINARY' && insr <= 0) out.push(err('EMPTY_INSR_VALUE', `${pos['mail-category']} needs insr-value > 0`));
  if (pos['mail-category'] === 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY') {
    if (payment <= 0) out.push(err('EMPTY_PAYMENT', 'payment must be > 0'));
    else if (payment > insr) out.push(err('PAYMENT_EXCEEDS_INSR_VALUE', `payment ${payment} > insr-value ${insr}`));
  } else if (payment > 0) out.push(err('ILLEGAL_PAYMENT', `payment with mail-category ${pos['mail-category']}`));
  return out;
}

export type CheckedPosition =
  | { ok: true; position: RpPosition; point: Branch; sender: Branch }
  | { ok: false; codes: PositionErrorCode[] };

/** Validate one backlog position and resolve its destination (a real Russian Post point of the dataset). */
export function checkPosition(ctx: SandboxContext, raw: unknown): CheckedPosition {
  const parsed = RpPositionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, codes: schemaErrors(raw, parsed.error) };
  const pos = parsed.data;
  const points = rpPoints(ctx);
  const codes: PositionErrorCode[] = [...categoryErrors(pos)];
  let point: Branch | undefined;
  const dpi = pos['ecom-data']?.['delivery-point-index'];
  if (dpi !== undefined) {
    const candidates = points.ecom.get(dpi) ?? [];
    if (candidates.length === 0) codes.push(err('UNDEFINED_DELIVERY_POINT_INDEX', `no parcel locker or pickup point ${dpi}`));
    // Several lockers may share an index: the first one that takes the parcel is the destination.
    point = candidates.find((c) => c.status !== 'closed' && limitErrors(c, pos).length === 0) ?? candidates[0];
  } else if (pos['mail-type'] === 'ECOM') {
    codes.push(err('EMPTY_DELIVERY_POINT_INDEX', 'mail-type ECOM without ecom-data.delivery-point-index'));
  } else {
    point = points.offices.get(pos['index-to']);
    if (!point) codes.push(err('UNDEFINED_INDEX_TO', `no post office ${pos['index-to']}`));
  }
  if (point) {
    // Temporarily closed offices still take mail (it waits for them); closed ones do not.
    if (point.status === 'closed') codes.push(err('CLOSED_INDEX_TO', `${point.address.postcode} is closed`));
    codes.push(...limitErrors(point, pos));
  }
  const sender = (pos['postoffice-code'] ? points.offices.get(pos['postoffice-code']) : undefined) ?? points.defaultSender;
  if (codes.length > 0 || !point || !sender) return { ok: false, codes };
  return { ok: true, position: pos as RpPosition, point, sender };
}

// ---------------------------------------------------------------------------
// Views

function placeOf(b: Branch): TimelinePlace {
  const kind = b.type === 'parcel_locker' ? 'Почтомат ' : b.type === 'pickup_point' ? 'ПВЗ ' : '';
  return { index: b.address.postcode, description: `${b.address.city} ${kind}${b.address.postcode}`, timeZone: b.timeZone, city: b.address.city, lat: b.lat, lng: b.lng };
}

function senderOf(ctx: SandboxContext, o: RpOrder): Branch | undefined {
  const points = rpPoints(ctx);
  return points.offices.get(o.senderIndex) ?? points.defaultSender;
}

export function timelineOf(ctx: SandboxContext, o: RpOrder): TimelineInput | undefined {
  const dest = ctx.byId.get(o.pointId);
  const sender = senderOf(ctx, o);
  if (!o.barcode || o.batchedAt === undefined || !dest || !sender) return undefined;
  return {
    barcode: o.barcode,
    batchedAt: o.batchedAt,
    sender: placeOf(sender),
    dest: { ...placeOf(dest), type: dest.type as RpPointType },
    ...(o.cancelledAt !== undefined ? { cancelledAt: o.cancelledAt } : {}),
  };
}

function orderJson(ctx: SandboxContext, o: RpOrder): Record<string, unknown> {
  const dest = ctx.byId.get(o.pointId);
  const sender = senderOf(ctx, o);
  const p = o.position;
  const out: Record<string, unknown> = {
    id: o.id,
    ...p,
    'index-to': Number(p['index-to']),
    ...(p['tel-address'] !== undefined ? { 'tel-address': Number(p['tel-address']) } : {}),
    'postoffice-code': o.senderIndex,
  };
  const service = RP_SERVICES.get(SERVICE_OF[p['mail-type']] ?? 0);
  if (dest && sender && service) {
    const dims = p.dimension as { length: number; width: number; height: number } | undefined;
    const insr = typeof p['insr-value'] === 'number' ? p['insr-value'] : 0;
    const payment = typeof p.payment === 'number' ? p.payment : 0;
    const t = rpTariff({
      service, from: sender, to: dest, weightG: p.mass, toLocker: dest.type === 'parcel_locker',
      ...(dims ? { size: [dims.length, dims.width, dims.height] as const } : {}),
      ...(insr ? { sumoc: insr } : {}),
      ...(payment ? { sumnp: payment } : {}),
    });
    out['total-rate-wo-vat'] = t.pay;
    out['total-vat'] = t.nds;
    out['delivery-time'] = { 'min-days': t.delivery.min, 'max-days': t.delivery.max };
  }
  if (o.batchName !== undefined) out['batch-name'] = o.batchName;
  if (o.barcode !== undefined) out.barcode = o.barcode;
  return out;
}

function batchJson(ctx: SandboxContext, name: string): Record<string, unknown> | undefined {
  const b = otpravkaStore(ctx).batches.get(name);
  if (!b) return undefined;
  const first = otpravkaStore(ctx).orders.get(b.ids[0] ?? 0);
  return {
    'batch-name': b.name,
    'batch-status': 'CREATED',
    'mail-type': b.mailType,
    'mail-category': b.mailCategory,
    'shipment-count': b.ids.length,
    'list-number-date': b.sendingDate,
    ...(first ? { 'postoffice-code': first.senderIndex } : {}),
  };
}

export function historyJson(ctx: SandboxContext, o: RpOrder): Record<string, unknown> {
  const input = timelineOf(ctx, o);
  const ops = input ? historyAt(input, ctx.carrierClock.now().getTime()) : [];
  return {
    OperationHistoryData: {
      historyRecord: ops.map((op) => ({
        OperationParameters: {
          OperType: { Id: op.type, Name: OPER_TYPE_NAMES[op.type] ?? '' },
          OperAttr: { Id: op.attr, Name: OPER_ATTR_NAMES[`${op.type}/${op.attr}`] ?? '' },
          OperDate: localIso(op.at, op.place.timeZone),
        },
        AddressParameters: { OperationAddress: { Index: op.place.index, Description: op.place.description } },
        ItemParameters: { Barcode: o.barcode, Mass: o.position.mass },
      })),
    },
  };
}

async function readIds(request: Request): Promise<{ ok: true; ids: number[] } | { ok: false; response: Response }> {
  const body = await readJson(request);
  const parsed = body.ok ? IdList.safeParse(body.value) : undefined;
  if (!parsed?.success) return { ok: false, response: otpravkaError(400, 'BAD_REQUEST', 'expected a JSON array of order ids', 'body') };
  return { ok: true, ids: parsed.data };
}

// ---------------------------------------------------------------------------
// Routes

export function otpravkaHandlers(ctx: SandboxContext): RequestHandler[] {
  const store = () => otpravkaStore(ctx);
  const nowMs = () => ctx.carrierClock.now().getTime();
  const B = OTPRAVKA_BASE;
  return [
    http.put(`${B}/user/backlog`, async ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const body = await readJson(request);
      if (!body.ok || !Array.isArray(body.value)) return otpravkaError(400, 'BAD_REQUEST', 'expected a JSON array of orders', 'body');
      if (body.value.length === 0 || body.value.length > MAX_POSITIONS) return otpravkaError(400, 'BAD_REQUEST', `expected 1-${MAX_POSITIONS} orders`, 'body');
      const at = nowMs();
      const resultIds: number[] = [];
      const errors: Array<{ 'error-codes': PositionErrorCode[]; position: number }> = [];
      body.value.forEach((raw, position) => {
        const checked = checkPosition(ctx, raw);
        if (!checked.ok) errors.push({ 'error-codes': checked.codes, position });
        else resultIds.push(store().create(checked.position, checked.point.id, checked.sender.address.postcode, at).id);
      });
      return rpJson({ 'result-ids': resultIds, ...(errors.length > 0 ? { errors } : {}) });
    }),

    http.get(`${B}/backlog/search`, ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const query = new URL(request.url).searchParams.get('query')?.trim() ?? '';
      if (!query) return otpravkaError(400, 'BAD_REQUEST', 'query (order-num) is required', 'query');
      return rpJson(store().search(query).map((o) => orderJson(ctx, o)));
    }),

    http.get(`${B}/backlog/:id`, ({ request, params }) => {
      const denied = authError(request);
      if (denied) return denied;
      const id = String(params.id);
      const o = /^\d{1,15}$/.test(id) ? store().live(Number(id)) : undefined;
      if (!o) return otpravkaError(404, 'NOT_FOUND', `order ${id.slice(0, 20)} not found`, 'id');
      return rpJson(orderJson(ctx, o));
    }),

    http.delete(`${B}/backlog`, async ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const read = await readIds(request);
      if (!read.ok) return read.response;
      const { removed, notFound } = store().deleteFromBacklog(read.ids, nowMs());
      const errors = notFound.map((position) => {
        const o = store().live(read.ids[position] ?? 0);
        return {
          'error-code': 'NOT_FOUND',
          description: o?.batchName !== undefined ? `order ${o.id} is in batch ${o.batchName}: remove it with DELETE /1.0/shipment` : 'order not found in the backlog',
          position,
        };
      });
      return rpJson({ 'result-ids': removed, ...(errors.length > 0 ? { errors } : {}) });
    }),

    http.post(`${B}/user/shipment`, async ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const date = SendingDate.safeParse(new URL(request.url).searchParams.get('sending-date') ?? '');
      if (!date.success || Number.isNaN(Date.parse(`${date.data}T00:00:00Z`))) {
        return otpravkaError(400, 'BAD_REQUEST', 'sending-date: expected YYYY-MM-DD', 'sending-date');
      }
      const read = await readIds(request);
      if (!read.ok) return read.response;
      const result = store().batch(read.ids, date.data, nowMs());
      const errors = result.errors.map((e) => ({
        'error-codes': [{ code: e.code, description: e.code === 'NOT_FOUND' ? 'Заказ не найден' : 'Заказ уже в партии', details: `order ${e.id}` }],
        position: e.position,
      }));
      return rpJson({
        batches: result.batches.map((b) => batchJson(ctx, b.name)),
        'result-ids': result.resultIds,
        ...(errors.length > 0 ? { errors } : {}),
      });
    }),

    http.get(`${B}/batch/:name/shipment`, ({ request, params }) => {
      const denied = authError(request);
      if (denied) return denied;
      const batch = store().batches.get(String(params.name));
      if (!batch) return otpravkaError(404, 'NOT_FOUND', `batch ${String(params.name).slice(0, 20)} not found`, 'name');
      const orders = batch.ids.map((id) => store().live(id)).filter((o): o is RpOrder => o !== undefined);
      return rpJson(orders.map((o) => orderJson(ctx, o)));
    }),

    http.get(`${B}/shipment/search`, ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const query = new URL(request.url).searchParams.get('query')?.trim() ?? '';
      if (!query) return otpravkaError(400, 'BAD_REQUEST', 'query (barcode or order-num) is required', 'query');
      return rpJson(store().search(query, { barcode: true, batchedOnly: true }).map((o) => orderJson(ctx, o)));
    }),

    http.delete(`${B}/shipment`, async ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const read = await readIds(request);
      if (!read.ok) return read.response;
      const at = nowMs();
      const resultIds: number[] = [];
      const errors: Array<{ 'error-code': string; description: string; position: number }> = [];
      read.ids.forEach((id, position) => {
        const o = store().live(id);
        const input = o ? timelineOf(ctx, o) : undefined;
        if (!o || !input) {
          errors.push({ 'error-code': 'NOT_FOUND', description: o ? `order ${id} is not in a batch` : `order ${id} not found`, position });
        } else if (acceptanceAt(input) <= at) {
          errors.push({ 'error-code': 'ALREADY_ACCEPTED', description: `Отправление ${o.barcode} уже принято в отделении`, position });
        } else {
          store().cancel(id, at);
          resultIds.push(id);
        }
      });
      return rpJson({ 'result-ids': resultIds, ...(errors.length > 0 ? { errors } : {}) });
    }),

    http.get(`${RP_TRACKING_BASE}/history/:barcode`, ({ request, params }) => {
      const denied = authError(request);
      if (denied) return denied;
      const barcode = String(params.barcode);
      if (!isRussianPostTrack(barcode)) return otpravkaError(400, 'BAD_REQUEST', 'expected a 14-digit barcode or an S10 number', 'barcode');
      const o = store().byBarcode(barcode);
      if (!o) return otpravkaError(404, 'NOT_FOUND', `no item ${barcode}`, 'barcode');
      return rpJson(historyJson(ctx, o));
    }),

    http.get('*/__sandbox/russian-post/shipments', ({ request }) => {
      const orderNum = new URL(request.url).searchParams.get('orderNum');
      const items = [...store().orders.values()]
        .filter((o) => orderNum === null || o.orderNum === orderNum)
        .map((o) => ({
          id: o.id,
          orderNum: o.orderNum,
          ...(o.barcode !== undefined ? { barcode: o.barcode } : {}),
          ...(o.batchName !== undefined ? { batchName: o.batchName } : {}),
          deleted: o.deletedAt !== undefined || o.cancelledAt !== undefined,
          cancelled: o.cancelledAt !== undefined,
          createdAt: new Date(o.createdAt).toISOString(),
        }));
      return rpJson({ items });
    }),
  ];
}

/** The planned life of a shipment, for tests and demos (not a carrier route). */
export function shipmentPlan(ctx: SandboxContext, o: RpOrder) {
  const input = timelineOf(ctx, o);
  return input ? planTimeline(input) : undefined;
}

// Inbound Russian Post connector: a shop already integrated with Otpravka sends us the SAME backlog body it would
// send Russian Post and gets Russian Post's per-position answer; every good position becomes an ordinary order of
// our order API (`Orders.create`, so validation, re-pricing, idempotency and the outbox are the order API's own).
//
//   PUT */api/v1/connectors/russian-post/1.0/user/backlog      body [position…] (1-500, Otpravka's backlog format)
//     Authorization: AccessToken <ownerKey>                     the widget's owner key
//     X-User-Authorization: Basic base64("<configId>:<any>")    names the widget (the password part is ignored)
//   -> 200 {"result-ids":[…], "errors"?:[{"error-codes":[{code,description,details}],"position":i}]}
//      401 {"code":"UNAUTHORIZED","desc","sub-code","field"} when a header is missing or the key does not own the widget
//      400 {"code":"BAD_REQUEST",…} when the body is not an array of 1-500 positions
//
// Mapping (the inverse of connectors/russian-post.ts `toBacklogPosition`): order-num -> orderNumber; the widget from
// X-User-Authorization -> configId; destination: `ecom-data.delivery-point-index` -> a Russian Post parcel locker or
// pickup point with that index, otherwise `index-to` -> the post office with that index (another Russian Post point
// of that index when there is no office); with several candidates the first open one the parcel fits. mass (g) ->
// weightG; dimension (cm, required here) -> dimensionsCm; given-name + surname, or `recipient-name` read as
// "Surname Given [Middle]"; tel-address -> "+<digits>" (10 digits or a leading 8 read as Russian: 8912… -> +7912…);
// insr-value / payment (kopecks) -> declaredValue / cashOnDelivery in RUB minor units when > 0; comment -> comment;
// postoffice-code (a known office) -> origin. mail-type and mail-category are checked as Russian Post does (ECOM
// needs ecom-data; payment needs WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY and insr-value >= payment) and not stored:
// our order API picks the service by the point. region/place/street/house-to and middle-name are not kept.
//
// Idempotency: the shop has no key of its own, so each position is sent with Idempotency-Key
// "rp-backlog:<order-num>" in its widget. Re-sending the same backlog replays the same orders (same result-ids,
// nothing new); the same order-num with another payload is a DUPLICATE_ORDER_NUM position error. After the key's
// 24 h retention an identical position still answers its existing order (found by order number and compared field by
// field). When the first attempt under an order-num failed without making an order (e.g. not deliverable) and the
// shop corrects the position, it is retried under "rp-backlog:<order-num>:<fingerprint>" so the fix is not blocked.
// Positions are processed one after another; a position that meets a transient failure (tariff API down, the same
// order still in flight after ~10 s) is a SERVICE_UNAVAILABLE position error: re-sending the backlog is safe.
//
// result-ids: Russian Post ids are numbers, so each order's id is derived from ours: 1 + the first 12 hex digits
// (48 bits) of "ord_<20 hex>" read as a number (`rpBacklogId`): at most 15 digits, stable for the order, no table.
// Our problem answers become Russian Post codes (see `positionError`), our detail text in `details`.
import { http, type RequestHandler } from 'msw';
import { fitCheck } from '../../../../widget/src/core/fit.js';
import { normalizePhone } from '../../../../widget/src/core/phone.js';
import { isSelectable, type Branch, type Origin } from '../../../../widget/src/model/index.js';
import { ConfigId, OrderInput, OrderNumber, type CreatedOrder, type Problem } from '../../../../widget/src/model/order.js';
import { z } from '../../../../widget/src/model/zod.js';
import type { SandboxContext } from '../../context.js';
import {
  OTPRAVKA_ERRORS, RpPositionSchema, categoryErrors, otpravkaError, schemaErrors, type PositionErrorCode,
} from '../../handlers/russian-post/otpravka.js';
import { CORS_HEADERS, readJson } from '../../handlers/http.js';
import { phoneDigits } from '../connectors/russian-post.js';
import { canonicalJson, fingerprint } from '../idempotency.js';
import type { Orders } from '../orders.js';
import { storedOrder } from '../orders.js';
import { hashSecret } from '../secrets.js';
import type { OmsStore } from '../store.js';

export const RP_INBOUND_BACKLOG = '*/api/v1/connectors/russian-post/1.0/user/backlog';
export const RP_INBOUND_MAX_POSITIONS = 500;
/** How long a position waits for an identical request already in flight (its re-pricing takes at most ~10 s). */
const IN_FLIGHT_WAIT_MS = 12_000;
const IN_FLIGHT_STEP_MS = 200;

export interface RpInboundDeps {
  ctx: SandboxContext;
  store: OmsStore;
  orders: Orders;
}

/** Russian Post's numeric id for one of our orders: 1 + the first 48 bits of the id's hex part. */
export function rpBacklogId(orderId: string): number {
  const m = /^ord_([0-9a-f]{12})[0-9a-f]*$/.exec(orderId);
  if (!m) throw new Error(`not an order id: ${orderId}`);
  return 1 + Number.parseInt(m[1]!, 16);
}

export const backlogKey = (orderNum: string): string => `rp-backlog:${orderNum}`;

// ---------------------------------------------------------------------------
// Auth

const unauthorized = (desc: string, field: string) => otpravkaError(401, 'UNAUTHORIZED', desc, field);

/** The widget the request names and proves with its owner key, or the 401 answer. */
async function authenticate(request: Request, store: OmsStore): Promise<{ ok: true; configId: string } | { ok: false; response: Response }> {
  const token = /^AccessToken\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token) return { ok: false, response: unauthorized('Authorization: AccessToken <ownerKey> is required', 'Authorization') };
  const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(request.headers.get('x-user-authorization') ?? '')?.[1];
  if (!basic) return { ok: false, response: unauthorized('X-User-Authorization: Basic base64("<configId>:<password>") is required', 'X-User-Authorization') };
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const configId = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  if (!ConfigId.safeParse(configId).success) {
    return { ok: false, response: unauthorized('X-User-Authorization must name the widget: Basic base64("<configId>:<password>")', 'X-User-Authorization') };
  }
  if (!(await store.isOwner(configId, hashSecret(token)))) {
    return { ok: false, response: unauthorized('the access token is not the owner key of this widget', 'Authorization') };
  }
  return { ok: true, configId };
}

// ---------------------------------------------------------------------------
// Position -> OrderInput

const Name = z.string('expected a string').check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100));
/** Otpravka's position, but the recipient may be named by `recipient-name` alone (or by given-name + surname alone). */
const InboundPosition = z.extend(RpPositionSchema, {
  'given-name': z.optional(Name),
  surname: z.optional(Name),
  'recipient-name': z.optional(z.string('expected a string').check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(300))),
});
type InboundPosition = z.infer<typeof InboundPosition>;

/** Where the destination came from: the field our problems about the point are reported on. */
type PointField = 'index-to' | 'ecom-data.delivery-point-index';

type Mapped =
  | { ok: true; input: OrderInput; pointField: PointField }
  | { ok: false; codes: PositionErrorCode[] };

function code(code: string, details: string): PositionErrorCode {
  const known = (OTPRAVKA_ERRORS as Record<string, string>)[code] ?? EXTRA_DESCRIPTIONS[code];
  const field = code.replace(/^(EMPTY|ILLEGAL)_/, '').toLowerCase().replace(/_/g, '-');
  const description = known
    ?? (code.startsWith('EMPTY_') ? `Не заполнено поле ${field}` : code.startsWith('ILLEGAL_') ? `Некорректное значение поля ${field}` : 'Заказ не принят');
  return { code, description, details };
}

const EXTRA_DESCRIPTIONS: Record<string, string> = {
  EMPTY_DIMENSION: 'Не указаны размеры отправления',
  EMPTY_TEL_ADDRESS: 'Не указан телефон получателя',
  DUPLICATE_ORDER_NUM: 'Заказ с таким номером уже принят с другими данными',
  NOT_DELIVERABLE: 'Доставка в указанный пункт невозможна',
  SERVICE_UNAVAILABLE: 'Сервис временно недоступен, повторите отправку',
};

/** Russian Post points of the dataset by index: post offices, and lockers / pickup points. */
function pointsByIndex(ctx: SandboxContext): { offices: Map<string, Branch[]>; ecom: Map<string, Branch[]> } {
  return ctx.memo('oms/inbound/russian-post-points', () => {
    const offices = new Map<string, Branch[]>();
    const ecom = new Map<string, Branch[]>();
    for (const b of ctx.dataset.branches) {
      if (b.carrier !== 'russian-post' || !/^\d{6}$/.test(b.address.postcode)) continue;
      const map = b.type === 'post_office' ? offices : ecom;
      const list = map.get(b.address.postcode) ?? [];
      list.push(b);
      map.set(b.address.postcode, list);
    }
    return { offices, ecom };
  });
}

/** Of several points with one index: the first open one the parcel fits, else the first (the order API says why). */
function pick(candidates: readonly Branch[], parcel: OrderInput['parcel']): Branch | undefined {
  return candidates.find((b) => isSelectable(b) && fitCheck(parcel, b).fits) ?? candidates[0];
}

/** "Иванова Анна Петровна" -> surname Иванова, given name Анна (Russian Post's order, as toBacklogPosition writes it). */
function splitRecipientName(name: string | undefined): { surname?: string; givenName?: string } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return { ...(words[0] ? { surname: words[0] } : {}), ...(words[1] ? { givenName: words[1] } : {}) };
}

export function mapPosition(ctx: SandboxContext, configId: string, raw: unknown): Mapped {
  const parsed = InboundPosition.safeParse(raw);
  if (!parsed.success) return { ok: false, codes: schemaErrors(raw, parsed.error) };
  const pos: InboundPosition = parsed.data;
  const codes: PositionErrorCode[] = [...categoryErrors(pos)];

  const orderNum = OrderNumber.safeParse(pos['order-num']);
  if (!orderNum.success) codes.push(code('ILLEGAL_ORDER_NUM', `order-num: ${orderNum.error.issues[0]?.message ?? 'invalid'}`));

  const split = splitRecipientName(pos['recipient-name']);
  const givenName = pos['given-name'] ?? split.givenName;
  const surname = pos.surname ?? split.surname;
  if (!pos['given-name'] && !pos.surname && !pos['recipient-name']) {
    codes.push(code('EMPTY_RECIPIENT_NAME', 'recipient-name: give recipient-name or given-name and surname'));
  } else {
    if (!givenName) codes.push(code('EMPTY_GIVEN_NAME', 'given-name: not given and recipient-name has no second word'));
    if (!surname) codes.push(code('EMPTY_SURNAME', 'surname: not given and not in recipient-name'));
  }

  const tel = pos['tel-address'] === undefined ? undefined : phoneDigits(pos['tel-address']);
  if (pos['tel-address'] === undefined) codes.push(code('EMPTY_TEL_ADDRESS', 'tel-address: the order API needs the recipient\'s phone'));
  else if (!tel) codes.push(code('ILLEGAL_TEL_ADDRESS', `tel-address: ${pos['tel-address']} is not a phone number`));

  if (!pos.dimension) codes.push(code('EMPTY_DIMENSION', 'dimension: length, width and height in cm are required'));

  const insr = pos['insr-value'] ?? 0;
  const payment = pos.payment ?? 0;
  const parcel: OrderInput['parcel'] = {
    weightG: pos.mass,
    dimensionsCm: pos.dimension ?? { length: 0, width: 0, height: 0 },
    ...(insr > 0 ? { declaredValue: { amount: insr, currency: 'RUB' } } : {}),
    ...(payment > 0 ? { cashOnDelivery: { amount: payment, currency: 'RUB' } } : {}),
  };

  const points = pointsByIndex(ctx);
  const dpi = pos['ecom-data']?.['delivery-point-index'];
  let point: Branch | undefined;
  let pointField: PointField = 'index-to';
  if (dpi !== undefined) {
    pointField = 'ecom-data.delivery-point-index';
    point = pick(points.ecom.get(dpi) ?? [], parcel);
    if (!point) codes.push(code('UNDEFINED_DELIVERY_POINT_INDEX', `ecom-data.delivery-point-index: no Russian Post parcel locker or pickup point ${dpi}`));
  } else if (pos['mail-type'] === 'ECOM') {
    codes.push(code('EMPTY_DELIVERY_POINT_INDEX', 'ecom-data.delivery-point-index: mail-type ECOM needs it'));
  } else {
    const index = pos['index-to'];
    point = pick(points.offices.get(index) ?? [], parcel) ?? pick(points.ecom.get(index) ?? [], parcel);
    if (!point) codes.push(code('UNDEFINED_INDEX_TO', `index-to: no Russian Post point ${index}`));
  }

  if (codes.length > 0 || !point || !givenName || !surname || !tel || !orderNum.success) return { ok: false, codes };
  const sender = pos['postoffice-code'] ? points.offices.get(pos['postoffice-code'])?.[0] : undefined;
  const origin: Origin | undefined = sender ? { country: 'RU', postcode: sender.address.postcode, city: sender.address.city } : undefined;
  const input: OrderInput = {
    orderNumber: orderNum.data,
    configId,
    pointId: point.id,
    carrier: 'russian-post',
    parcel,
    recipient: { givenName, surname, phone: `+${tel}` },
    ...(origin ? { origin } : {}),
    ...(pos.comment ? { comment: pos.comment } : {}),
  };
  return { ok: true, input, pointField };
}

// ---------------------------------------------------------------------------
// Our problems -> Russian Post position errors

/** Our problem `field` (or its prefix) -> the position field it came from. */
const FIELD_OF: ReadonlyArray<[prefix: string, rpField: string]> = [
  ['orderNumber', 'order-num'],
  ['recipient.phone', 'tel-address'],
  ['recipient.givenName', 'given-name'],
  ['recipient.surname', 'surname'],
  ['recipient', 'recipient-name'],
  ['parcel.weightG', 'mass'],
  ['parcel.dimensionsCm', 'dimension'],
  ['parcel.declaredValue', 'insr-value'],
  ['parcel.cashOnDelivery', 'payment'],
  ['parcel', 'mass'],
  ['comment', 'comment'],
  ['origin', 'postoffice-code'],
  ['Idempotency-Key', 'order-num'],
];

function rpFieldOf(field: string | undefined, pointField: PointField): string {
  if (field === 'pointId' || field === 'carrier' || field === 'configId') return pointField;
  const hit = FIELD_OF.find(([prefix]) => field === prefix || field?.startsWith(`${prefix}.`));
  return hit?.[1] ?? 'order';
}

const snake = (rpField: string) => rpField.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

export function positionError(p: Pick<Problem, 'status' | 'code' | 'detail' | 'field'>, pointField: PointField): PositionErrorCode {
  const rpField = rpFieldOf(p.field, pointField);
  const details = `${rpField}: ${p.detail ?? p.code ?? `HTTP ${p.status}`}`;
  if (p.status >= 500 || p.code === 'in_flight') return code('SERVICE_UNAVAILABLE', details);
  switch (p.code) {
    case 'key_reused':
    case 'duplicate_order_number':
      return code('DUPLICATE_ORDER_NUM', details);
    case 'point_closed': return code('CLOSED_INDEX_TO', details);
    case 'unknown_point': return code(pointField === 'index-to' ? 'UNDEFINED_INDEX_TO' : 'UNDEFINED_DELIVERY_POINT_INDEX', details);
    case 'invalid_phone': return code('ILLEGAL_TEL_ADDRESS', details);
    case 'cod_not_allowed': return code('COD_NOT_AVAILABLE', details);
    case 'not_deliverable': return code('NOT_DELIVERABLE', details);
    case 'parcel_does_not_fit':
      if (rpField === 'insr-value') return code('MAX_INSR_VALUE_EXCEEDED', details);
      if (rpField === 'dimension') return code(/no locker cell/.test(p.detail ?? '') ? 'NO_SUITABLE_CELL' : 'MAX_DIMENSION_EXCEEDED', details);
      return code('MAX_MASS_EXCEEDED', details);
    default:
      return code(rpField === 'order' ? 'ORDER_REJECTED' : `ILLEGAL_${snake(rpField)}`, details);
  }
}

// ---------------------------------------------------------------------------
// One position through the order API

type Outcome = { ok: true; orderId: string } | { ok: false; problem: Problem };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createWithKey(orders: Orders, input: OrderInput, key: string): Promise<Outcome> {
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  for (;;) {
    let res: Response;
    try {
      res = await orders.create(new Request('http://oms.internal/api/v1/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `"${key}"` },
        body: JSON.stringify(input),
      }), { internal: true });
    } catch (e) {
      return { ok: false, problem: { type: 'about:blank', title: 'Service unavailable', status: 503, code: 'internal', detail: e instanceof Error ? e.message : String(e) } };
    }
    const body = JSON.parse(await res.text()) as unknown;
    if (res.status === 201 || res.status === 200) return { ok: true, orderId: (body as CreatedOrder).id };
    const problem = body as Problem;
    if (problem.code !== 'in_flight' || Date.now() >= deadline) return { ok: false, problem };
    await sleep(IN_FLIGHT_STEP_MS);
  }
}

/** The widget's order with this number, and whether it is the same order as `input` (as the order API stored it). */
async function existingOrder(d: RpInboundDeps, input: OrderInput): Promise<{ orderId: string; same: boolean } | undefined> {
  const rows = await d.store.listOrders({ configId: input.configId, q: input.orderNumber, limit: 5 });
  const row = rows.find((r) => r.order_number === input.orderNumber);
  if (!row) return undefined;
  const point = d.ctx.byId.get(input.pointId);
  const phone = normalizePhone(input.recipient.phone, point?.address.country ?? 'RU');
  const parsed = OrderInput.safeParse(input);
  if (!parsed.success || !phone.ok) return { orderId: row.id, same: false };
  const expected = { ...parsed.data, recipient: { ...parsed.data.recipient, phone: phone.e164 } };
  return { orderId: row.id, same: canonicalJson(storedOrder(row).input) === canonicalJson(expected) };
}

async function submit(d: RpInboundDeps, input: OrderInput): Promise<Outcome> {
  const first = await createWithKey(d.orders, input, backlogKey(input.orderNumber));
  if (first.ok) return first;
  const problemCode = first.problem.code;
  if (problemCode !== 'key_reused' && problemCode !== 'duplicate_order_number') return first;
  // Another payload under this order-num, or the key's retention ran out: is the widget's order this one?
  const existing = await existingOrder(d, input);
  if (existing?.same) return { ok: true, orderId: existing.orderId };
  if (existing) {
    return {
      ok: false,
      problem: {
        ...first.problem, code: 'duplicate_order_number', field: 'orderNumber',
        detail: `order number "${input.orderNumber}" already has an order in this widget (id ${rpBacklogId(existing.orderId)}) with other data`,
      },
    };
  }
  if (problemCode === 'duplicate_order_number') return first;
  // The earlier attempt under this order-num made no order (it was refused after pricing): the corrected position
  // gets a key of its own, so a fix is not blocked for the key's retention.
  return createWithKey(d.orders, input, `${backlogKey(input.orderNumber)}:${fingerprint(input).slice(0, 16)}`);
}

// ---------------------------------------------------------------------------
// Route

export function russianPostInboundHandlers(d: RpInboundDeps): RequestHandler[] {
  return [
    http.put(RP_INBOUND_BACKLOG, async ({ request }) => {
      const auth = await authenticate(request, d.store);
      if (!auth.ok) return auth.response;
      const body = await readJson(request);
      if (!body.ok || !Array.isArray(body.value)) return otpravkaError(400, 'BAD_REQUEST', 'expected a JSON array of orders', 'body');
      if (body.value.length === 0 || body.value.length > RP_INBOUND_MAX_POSITIONS) {
        return otpravkaError(400, 'BAD_REQUEST', `expected 1-${RP_INBOUND_MAX_POSITIONS} orders`, 'body');
      }
      const resultIds: number[] = [];
      const errors: Array<{ 'error-codes': PositionErrorCode[]; position: number }> = [];
      // One after another: positions repeating an order-num meet their own earlier answer, never an in-flight claim.
      for (const [position, raw] of body.value.entries()) {
        const mapped = mapPosition(d.ctx, auth.configId, raw);
        if (!mapped.ok) {
          errors.push({ 'error-codes': mapped.codes, position });
          continue;
        }
        const outcome = await submit(d, mapped.input);
        if (outcome.ok) resultIds.push(rpBacklogId(outcome.orderId));
        else errors.push({ 'error-codes': [positionError(outcome.problem, mapped.pointField)], position });
      }
      return new Response(JSON.stringify({ 'result-ids': resultIds, ...(errors.length > 0 ? { errors } : {}) }), {
        status: 200,
        headers: { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      });
    }),
  ];
}

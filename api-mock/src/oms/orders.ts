// The order API's logic: accept an order exactly once per idempotency key, re-checked against the live point and
// re-priced on the server; read, list and cancel it. HTTP details (routes, CORS) are in ./http.ts.
import { fitCheck, type FitReason } from '../../../widget/src/core/fit.js';
import { normalizePhone } from '../../../widget/src/core/phone.js';
import { isSelectable, type Branch, type Origin, type Quote } from '../../../widget/src/model/index.js';
import { timingSafeEqual } from 'node:crypto';
import { CreatedOrder, FINAL_STATUSES, IDEMPOTENCY_RETENTION_S, OrderInput, OrderStatus, type OrderView } from '../../../widget/src/model/order.js';
import type { TrackingAnswer, TrackingLookup } from '../../../widget/src/model/tracking-point.js';
import { firstIssue } from '../../../widget/src/model/validate.js';
import type { SandboxContext } from '../context.js';
import { CORS_HEADERS } from '../handlers/http.js';
import { fingerprint, parseIdempotencyKey } from './idempotency.js';
import { problem, problemBody } from './problem.js';
import type { Requoter } from './requote.js';
import { bearer, hashSecret, newOrderId, newSecret, secretMatches } from './secrets.js';
import type { OmsStore, OrderRow } from './store.js';

export const RETENTION_MS = IDEMPOTENCY_RETENTION_S * 1000;
/** Longer than re-pricing can take (carrier timeout 5 s, two calls): a live request is never taken over. */
export const CLAIM_LEASE_MS = 30_000;
export const RETENTION_HEADER = 'Idempotency-Retention';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Where a shop ships from when neither the order nor its widget says: the carrier's hub city. */
/** Money a carrier takes at a point, by country: cash on delivery and declared values must be in it. */
const COUNTRY_CURRENCY: Readonly<Record<string, string>> = { RU: 'RUB', UA: 'UAH', KZ: 'KZT', BY: 'BYN', PL: 'PLN', UZ: 'UZS' };

/** Keys the inbound connectors derive from a shop's own numbers: reserved, so nobody can claim them first. */
export const RESERVED_KEY_PREFIXES = ['rp-backlog:'] as const;

const DEFAULT_ORIGINS: Readonly<Record<string, Origin>> = {
  RU: { country: 'RU', postcode: '101000', city: 'Москва' },
  UA: { country: 'UA', city: 'Київ' },
};

export interface OrdersDeps {
  ctx: SandboxContext;
  store: OmsStore;
  requoter: Requoter;
  now: () => Date;
  /** Called after an order is committed: the dispatcher sends it at once instead of at its next tick. */
  onCreated?: () => void;
}

/** What an order row keeps of its acceptance: the input, the origin used, and the point as it was then. */
interface Stored { input: OrderInput; origin: Origin; point?: Branch }

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });

export function orderLinks(id: string) {
  const self = `/api/v1/orders/${id}`;
  return { self, tracking: `${self}/tracking`, cancel: `${self}/cancel` };
}

export function toView(row: OrderRow): OrderView {
  const stored = JSON.parse(row.input_json) as Stored;
  const quote = JSON.parse(row.quote_json) as Quote;
  const view: OrderView = {
    id: row.id,
    orderNumber: row.order_number,
    configId: row.config_id,
    status: OrderStatus.parse(row.status),
    carrier: row.carrier,
    pointId: row.point_id,
    pointName: row.point_name,
    pointAddress: row.point_address,
    parcel: stored.input.parcel,
    recipient: stored.input.recipient,
    quote,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    links: orderLinks(row.id),
  };
  if (stored.input.parcel.cashOnDelivery) view.cashOnDelivery = stored.input.parcel.cashOnDelivery;
  if (row.track_number) view.trackNumber = row.track_number;
  if (row.error) view.error = row.error;
  return view;
}

export function storedOrder(row: OrderRow): Stored {
  return JSON.parse(row.input_json) as Stored;
}

type Check = { ok: true; point: Branch; input: OrderInput; origin: Origin } | { ok: false; response: Response };

function fail(status: number, code: string, field: string, detail: string): { ok: false; response: Response } {
  return { ok: false, response: problem(status, code, detail, { field }) };
}

export class Orders {
  constructor(private readonly d: OrdersDeps) {}

  /** Everything that can be decided from the input and the live point, before anything is claimed or stored. */
  private async check(input: OrderInput, asOwner: boolean): Promise<Check> {
    if (input.origin && !asOwner) {
      // The origin sets the sender's city and so the price: only the shop (its owner key) may choose it.
      return fail(422, 'origin_needs_owner_key', 'origin', "the origin comes from the widget's config; setting it per order needs the owner key (Authorization: Bearer <ownerKey>)");
    }
    const config = await this.d.store.getConfig(input.configId);
    if (!config) return fail(422, 'unknown_config', 'configId', `no widget config "${input.configId}"`);
    const point = this.d.ctx.byId.get(input.pointId);
    if (!point) return fail(422, 'unknown_point', 'pointId', `no point "${input.pointId}"`);
    if (point.carrier !== input.carrier) return fail(422, 'carrier_mismatch', 'carrier', `point "${point.id}" belongs to ${point.carrier}, not ${input.carrier}`);
    if (!isSelectable(point)) return fail(422, 'point_closed', 'pointId', `point "${point.id}" is not accepting parcels (${point.status})`);
    const phone = normalizePhone(input.recipient.phone, point.address.country);
    if (!phone.ok) return fail(422, 'invalid_phone', 'recipient.phone', phone.message);
    const fit = fitCheck(input.parcel, point);
    if (!fit.fits && fit.reasons[0]) {
      const [field, detail] = describeFit(fit.reasons[0]);
      return fail(422, 'parcel_does_not_fit', field, `${detail} at point "${point.id}"`);
    }
    const cod = input.parcel.cashOnDelivery;
    const currency = COUNTRY_CURRENCY[point.address.country];
    for (const [name, money] of [['cashOnDelivery', cod], ['declaredValue', input.parcel.declaredValue]] as const) {
      if (!money) continue;
      if (money.amount <= 0) return fail(422, 'invalid_field', `parcel.${name}.amount`, 'must be a positive amount in minor units (omit it for none)');
      if (currency && money.currency !== currency) return fail(422, 'invalid_field', `parcel.${name}.currency`, `${point.carrier} takes ${currency} in ${point.address.country}`);
    }
    if (cod && !point.payment.includes('cod')) return fail(422, 'cod_not_allowed', 'parcel.cashOnDelivery', `point "${point.id}" does not take cash on delivery`);
    if (input.quote && input.quote.pointId !== point.id) return fail(422, 'quote_mismatch', 'quote.pointId', 'the quote is for another point');
    const configOrigin = (JSON.parse(config.config_json) as { origin?: Origin }).origin;
    const origin = input.origin ?? (configOrigin?.country === point.address.country ? configOrigin : undefined) ?? DEFAULT_ORIGINS[point.address.country];
    if (!origin) return fail(422, 'origin_required', 'origin', `give the shop's origin for ${point.address.country}`);
    return { ok: true, point, origin, input: { ...input, recipient: { ...input.recipient, phone: phone.e164 } } };
  }

  /**
   * `internal`: a connector of ours placing the order (it may use the reserved key prefixes and set the origin).
   */
  async create(request: Request, options: { internal?: boolean } = {}): Promise<Response> {
    const retention = { [RETENTION_HEADER]: String(IDEMPOTENCY_RETENTION_S) };
    const keyParse = parseIdempotencyKey(request.headers.get('idempotency-key'));
    if (!keyParse.ok) return problem(400, 'bad_idempotency_key', keyParse.message, { field: 'Idempotency-Key' }, retention);
    if (!options.internal && RESERVED_KEY_PREFIXES.some((p) => keyParse.key.startsWith(p))) {
      return problem(400, 'bad_idempotency_key', `keys starting with ${RESERVED_KEY_PREFIXES.join(', ')} are reserved for our connectors`, { field: 'Idempotency-Key' }, retention);
    }
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      return problem(415, 'unsupported_media_type', 'send the order as application/json', { field: 'Content-Type' }, retention);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await request.text());
    } catch {
      return problem(400, 'malformed_json', 'the body is not valid JSON', { field: 'body' }, retention);
    }
    const parsed = OrderInput.safeParse(raw);
    if (!parsed.success) {
      const issue = firstIssue(parsed.error);
      return problem(422, 'invalid_field', issue.message, { field: issue.path || 'body' }, retention);
    }
    const key = keyParse.key;
    const print = fingerprint(raw);
    const now = this.d.now().getTime();
    // A retry of a request already answered gets that answer, even if the point has closed since (the order exists).
    const seen = await this.d.store.peekKey(parsed.data.configId, key, now);
    if (seen && seen.fingerprint !== print) return keyReused(retention);
    if (seen?.state === 'done' && seen.response_status !== null && seen.response_body !== null) {
      return replay(seen.response_status, seen.response_body, seen.order_id, retention);
    }
    const owner = bearer(request);
    const asOwner = options.internal === true || (owner !== undefined && await this.d.store.isOwner(parsed.data.configId, hashSecret(owner)));
    const checked = await this.check(parsed.data, asOwner);
    if (!checked.ok) return withHeaders(checked.response, retention);
    // The common case needs no network (the price is in the tariff cache): claim, order and outbox in one commit.
    const known = this.d.requoter.cached?.(checked.point, checked.input.parcel, checked.origin);
    if (known && (!checked.input.quote || samePrice(checked.input.quote, known))) {
      const built = this.build(checked, known);
      const r = await this.d.store.createOrderAtOnce({
        row: built.row, responseBody: built.text, idempotency: { configId: checked.input.configId, key }, now, fingerprint: print, retentionMs: RETENTION_MS,
      });
      if (r === 'created') {
        this.d.onCreated?.();
        return json(201, built.body, { ...retention, Location: built.body.links.self });
      }
      // The key exists (replay, mismatch, in flight) or the number is taken: the long way answers (and stores) that.
    }
    const claim = await this.d.store.claimKey(checked.input.configId, key, print, now, CLAIM_LEASE_MS, RETENTION_MS);
    switch (claim.kind) {
      case 'mismatch':
        return keyReused(retention);
      case 'in_flight':
        return problem(409, 'in_flight', 'the first request with this Idempotency-Key is still being processed; retry shortly', { field: 'Idempotency-Key' }, { ...retention, 'Retry-After': '1' });
      case 'replay':
        return replay(claim.status, claim.body, claim.orderId, retention);
      case 'claimed':
        break;
    }
    return this.process(checked, key, retention);
  }

  /** The claim is ours: re-price, then commit the order with its outbox entry and stored answer. */
  private async process(c: Extract<Check, { ok: true }>, key: string, retention: Record<string, string>): Promise<Response> {
    const { input, point, origin } = c;
    const store = this.d.store;
    const stored = async (status: number, body: unknown): Promise<Response> => {
      const text = JSON.stringify(body);
      await store.finishKey(input.configId, key, status, text);
      return new Response(text, { status, headers: { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...retention, 'Content-Type': 'application/problem+json' } });
    };
    let fresh;
    try {
      fresh = await this.d.requoter.quote(point, input.parcel, origin);
    } catch (e) {
      await store.releaseKey(input.configId, key);
      throw e;
    }
    if ('kind' in fresh) {
      if (fresh.retryable || fresh.kind === 'http' || fresh.kind === 'bad_response') {
        // Not an answer about this order: forget the claim so a retry prices again.
        await store.releaseKey(input.configId, key);
        return problem(503, 'tariff_unavailable', `${point.carrier} tariff API: ${fresh.message}`.slice(0, 300), { field: 'quote' }, { ...retention, 'Retry-After': '2' });
      }
      return stored(422, problemBody(422, 'not_deliverable', `${point.carrier}: ${fresh.message}`.slice(0, 300), { field: 'parcel' }));
    }
    if (input.quote && !samePrice(input.quote, fresh)) {
      return stored(409, problemBody(409, 'quote_changed', `the price is now ${fresh.total} ${fresh.currency} (was ${input.quote.total} ${input.quote.currency}): confirm the new price and submit again with a new Idempotency-Key`, { field: 'quote', quote: fresh }));
    }
    const nowDate = this.d.now();
    const { row, body, text } = this.build(c, fresh);
    const result = await store.createOrder({ row, responseBody: text, idempotency: { configId: input.configId, key }, now: nowDate.getTime() });
    if (result === 'duplicate_number') {
      return stored(409, problemBody(409, 'duplicate_order_number', `order number "${input.orderNumber}" already has an order in this widget`, { field: 'orderNumber' }));
    }
    if (result === 'lost_claim') {
      return problem(409, 'in_flight', 'another request with this Idempotency-Key took over; retry shortly', { field: 'Idempotency-Key' }, { ...retention, 'Retry-After': '1' });
    }
    this.d.onCreated?.();
    return json(201, body, { ...retention, Location: body.links.self });
  }

  /** The order row and its 201 body (with a new id and token) for an accepted input and its price. */
  private build(c: Extract<Check, { ok: true }>, quote: Quote): { row: OrderRow; body: CreatedOrder; text: string } {
    const { input, point, origin } = c;
    const nowDate = this.d.now();
    const iso = nowDate.toISOString();
    const id = newOrderId();
    const token = newSecret();
    const row: OrderRow = {
      id, config_id: input.configId, order_number: input.orderNumber, status: 'created', carrier: point.carrier,
      point_id: point.id, point_name: point.name.slice(0, 300), point_address: point.addressLine.slice(0, 500),
      input_json: JSON.stringify({ input: { ...input, quote: undefined }, origin, point } satisfies Stored),
      quote_json: JSON.stringify(quote), token_hash: hashSecret(token), carrier_ref: null, track_number: null, error: null,
      eta: quote.estimatedDate ?? null, storage_until: null, checked_at: null, next_check_at: null,
      created_at: iso, updated_at: iso, created_ms: nowDate.getTime(),
    };
    const body: CreatedOrder = { ...toView(row), token };
    return { row, body, text: JSON.stringify(body) };
  }

  /** The order when `secret` is its token or its widget's owner key; undefined otherwise (callers answer 404). */
  async authorized(id: string, secret: string | undefined): Promise<{ row: OrderRow; as: 'buyer' | 'owner' } | undefined> {
    if (!secret || !/^ord_[0-9a-f]{20}$/.test(id)) return undefined;
    const row = await this.d.store.getOrder(id);
    if (!row) return undefined;
    if (secretMatches(secret, row.token_hash)) return { row, as: 'buyer' };
    if (await this.d.store.isOwner(row.config_id, hashSecret(secret))) return { row, as: 'owner' };
    return undefined;
  }

  /**
   * The order a buyer asks for by track number and recipient phone; undefined unless BOTH match (the caller answers
   * the same 404 either way, so the route cannot tell anyone which track numbers exist).
   */
  async byTrackAndPhone(lookup: TrackingLookup): Promise<OrderRow | undefined> {
    const track = lookup.trackNumber.toUpperCase();
    let found: OrderRow | undefined;
    for (const row of await this.d.store.ordersByTrackNumber(track)) {
      const { input, point } = storedOrder(row);
      // The stored phone is E.164 for the point's country (check() normalised it): read the buyer's the same way.
      const country = point?.address.country ?? (input.recipient.phone.startsWith('+380') ? 'UA' : 'RU');
      const phone = normalizePhone(lookup.phone, country);
      if (phone.ok && sameText(phone.e164, input.recipient.phone) && !found) found = row;
    }
    return found;
  }

  async tracking(row: OrderRow): Promise<TrackingAnswer> {
    const events = await this.d.store.trackingEvents(row.id);
    const point = storedOrder(row).point;
    const view: TrackingAnswer = {
      orderId: row.id,
      status: OrderStatus.parse(row.status),
      carrier: row.carrier,
      pointId: row.point_id,
      pointName: row.point_name,
      pointAddress: row.point_address,
      events: events.map((e) => ({
        status: OrderStatus.parse(e.status), carrierCode: e.carrier_code, description: e.description, at: e.at,
        ...(e.time_zone ? { timeZone: e.time_zone } : {}), ...(e.place ? { place: e.place } : {}),
      })),
    };
    if (row.track_number) view.trackNumber = row.track_number;
    if (row.eta) view.eta = row.eta;
    if (row.storage_until) view.storageUntil = row.storage_until;
    if (row.checked_at) view.checkedAt = row.checked_at;
    if (point) {
      view.point = {
        type: point.type, timeZone: point.timeZone, hours: point.hours, exceptions: point.exceptions.slice(0, 400),
        ...(point.phone ? { phone: point.phone.slice(0, 40) } : {}),
      };
    }
    return view;
  }

  isFinal(row: OrderRow): boolean {
    return FINAL_STATUSES.has(OrderStatus.parse(row.status));
  }
}

function describeFit(r: FitReason): [field: string, detail: string] {
  switch (r.kind) {
    case 'too_heavy': return ['parcel.weightG', `the parcel is heavier than the ${r.maxG} g allowed`];
    case 'too_large': return ['parcel.dimensionsCm', `the parcel is larger than ${r.max.length}x${r.max.width}x${r.max.height} cm`];
    case 'value_too_high': return ['parcel.declaredValue', `the declared value is over ${r.max.amount} ${r.max.currency} (minor units)`];
    case 'no_locker_cell': return ['parcel.dimensionsCm', 'no locker cell fits the parcel'];
  }
}

/** Equal strings, compared in constant time (a phone must not be guessable digit by digit from timings). */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function keyReused(retention: Record<string, string>): Response {
  return problem(422, 'key_reused', 'this Idempotency-Key was used with a different order; use a new key for a new order', { field: 'Idempotency-Key' }, retention);
}

function replay(status: number, body: string, orderId: string | null, retention: Record<string, string>): Response {
  return new Response(body, {
    status,
    headers: {
      ...CORS_HEADERS, 'Cache-Control': 'no-store', ...retention, [REPLAYED_HEADER]: 'true',
      'Content-Type': status < 400 ? 'application/json' : 'application/problem+json',
      ...(orderId ? { Location: orderLinks(orderId).self } : {}),
    },
  });
}

function samePrice(a: Pick<Quote, 'total' | 'currency'>, b: Pick<Quote, 'total' | 'currency'>): boolean {
  return a.total === b.total && a.currency === b.currency;
}

function withHeaders(res: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

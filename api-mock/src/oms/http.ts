// The order API and the owned widget configs under /api/v1/, as msw handlers: the Node server puts them in front
// of the sandbox's in-memory config routes, so the fault layer (x-sandbox-fault, scenarios) covers them too.
import { http, type RequestHandler } from 'msw';
import { z } from '../../../widget/src/model/zod.js';
import { WidgetConfig } from '../../../widget/src/model/index.js';
import { ORDER_STATUSES, type OrderView } from '../../../widget/src/model/order.js';
import { TrackingLookup } from '../../../widget/src/model/tracking-point.js';
import { CORS_HEADERS, apiError, readJson, validate } from '../handlers/http.js';
import { parseConfigBody } from '../handlers/configs.js';
import type { Dispatcher } from './dispatcher.js';
import type { Orders } from './orders.js';
import { toView } from './orders.js';
import { problem } from './problem.js';
import { bearer, hashSecret, newSecret } from './secrets.js';
import type { OmsStore, OrderFilter } from './store.js';
import type { Tracker } from './tracker.js';
import { ordersCsv } from './csv.js';
import { russianPostInboundHandlers } from './inbound/russian-post.js';
import type { SandboxContext } from '../context.js';

const CONFIG_ID = /^[A-Za-z0-9_-]{1,64}$/;
const NO_STORE = { 'Cache-Control': 'no-store' };
const MAX_PAGE = 200;
const MAX_CSV_ROWS = 100_000;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...CORS_HEADERS, 'Content-Type': 'application/json', ...NO_STORE, ...headers } });

/** YYYY-MM-DD that exists (2024-02-31 does not). */
const CalendarDate = z.string().check(z.refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}, { message: 'expected a date YYYY-MM-DD' }));

const ListQuery = z.object({
  config: z.string().check(z.regex(CONFIG_ID, 'expected a widget config id')),
  status: z.optional(z.string().check(z.refine((s) => s.split(',').every((x) => (ORDER_STATUSES as readonly string[]).includes(x)), { message: `expected statuses from ${ORDER_STATUSES.join(', ')}` }))),
  carrier: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/, 'expected a carrier id'))),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  q: z.optional(z.string().check(z.maxLength(64))),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,15}\.ord_[0-9a-f]{20}$/, 'expected a cursor from nextCursor'))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'expected 1-200'))),
});

export interface OmsHttpDeps {
  store: OmsStore;
  orders: Orders;
  dispatcher: Dispatcher;
  tracker: Tracker;
  now: () => Date;
  /** The dataset: inbound connectors resolve carrier indexes to our points. */
  ctx: SandboxContext;
}

export function omsHandlers(d: OmsHttpDeps): RequestHandler[] {
  let lookups = 0;
  const notFound = () => problem(404, 'not_found', 'no such order (or the token does not match it)', { field: 'id' });

  /** Owner-key guarded list filter from the query, or the error answer. */
  const listFilter = async (request: Request, limitCap: number): Promise<{ ok: true; filter: OrderFilter } | { ok: false; response: Response }> => {
    const url = new URL(request.url);
    const parsed = validate(ListQuery, Object.fromEntries(url.searchParams));
    if (!parsed.ok) return { ok: false, response: problem(400, 'invalid_query', parsed.message, { field: parsed.field }) };
    const q = parsed.data;
    const key = bearer(request);
    if (!key || !(await d.store.isOwner(q.config, hashSecret(key)))) {
      return { ok: false, response: problem(403, 'owner_key_required', 'listing orders needs the widget\'s owner key: Authorization: Bearer <ownerKey>', { field: 'Authorization' }) };
    }
    const [createdMs, id] = q.cursor ? q.cursor.split('.') : [];
    const filter: OrderFilter = {
      configId: q.config,
      status: q.status?.split(','),
      carrier: q.carrier,
      fromMs: q.from ? Date.parse(`${q.from}T00:00:00Z`) : undefined,
      toMs: q.to ? Date.parse(`${q.to}T00:00:00Z`) + 86_400_000 : undefined,
      q: q.q?.trim() || undefined,
      before: createdMs && id ? { createdMs: Number(createdMs), id } : undefined,
      limit: Math.min(limitCap, Math.max(1, Number(q.limit ?? 50))),
    };
    return { ok: true, filter };
  };

  return [
    http.post('*/api/v1/orders', ({ request }) => d.orders.create(request)),

    http.get('*/api/v1/orders.csv', async ({ request }) => {
      const f = await listFilter(request, MAX_CSV_ROWS);
      if (!f.ok) return f.response;
      const rows = await d.store.listOrders({ ...f.filter, limit: MAX_CSV_ROWS });
      return new Response(ordersCsv(rows.map(toView)), {
        headers: {
          ...CORS_HEADERS, ...NO_STORE, 'Content-Type': 'text/csv; charset=utf-8; header=present',
          'Content-Disposition': `attachment; filename="orders-${f.filter.configId}.csv"`,
        },
      });
    }),

    http.get('*/api/v1/orders', async ({ request }) => {
      const f = await listFilter(request, MAX_PAGE);
      if (!f.ok) return f.response;
      const rows = await d.store.listOrders({ ...f.filter, limit: f.filter.limit + 1 });
      const page = rows.slice(0, f.filter.limit);
      const last = page.at(-1);
      const items: OrderView[] = page.map(toView);
      return json(200, rows.length > f.filter.limit && last ? { items, nextCursor: `${last.created_ms}.${last.id}` } : { items });
    }),

    http.get('*/api/v1/orders/:id', async ({ request, params }) => {
      const found = await d.orders.authorized(String(params.id), bearer(request));
      return found ? json(200, toView(found.row)) : notFound();
    }),

    http.get('*/api/v1/orders/:id/tracking', async ({ request, params }) => {
      const found = await d.orders.authorized(String(params.id), bearer(request));
      if (!found) return notFound();
      // Ask the carrier now when our last look is older than the tracker's interval (bounded: never hangs the answer).
      const row = await d.tracker.refreshIfStale(found.row);
      return json(200, await d.orders.tracking(row));
    }),

    http.post('*/api/v1/orders/:id/cancel', async ({ request, params }) => {
      const found = await d.orders.authorized(String(params.id), bearer(request));
      if (!found) return notFound();
      const outcome = await d.dispatcher.cancel(found.row);
      const row = (await d.store.getOrder(found.row.id)) ?? found.row;
      switch (outcome.kind) {
        case 'cancelled': return json(200, toView(row));
        case 'refused': return problem(409, 'not_cancellable', outcome.message, { field: 'id' });
        case 'retry': return problem(503, 'carrier_unavailable', outcome.message, { field: 'id' }, { 'Retry-After': '2' });
      }
    }),

    // The buyer's way in without a token: track number + recipient phone in a POST body (kept out of URLs and
    // access logs). Both must match; anything else is the same 404, so track numbers cannot be enumerated.
    http.post('*/api/v1/tracking/lookup', async ({ request }) => {
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get('content-type') ?? '')) {
        return problem(415, 'unsupported_media_type', 'send the lookup as application/json', { field: 'Content-Type' });
      }
      const body = await readJson(request);
      if (!body.ok) return problem(400, 'malformed_json', 'the body is not valid JSON', { field: 'body' });
      const parsed = validate(TrackingLookup, body.value);
      if (!parsed.ok) return problem(422, 'invalid_field', parsed.message, { field: parsed.field });
      // Every attempt takes a slot before the lookup; the right phone gives it back. Counted for unknown numbers
      // too (the 429 says nothing about existence), in the database (one count for all replicas).
      const key = parsed.data.trackNumber.toUpperCase();
      const now = d.now().getTime();
      if (++lookups % LOOKUP_PRUNE_EVERY === 0) await d.store.pruneLookupAttempts(now - LOOKUP_WINDOW_S * 1000);
      if ((await d.store.takeLookupAttempt(key, now, LOOKUP_WINDOW_S * 1000)) > LOOKUP_MAX_MISSES) {
        return problem(429, 'too_many_attempts', 'too many wrong phone numbers for this track number; try again later', { field: 'phone' }, { 'Retry-After': String(LOOKUP_WINDOW_S) });
      }
      const row = await d.orders.byTrackAndPhone(parsed.data);
      if (!row) return problem(404, 'not_found', 'no parcel with this track number and recipient phone', { field: 'trackNumber' });
      await d.store.returnLookupAttempt(key);
      return json(200, await d.orders.tracking(await d.tracker.refreshIfStale(row)));
    }),

    // Sandbox status of the order system (tests and benchmarks wait on the outbox draining).
    http.get('*/__sandbox/oms', async () => json(200, {
      orders: await d.store.countOrders(), outbox: await d.store.outboxCounts(), dispatcher: d.dispatcher.stats,
    })),

    ...configHandlers(d),
    ...russianPostInboundHandlers(d),
  ];
}

/**
 * Wrong lookups per track number in a fixed window: a phone number has few unknown digits once the track number
 * is known, so guessing stops after LOOKUP_MAX_MISSES until the window passes.
 */
const LOOKUP_WINDOW_S = 600;
const LOOKUP_MAX_MISSES = 10;
/** Ran-out windows are deleted every this many lookups (random track numbers would otherwise pile up). */
const LOOKUP_PRUNE_EVERY = 1000;

/** Widget configs with an owner: POST (or PUT to a new id) returns the owner key once; changing one needs it. */
function configHandlers(d: OmsHttpDeps): RequestHandler[] {
  const created = async (id: string, config: WidgetConfig): Promise<Response | undefined> => {
    const ownerKey = `ok_${newSecret()}`;
    const saved = { ...config, id };
    const iso = d.now().toISOString();
    if (!(await d.store.insertConfig(id, JSON.stringify(saved), hashSecret(ownerKey), iso))) return undefined;
    return json(201, { ...saved, ownerKey }, { Location: `/api/v1/configs/${id}` });
  };

  return [
    http.get('*/api/v1/configs/:id', async ({ params }) => {
      const id = String(params.id);
      const row = CONFIG_ID.test(id) ? await d.store.getConfig(id) : undefined;
      if (!row) return apiError(404, 'id', `no config with id "${id.slice(0, 64)}"`);
      return json(200, JSON.parse(row.config_json));
    }),

    http.post('*/api/v1/configs', async ({ request }) => {
      const body = await parseConfigBody(request);
      if (!body.ok) return body.response;
      for (;;) {
        const res = await created(`cfg_${newSecret(9)}`, body.config);
        if (res) return res;
      }
    }),

    http.put('*/api/v1/configs/:id', async ({ request, params }) => {
      const id = String(params.id);
      if (!CONFIG_ID.test(id)) return apiError(400, 'id', 'expected 1-64 letters, digits, "_" or "-"');
      const body = await parseConfigBody(request);
      if (!body.ok) return body.response;
      if (body.config.id !== undefined && body.config.id !== id) return apiError(400, 'id', 'the id in the body differs from the id in the URL');
      const key = bearer(request);
      const saved = { ...body.config, id };
      if (key && (await d.store.updateConfig(id, JSON.stringify(saved), hashSecret(key), d.now().toISOString()))) return json(200, saved);
      // Not ours to change: create it when the id is free, otherwise the owner key is wrong or missing.
      const res = await created(id, body.config);
      if (res) return res;
      return apiError(403, 'Authorization', 'this config belongs to someone else: send its owner key as Authorization: Bearer <ownerKey>');
    }),
  ];
}

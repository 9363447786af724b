// Fault injection in front of every sandbox route, per request (header `x-sandbox-fault` or query `__fault`)
// or per scenario (POST /__sandbox/scenario). With no fault the request falls through to the real route.
import { delay, getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { z } from '../../../widget/src/model/zod.js';
import type { SandboxContext } from '../context.js';
import type { FaultSpec } from '../fault-store.js';
import { FAULT_AREAS } from '../fault-store.js';
import { CORS_HEADERS, apiError, json, readJson, validate } from './http.js';

/** Every sandbox URL, on any origin: our feed, the carriers, the sandbox controls. */
export const SANDBOX_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/(?:api|carriers|__sandbox)(?:\/|$)/i;
export const FAULT_HEADER = 'x-sandbox-fault';
export const FAULT_QUERY = '__fault';
export const MAX_LATENCY_MS = 60_000;

type FaultParse = { ok: true; spec: FaultSpec | null } | { ok: false; message: string };

/** "latency=800", "status=503", "malformed", "drop", combined with "," or ";". */
export function parseFault(raw: string | null): FaultParse {
  if (raw === null || raw.trim() === '') return { ok: true, spec: null };
  const spec: FaultSpec = {};
  for (const part of raw.split(/[,;\s]+/).filter(Boolean)) {
    const [name, value] = part.split('=', 2) as [string, string | undefined];
    switch (name.toLowerCase()) {
      case 'latency': {
        const ms = Number(value);
        if (!value || !Number.isInteger(ms) || ms < 0 || ms > MAX_LATENCY_MS) return { ok: false, message: `latency must be 0-${MAX_LATENCY_MS} ms` };
        spec.latencyMs = ms;
        break;
      }
      case 'status': {
        const status = Number(value);
        if (!value || !Number.isInteger(status) || status < 400 || status > 599) return { ok: false, message: 'status must be 400-599' };
        spec.status = status;
        break;
      }
      case 'malformed': spec.malformed = true; break;
      case 'drop': spec.drop = true; break;
      case 'commit-then-drop': spec.commitThenDrop = true; break;
      default: return { ok: false, message: `unknown fault "${name.slice(0, 30)}": use latency=ms, status=code, malformed, drop or commit-then-drop` };
    }
  }
  return { ok: true, spec };
}

/** Cut a JSON body in half: the client sees 200 and a body that does not parse. */
export function truncateJson(text: string): string {
  const cut = text.slice(0, Math.floor(text.length / 2));
  try {
    JSON.parse(cut);
  } catch {
    return cut;
  }
  return `{"truncated":${cut}`;
}

const ScenarioBody = z.object({
  match: z.string().check(z.refine((m) => m in FAULT_AREAS || /^\/[\w./-]*$/.test(m), {
    message: `expected ${Object.keys(FAULT_AREAS).join(', ')} or a path prefix starting with "/"`,
  })),
  latencyMs: z.optional(z.int().check(z.gte(0), z.lte(MAX_LATENCY_MS))),
  status: z.optional(z.int().check(z.gte(400), z.lte(599))),
  malformed: z.optional(z.boolean()),
  drop: z.optional(z.boolean()),
  commitThenDrop: z.optional(z.boolean()),
  times: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  probability: z.optional(z.number().check(z.gt(0), z.lte(1))),
});

/** Handlers that go in front of the routes (preflight, faults) and the admin routes for scenarios. */
export function faultHandlers(ctx: SandboxContext, routes: () => RequestHandler[]): RequestHandler[] {
  return [
    // Preflight: never faulted, so a browser can always reach the sandbox.
    http.options(SANDBOX_URL, () => new HttpResponse(null, { status: 204, headers: CORS_HEADERS })),

    http.all(SANDBOX_URL, async ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/__sandbox/')) return undefined;
      const header = request.headers.get(FAULT_HEADER);
      const perRequest = parseFault(header ?? url.searchParams.get(FAULT_QUERY));
      if (!perRequest.ok) return apiError(400, header !== null ? FAULT_HEADER : FAULT_QUERY, perRequest.message);
      const spec = perRequest.spec ?? ctx.faults.take(url.pathname);
      if (!spec) return undefined;
      if (spec.latencyMs) await delay(spec.latencyMs);
      if (spec.drop) return HttpResponse.error();
      if (spec.commitThenDrop) {
        // The real route runs to completion (the carrier or our OMS commits), then the answer is lost.
        // The header is stripped so the route itself does not see the fault.
        const inner = new Request(request.url, { method: request.method, headers: withoutFaultHeader(request.headers), body: request.method === 'GET' || request.method === 'HEAD' ? null : await request.clone().arrayBuffer() });
        const real = await getResponse(routes(), inner);
        if (real?.body) await real.arrayBuffer().catch(() => undefined);
        return HttpResponse.error();
      }
      const note = { 'X-Sandbox-Fault': describe(spec) };
      if (spec.status) {
        return json({ error: { field: FAULT_HEADER, message: `injected fault: HTTP ${spec.status}` } }, { status: spec.status, headers: note });
      }
      if (spec.malformed) {
        const real = await getResponse(routes(), request.clone());
        const text = real ? await real.text() : '{"error":{"field":"path","message":"no such route"}}';
        return new HttpResponse(truncateJson(text), {
          status: 200,
          headers: { ...CORS_HEADERS, ...note, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        });
      }
      return undefined; // latency only: let the real route answer
    }),

    // The whole dataset, for a browser worker on a page served by the Node sandbox: the generator
    // itself reads GeoNames from disk and cannot run in a page.
    http.get('*/__sandbox/dataset', () => json(ctx.dataset, { headers: { 'Cache-Control': 'no-cache', ETag: `"${ctx.version}"` } })),

    http.get('*/__sandbox/scenario', () => json({ scenarios: ctx.faults.list() }, { headers: { 'Cache-Control': 'no-store' } })),

    http.post('*/__sandbox/scenario', async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return apiError(400, 'body', 'expected a JSON object');
      const parsed = validate(ScenarioBody, body.value);
      if (!parsed.ok) return apiError(400, parsed.field, parsed.message);
      const s = parsed.data;
      if (!s.latencyMs && !s.status && !s.malformed && !s.drop && !s.commitThenDrop) return apiError(400, 'body', 'a scenario needs latencyMs, status, malformed, drop or commitThenDrop');
      return json(ctx.faults.add(s), { status: 201, headers: { 'Cache-Control': 'no-store' } });
    }),

    http.delete('*/__sandbox/scenario', ({ request }) => {
      const match = new URL(request.url).searchParams.get('match');
      const removed = ctx.faults.clear(match ?? undefined);
      return json({ removed }, { headers: { 'Cache-Control': 'no-store' } });
    }),
  ];
}

function withoutFaultHeader(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete(FAULT_HEADER);
  return copy;
}

function describe(spec: FaultSpec): string {
  return [
    spec.latencyMs ? `latency=${spec.latencyMs}` : '',
    spec.status ? `status=${spec.status}` : '',
    spec.malformed ? 'malformed' : '',
    spec.drop ? 'drop' : '',
    spec.commitThenDrop ? 'commit-then-drop' : '',
  ].filter(Boolean).join(',');
}

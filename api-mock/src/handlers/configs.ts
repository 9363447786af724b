// Widget configs saved by the constructor: an in-memory store, validated with the WidgetConfig schema.
import { http, type RequestHandler } from 'msw';
import { WidgetConfig } from '../../../widget/src/model/index.js';
import type { SandboxContext } from '../context.js';
import { hashString } from '../util/hash.js';
import { apiError, json, readJson, validate } from './http.js';

const CONFIG_ID = /^[A-Za-z0-9_-]{1,64}$/;
const NO_STORE = { 'Cache-Control': 'no-store' };

/** A config from a request body, or the 400 answer naming the bad field (shared with the owned configs of the OMS). */
export async function parseConfigBody(request: Request): Promise<{ ok: true; config: WidgetConfig } | { ok: false; response: Response }> {
  const body = await readJson(request);
  if (!body.ok) return { ok: false, response: apiError(400, 'body', 'expected a JSON object') };
  const parsed = validate(WidgetConfig, body.value);
  if (!parsed.ok) return { ok: false, response: apiError(400, parsed.field, parsed.message) };
  return { ok: true, config: parsed.data };
}

export function configHandlers(ctx: SandboxContext): RequestHandler[] {
  let created = 0;
  const newId = (): string => {
    // Unique within this sandbox run and not guessable from the previous one.
    for (;;) {
      const id = `cfg_${hashString(`${ctx.version}|${++created}|${Date.now()}|${Math.random()}`)}`;
      if (!ctx.configs.has(id)) return id;
    }
  };

  return [
    http.get('*/api/v1/configs/:id', ({ params }) => {
      const id = String(params.id);
      const config = ctx.configs.get(id);
      if (!config) return apiError(404, 'id', `no config with id "${id.slice(0, 64)}"`);
      return json(config, { headers: NO_STORE });
    }),

    http.post('*/api/v1/configs', async ({ request }) => {
      const body = await parseConfigBody(request);
      if (!body.ok) return body.response;
      const id = newId();
      const config: WidgetConfig = { ...body.config, id };
      ctx.configs.set(id, config);
      return json(config, { status: 201, headers: { ...NO_STORE, Location: `/api/v1/configs/${id}` } });
    }),

    // PUT creates or replaces (the constructor may choose its own ids).
    http.put('*/api/v1/configs/:id', async ({ request, params }) => {
      const id = String(params.id);
      if (!CONFIG_ID.test(id)) return apiError(400, 'id', 'expected 1-64 letters, digits, "_" or "-"');
      const body = await parseConfigBody(request);
      if (!body.ok) return body.response;
      if (body.config.id !== undefined && body.config.id !== id) return apiError(400, 'id', 'the id in the body differs from the id in the URL');
      const existed = ctx.configs.has(id);
      const config: WidgetConfig = { ...body.config, id };
      ctx.configs.set(id, config);
      return json(config, { status: existed ? 200 : 201, headers: NO_STORE });
    }),
  ];
}

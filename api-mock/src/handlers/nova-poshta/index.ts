// POST /carriers/nova-poshta/v2.0/json/ : parse the API 2.0 envelope and dispatch by "Model.method".
import { http, HttpResponse, type RequestHandler } from 'msw';
import { z } from '../../../../widget/src/model/zod.js';
import type { SandboxContext } from '../../context.js';
import { CORS_HEADERS, readJson, validate } from '../http.js';
import { NP_ERRORS, envelope, npFail, type NpCall, type NpResult } from './envelope.js';
import { NP_METHODS } from './methods.js';

export const NP_PATHS = ['*/carriers/nova-poshta/v2.0/json/', '*/carriers/nova-poshta/v2.0/json'] as const;

const Envelope = z.object({
  apiKey: z.optional(z.string()),
  modelName: z.string().check(z.minLength(1, 'expected a model name')),
  calledMethod: z.string().check(z.minLength(1, 'expected a method name')),
  // PHP clients serialise an empty map as [].
  methodProperties: z.optional(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()).check(z.maxLength(0, 'expected an object'))])),
});

function reply(result: NpResult): Response {
  // The carrier answers HTTP 200 even for errors: success:false tells them apart.
  return HttpResponse.json(envelope(result), { headers: { ...CORS_HEADERS, 'Cache-Control': 'no-store' } });
}

export async function dispatchNp(ctx: SandboxContext, request: Request): Promise<NpResult> {
  const body = await readJson(request);
  if (!body.ok) return npFail(`${NP_ERRORS.badEnvelope.message}: body is not JSON`, NP_ERRORS.badEnvelope.code);
  const parsed = validate(Envelope, body.value);
  if (!parsed.ok) return npFail(`${NP_ERRORS.badEnvelope.message}: ${parsed.message}`, NP_ERRORS.badEnvelope.code);
  const { apiKey, modelName, calledMethod, methodProperties } = parsed.data;
  if (!apiKey || !apiKey.trim()) return npFail(NP_ERRORS.apiKeyMissing.message, NP_ERRORS.apiKeyMissing.code);
  const method = NP_METHODS[`${modelName}.${calledMethod}`];
  if (!method) return npFail(`${NP_ERRORS.methodNotFound.message}: ${modelName}.${calledMethod}`.slice(0, 200), NP_ERRORS.methodNotFound.code);
  const call: NpCall = { apiKey, modelName, calledMethod, methodProperties: Array.isArray(methodProperties) ? {} : methodProperties ?? {} };
  return method(call.methodProperties, { ctx, call, request });
}

export function novaPoshtaHandlers(ctx: SandboxContext): RequestHandler[] {
  return NP_PATHS.map((path) => http.post(path, async ({ request }) => reply(await dispatchNp(ctx, request))));
}

// Nova Poshta API 2.0 envelope: every call is POST {apiKey, modelName, calledMethod, methodProperties},
// every answer is HTTP 200 with success/data/errors/... (NpEnvelopeSchema in widget/src/carriers/nova-poshta.ts;
// recorded answers in widget/src/carriers/fixtures/np-*.json). Errors never use HTTP status.
import type { SandboxContext } from '../../context.js';

export interface NpCall {
  apiKey: string;
  modelName: string;
  calledMethod: string;
  methodProperties: Record<string, unknown>;
}

export interface NpEnvelope {
  success: boolean;
  data: unknown[];
  errors: string[];
  warnings: string[];
  info: Record<string, unknown>;
  messageCodes: string[];
  errorCodes: string[];
  warningCodes: string[];
  infoCodes: string[];
}

/** What a method returns: data (+ info, warnings) or a failure. */
export type NpResult =
  | { ok: true; data: unknown[]; info?: Record<string, unknown>; warnings?: string[] }
  | { ok: false; errors: string[]; errorCodes: string[] };

export interface NpEnv {
  ctx: SandboxContext;
  call: NpCall;
  request: Request;
}

export type NpMethod = (props: Record<string, unknown>, env: NpEnv) => NpResult | Promise<NpResult>;

/**
 * Sandbox error codes, shaped like the carrier's 11-digit codes. The widget must show `errors[]`
 * and may branch on these codes.
 */
export const NP_ERRORS = {
  apiKeyMissing: { code: '20000100003', message: 'API key is not specified' },
  badEnvelope: { code: '20000100004', message: 'Request is not a valid API 2.0 envelope' },
  methodNotFound: { code: '20000100005', message: 'Method does not exist' },
  invalidProperty: { code: '20000900746', message: 'Invalid method property' },
} as const;

export function npOk(data: unknown[], info: Record<string, unknown> = {}, warnings: string[] = []): NpResult {
  return { ok: true, data, info, warnings };
}

export function npFail(message: string, code: string): NpResult {
  return { ok: false, errors: [message], errorCodes: [code] };
}

/** A method property failed validation: the message names the property, as NP does. */
export function npInvalid(field: string, message: string): NpResult {
  return npFail(`${field}: ${message}`, NP_ERRORS.invalidProperty.code);
}

export function envelope(result: NpResult): NpEnvelope {
  const base: NpEnvelope = {
    success: result.ok,
    data: [],
    errors: [],
    warnings: [],
    info: {},
    messageCodes: [],
    errorCodes: [],
    warningCodes: [],
    infoCodes: [],
  };
  if (result.ok) return { ...base, data: result.data, info: result.info ?? {}, warnings: result.warnings ?? [] };
  return { ...base, errors: result.errors, errorCodes: result.errorCodes };
}

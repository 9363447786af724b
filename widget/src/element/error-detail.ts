// Turns a caught failure into the code and message of a bp-error detail.
import { ApiError } from '../api/client.js';
import type { ErrorDetail } from './events.js';

export function errorCode(e: unknown): ErrorDetail['code'] {
  return e instanceof ApiError ? e.code : 'network';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// Idempotency-Key handling per draft-ietf-httpapi-idempotency-key-header: the key is a Structured Fields String
// ("…"); the bare form is accepted too. A request is the same request when its canonical body is the same.
import { createHash } from 'node:crypto';

export const MAX_KEY_LENGTH = 255;

export type KeyParse = { ok: true; key: string } | { ok: false; message: string };

export function parseIdempotencyKey(header: string | null): KeyParse {
  if (header === null || header.trim() === '') return { ok: false, message: 'the Idempotency-Key header is required: one UUID per order intent, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"' };
  let value = header.trim();
  if (value.startsWith('"')) {
    // sf-string: printable ASCII, with \" and \\ escapes.
    const m = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(value);
    if (!m) return { ok: false, message: 'Idempotency-Key is not a valid structured-field string' };
    value = (m[1] ?? '').replace(/\\(["\\])/g, '$1');
  } else if (!/^[\x21-\x7e]+$/.test(value)) {
    return { ok: false, message: 'Idempotency-Key must be printable ASCII without spaces (or a quoted string)' };
  }
  if (value.length === 0) return { ok: false, message: 'Idempotency-Key must not be empty' };
  if (value.length > MAX_KEY_LENGTH) return { ok: false, message: `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters` };
  return { ok: true, key: value };
}

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 of the canonical body: key order and whitespace do not make a different request. */
export function fingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

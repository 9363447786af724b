// Idempotency-Key values: a Structured Fields String (RFC 8941 §3.3.3), at most 255 characters, UUID v4 by default.

const SF_STRING = /^"(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\[\\"])*"$/;
const PRINTABLE = /^[\x20-\x7E]+$/;

/** `abc` -> `"abc"`; an already quoted, valid sf-string is returned as is. Throws on empty, non-ASCII or > 255 chars. */
export function formatIdempotencyKey(key: string): string {
  if (SF_STRING.test(key) && key.length > 2) return key;
  if (!key || key.length > 255 || !PRINTABLE.test(key)) {
    throw new TypeError('an idempotency key is 1-255 printable ASCII characters');
  }
  return `"${key.replace(/[\\"]/g, '\\$&')}"`;
}

/** crypto.randomUUID where it exists (secure contexts, Node 19+), else a v4 UUID from getRandomValues. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

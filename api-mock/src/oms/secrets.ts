// Capability tokens (per order) and owner keys (per widget): 128 random bits, shown once, stored as sha256.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "Bearer <secret>" -> secret. */
export function bearer(request: Request): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1];
}

/** Order ids: random, so they reveal neither volume nor order. */
export function newOrderId(): string {
  return `ord_${randomBytes(10).toString('hex')}`;
}

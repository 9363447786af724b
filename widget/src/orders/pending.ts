// Pending order intents: the idempotency key is stored with its payload BEFORE the first request, so a reload or a
// crash resumes the same order instead of placing a second one.
import { z } from '../model/zod.js';
import type { OrderInput } from '../model/order.js';

export interface PendingIntent {
  intentId: string;
  /** The bare idempotency key (sent as a Structured Fields string). */
  key: string;
  /** The exact payload sent with `key`: a retry with another payload is refused (422). */
  input: OrderInput;
  /** When the key was created, epoch ms: the API forgets keys after IDEMPOTENCY_RETENTION_S. */
  createdAt: number;
}

export interface PendingOrderStore {
  load(): Promise<PendingIntent[]> | PendingIntent[];
  save(p: PendingIntent): Promise<void> | void;
  remove(intentId: string): Promise<void> | void;
}

/**
 * Shape check for records read back from storage. Deliberately loose on `input`: the payload must come back byte for
 * byte as it was sent (a schema's trims would change its fingerprint), and the API is the judge of its contents.
 */
const StoredIntent = z.object({
  intentId: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1), z.maxLength(255)),
  input: z.looseObject({ orderNumber: z.string(), configId: z.string() }),
  createdAt: z.number(),
});

/** The record as stored, or undefined when it is not one (corrupt, foreign or from an incompatible version). */
export function parsePendingIntent(value: unknown): PendingIntent | undefined {
  return StoredIntent.safeParse(value).success ? (value as PendingIntent) : undefined;
}

/** JSON with sorted object keys: equal payloads give equal strings whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Pending intents in memory: survives nothing but the page; the default. */
export function memoryStore(initial: PendingIntent[] = []): PendingOrderStore {
  const items = new Map(initial.map((p) => [p.intentId, structuredClone(p)]));
  return {
    load: () => [...items.values()].map((p) => structuredClone(p)),
    save: (p) => void items.set(p.intentId, structuredClone(p)),
    remove: (id) => void items.delete(id),
  };
}

// Where the order step keeps its pending intent (idempotency key + exact payload + order number) between a
// confirm and the API's answer: localStorage, one prefix per widget config, so a reload or a closed tab resumes
// the same order instead of placing a second one. Lit-free: the host can call pendingOrder() at start-up cheaply.
import { localStorageStore, type StorageLike } from '../orders/local-storage-store.js';
import { memoryStore, type PendingIntent, type PendingOrderStore } from '../orders/pending.js';

export const storePrefix = (configId: string) => `branch-picker.order:${configId}:`;

/** The default store of a config: localStorage, or memory where storage is blocked (sandboxed frames). */
export function orderStore(configId: string, storage?: StorageLike): PendingOrderStore {
  let s = storage;
  try {
    s ??= globalThis.localStorage;
  } catch {
    s = undefined; // SecurityError: storage disabled for this document
  }
  return s ? localStorageStore(s, storePrefix(configId)) : memoryStore();
}

/** The newest order intent of `configId` still waiting for a definite answer, if any. */
export async function pendingOrder(configId: string, store: PendingOrderStore = orderStore(configId)): Promise<PendingIntent | undefined> {
  const mine = (await store.load()).filter((p) => p.input.configId === configId);
  return mine.sort((a, b) => b.createdAt - a.createdAt)[0];
}

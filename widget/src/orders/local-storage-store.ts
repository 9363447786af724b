// Pending intents in the browser's localStorage: a reload of the checkout resumes the order instead of duplicating it.
import { parsePendingIntent, type PendingIntent, type PendingOrderStore } from './pending.js';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * One `localStorage` entry per pending intent, `<prefix><intentId>`. Never throws: corrupt entries are skipped on load,
 * and a full or blocked storage (quota, private mode) only loses the crash safety, never the order.
 */
export function localStorageStore(storage: StorageLike, prefix = 'branch-picker.order:'): PendingOrderStore {
  return {
    load() {
      const out: PendingIntent[] = [];
      try {
        const keys: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k?.startsWith(prefix)) keys.push(k);
        }
        for (const k of keys) {
          try {
            const p = parsePendingIntent(JSON.parse(storage.getItem(k) ?? ''));
            if (p && k === prefix + p.intentId) out.push(p);
          } catch {
            // not JSON: skip it
          }
        }
      } catch {
        // storage not readable at all
      }
      return out;
    },
    save(p) {
      try {
        storage.setItem(prefix + p.intentId, JSON.stringify(p));
      } catch {
        // quota or private mode: the in-memory key still covers retries in this page
      }
    },
    remove(intentId) {
      try {
        storage.removeItem(prefix + intentId);
      } catch {
        // nothing to do
      }
    },
  };
}

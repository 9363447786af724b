// Owner keys of the widget configs this browser may edit and read orders of, by config id. The server shows a key
// once (when the config is created) and keeps only its hash: this store is the owner's copy in this browser.
import type { DraftStorage } from './draft-store.js';

export const OWNER_KEYS = 'bp-constructor-owner-keys';
const CONFIG_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Every well-formed entry; a damaged store reads as the entries that still make sense. */
export function ownerKeys(storage: DraftStorage): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(OWNER_KEYS) ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, string> = {};
  for (const [id, key] of Object.entries(parsed)) {
    if (CONFIG_ID.test(id) && typeof key === 'string' && key !== '') out[id] = key;
  }
  return out;
}

export function ownerKeyFor(storage: DraftStorage, id: string | undefined): string | undefined {
  return id ? ownerKeys(storage)[id] : undefined;
}

/** Keep a key; false when the browser refuses to store it (the key then lives only until the page closes). */
export function rememberOwnerKey(storage: DraftStorage, id: string, key: string): boolean {
  try {
    storage.setItem(OWNER_KEYS, JSON.stringify({ ...ownerKeys(storage), [id]: key }));
    return true;
  } catch {
    return false;
  }
}

export function forgetOwnerKey(storage: DraftStorage, id: string): void {
  const { [id]: _gone, ...rest } = ownerKeys(storage);
  try {
    storage.setItem(OWNER_KEYS, JSON.stringify(rest));
  } catch {
    /* nothing stored: nothing to forget */
  }
}

export function isConfigId(id: string): boolean {
  return CONFIG_ID.test(id);
}

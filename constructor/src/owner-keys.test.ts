import { describe, expect, it } from 'vitest';
import { OWNER_KEYS, forgetOwnerKey, isConfigId, ownerKeyFor, ownerKeys, rememberOwnerKey } from './owner-keys.js';

function memory(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('owner keys', () => {
  it('remembers, reads and forgets keys by config id', () => {
    const s = memory();
    expect(rememberOwnerKey(s, 'cfg_a', 'ok_1')).toBe(true);
    rememberOwnerKey(s, 'cfg_b', 'ok_2');
    expect(ownerKeys(s)).toEqual({ cfg_a: 'ok_1', cfg_b: 'ok_2' });
    expect(ownerKeyFor(s, 'cfg_b')).toBe('ok_2');
    expect(ownerKeyFor(s, undefined)).toBeUndefined();
    forgetOwnerKey(s, 'cfg_a');
    expect(ownerKeys(s)).toEqual({ cfg_b: 'ok_2' });
  });

  it('keeps the sound entries of a damaged store and survives unreadable JSON', () => {
    expect(ownerKeys(memory({ [OWNER_KEYS]: '{"cfg_a":"ok_1","bad id":"x","cfg_c":7,"cfg_d":""}' }))).toEqual({ cfg_a: 'ok_1' });
    expect(ownerKeys(memory({ [OWNER_KEYS]: '{oops' }))).toEqual({});
    expect(ownerKeys(memory({ [OWNER_KEYS]: '["x"]' }))).toEqual({});
  });

  it('reports a storage that refuses writes', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(rememberOwnerKey(full, 'cfg_a', 'k')).toBe(false);
  });

  it('checks config ids', () => {
    expect(isConfigId('cfg_Ab-1')).toBe(true);
    expect(isConfigId('a b')).toBe(false);
    expect(isConfigId('')).toBe(false);
  });
});

// How closely a sandbox answer matches the real API's shape (fixtures/real-shapes.ts): which real keys it
// carries and whether each value has the real JSON type. The coverage test reports and checks these figures.
import type { Leaf, Shape } from './fixtures/real-shapes.js';

export interface Coverage {
  /** Real top-level keys the item lacks. */
  missing: string[];
  /** Real leaves ("Reception.Monday" for nested ones) present with another JSON type, or absent under a present object. */
  wrongType: Array<{ key: string; expected: string; actual: string }>;
  /** Top-level keys the item has that the real API does not send. */
  extra: string[];
  /** Real top-level keys present / real top-level keys (what "95% of the real keys" counts). */
  keyRatio: number;
  /** Real leaves present with the real type / real leaves, every level. */
  typeRatio: number;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? 'string[]' : 'array';
  return typeof v;
}

const isShape = (s: Shape[string]): s is Shape => typeof s === 'object' && !Array.isArray(s);

function leafCount(s: Shape): number {
  return Object.values(s).reduce<number>((n, v) => n + (isShape(v) ? leafCount(v) : 1), 0);
}

export function shapeCoverage(item: unknown, shape: Shape): Coverage {
  const wrongType: Coverage['wrongType'] = [];
  let typed = 0;
  const walk = (value: Record<string, unknown>, s: Shape, prefix: string): void => {
    for (const [key, want] of Object.entries(s)) {
      const path = prefix + key;
      if (!Object.hasOwn(value, key)) {
        if (prefix) wrongType.push({ key: path, expected: isShape(want) ? 'object' : String(want), actual: 'absent' });
        continue;
      }
      const v = value[key];
      if (isShape(want)) {
        if (jsonType(v) === 'object') walk(v as Record<string, unknown>, want, `${path}.`);
        else wrongType.push({ key: path, expected: 'object', actual: jsonType(v) });
        continue;
      }
      // An empty list in the shape stands for "an array of anything".
      const accepted: readonly string[] = Array.isArray(want) ? (want.length ? want : ['array', 'string[]']) : [want as Leaf];
      if (accepted.includes(jsonType(v))) typed++;
      else wrongType.push({ key: path, expected: accepted.join('|'), actual: jsonType(v) });
    }
  };
  const obj = (jsonType(item) === 'object' ? item : {}) as Record<string, unknown>;
  walk(obj, shape, '');
  const realKeys = Object.keys(shape);
  const missing = realKeys.filter((k) => !Object.hasOwn(obj, k));
  return {
    missing,
    wrongType,
    extra: Object.keys(obj).filter((k) => !Object.hasOwn(shape, k)),
    keyRatio: realKeys.length === 0 ? 1 : (realKeys.length - missing.length) / realKeys.length,
    typeRatio: typed / leafCount(shape),
  };
}

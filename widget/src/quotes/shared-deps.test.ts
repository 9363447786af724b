// The tariff file (branch-picker.quotes.js) gets zod only through sharedZod: a builder the layer
// calls but the list lacks would be undefined at runtime in the script-tag build only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDeps, sharedModel, sharedZod } from './shared-deps.js';
import { z } from '../model/zod.js';
import { Branch, Quote } from '../model/index.js';

const src = join(import.meta.dirname, '..');
/** Every source file the layer bundles that may call zod (the carriers; quotes/scheduler.ts uses none). */
const layerFiles = readdirSync(join(src, 'carriers'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => join(src, 'carriers', f));

function valueImports(text: string, from: RegExp): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/gm)) {
    if (m[1] || !from.test(m[3]!)) continue;
    for (const part of m[2]!.split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

describe('shared deps of the tariff file', () => {
  it('lists every zod builder the carrier adapters call, as the real zod functions', () => {
    const used = new Set<string>();
    for (const f of layerFiles) {
      // z.<name>( calls; type positions (z.infer<...>, z.ZodMiniType) are not calls.
      for (const m of readFileSync(f, 'utf8').matchAll(/\bz\.([a-zA-Z]+)\(/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter((n) => !(n in sharedZod));
    expect(missing).toEqual([]);
    for (const [name, fn] of Object.entries(sharedZod)) expect(fn).toBe((z as unknown as Record<string, unknown>)[name]);
  });

  it('lends every model value the carrier adapters import (types are erased)', () => {
    const used = new Set<string>();
    for (const f of layerFiles) for (const n of valueImports(readFileSync(f, 'utf8'), /\/model\/index\.js$/)) used.add(n);
    expect([...used].filter((n) => !(n in sharedModel))).toEqual([]);
    expect(sharedDeps().model.Branch).toBe(Branch);
    expect(sharedDeps().model.Quote).toBe(Quote);
  });

  it('built schemas from the lent builders validate like the originals', () => {
    const { z: lent } = sharedDeps();
    const s = lent.object({ id: lent.string(), n: lent.optional(lent.number()) });
    expect(s.safeParse({ id: 'a', n: 1 }).success).toBe(true);
    expect(s.safeParse({ id: 1 }).success).toBe(false);
  });
});

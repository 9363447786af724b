// The order file (branch-picker.order.js) gets Lit, zod, schemas and formatters only through the hook: a name the
// step uses but the lists lack would be undefined at runtime in the script-tag build only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as lit from 'lit';
import { describe, expect, it } from 'vitest';
import * as i18n from '../i18n/index.js';
import { z } from '../model/zod.js';
import { orderDeps, orderI18n, orderLit, orderModel, orderZod } from './shared-deps.js';

const src = join(import.meta.dirname, '..');
const files = (dir: string) => readdirSync(join(src, dir))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.dist.ts') && f !== 'test-fixtures.ts' && f !== 'file-store.ts')
  .map((f) => join(src, dir, f));
/** Every source the order file bundles (model/order.ts and tracking-point.ts come in through the order client, capped-text.ts with them). */
const bundled = [...files('order-step'), ...files('orders'), ...['order', 'tracking-point', 'capped-text'].map((m) => join(src, `model/${m}.ts`))]
  .filter((f) => !f.endsWith('shared-deps.ts'));

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
const imported = (from: RegExp) => new Set(bundled.flatMap((f) => valueImports(readFileSync(f, 'utf8'), from)));

describe('shared deps of the order file', () => {
  it('lends every zod builder the bundled sources call, as the real zod functions', () => {
    const used = new Set<string>();
    for (const f of bundled) for (const m of readFileSync(f, 'utf8').matchAll(/\bz\.([a-zA-Z]+)[.(]/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(8);
    expect([...used].filter((n) => !(n in orderZod))).toEqual([]);
    for (const [name, fn] of Object.entries(orderZod)) {
      if (name !== 'iso') expect(fn).toBe((z as unknown as Record<string, unknown>)[name]);
    }
    // z.iso is lent builder by builder (the namespace would cost the main file its unused validators).
    const isoUsed = new Set<string>();
    for (const f of bundled) for (const m of readFileSync(f, 'utf8').matchAll(/\bz\.iso\.([a-zA-Z]+)\(/g)) isoUsed.add(m[1]!);
    expect([...isoUsed].filter((n) => !(n in orderZod.iso))).toEqual([]);
    for (const [name, fn] of Object.entries(orderZod.iso)) expect(fn).toBe((z.iso as Record<string, unknown>)[name]);
  });

  it('lends every value imported from lit, the swapped model modules and i18n/index', () => {
    expect([...imported(/^lit$/)].filter((n) => !(n in orderLit))).toEqual([]);
    expect([...imported(/\/model\/(branch|common|config|parcel|quote)\.js$|^\.\/(branch|common|config|parcel|quote)\.js$/)]
      .filter((n) => !(n in orderModel))).toEqual([]);
    expect([...imported(/\/i18n\/index\.js$/)].filter((n) => !(n in orderI18n))).toEqual([]);
    for (const [name, v] of Object.entries(orderLit)) expect(v).toBe((lit as Record<string, unknown>)[name]);
    for (const [name, v] of Object.entries(orderI18n)) expect(v).toBe((i18n as Record<string, unknown>)[name]);
    expect(orderDeps().model).toBe(orderModel);
  });

  it('no bundled source imports the whole model index (it would drag every schema into the order file)', () => {
    expect(imported(/\/model\/index\.js$/).size).toBe(0);
  });
});

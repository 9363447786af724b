// <bp-tracking> takes the picker's --bp-* theming tokens with the picker's defaults: a page themes both the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackingStyles } from './styles.js';

/** "--bp-name: value;" declarations of a stylesheet's text, in order. */
function declarations(text: string): Map<string, string> {
  return new Map([...text.matchAll(/(--bp-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('tracking styles', () => {
  const picker = declarations(readFileSync(join(import.meta.dirname, '../ui/styles.ts'), 'utf8'));
  const tracking = declarations(trackingStyles.cssText);

  it('declares only tokens the picker has, each with the picker\'s default', () => {
    expect(tracking.size).toBeGreaterThan(10);
    for (const [name, value] of tracking) expect([name, picker.get(name)]).toEqual([name, value]);
  });

  it('uses no --bp-* token it does not declare (a typo would silently fall back)', () => {
    const used = new Set([...trackingStyles.cssText.matchAll(/var\((--bp-[a-z0-9-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((n) => !tracking.has(n))).toEqual([]);
  });
});

// The --bp-* tokens are declared once (ui/tokens.ts) and both elements adopt those stylesheets. What can still
// drift: an element that stops adopting them or declares a token by hand elsewhere (custom-elements.json would not
// list it), and a var(--bp-*) that the element reading it does not declare (a typo, or <bp-tracking> reading a
// picker-only map token: either silently falls back).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CSSResult, CSSResultGroup } from 'lit';
import { describe, expect, it } from 'vitest';
import * as pickerStyles from '../ui/styles.js';
import { mapTokens, themeTokens, tokenTable } from '../ui/tokens.js';
import { trackingStyles } from './styles.js';

const picker = tokenTable(themeTokens, mapTokens);
const tracking = tokenTable(themeTokens);

const sheets = (group: CSSResultGroup): CSSResult[] => (Array.isArray(group) ? group.flatMap(sheets) : [group as CSSResult]);

/** The --bp-* tokens read with var() in the .ts sources under `dir` (tests and the token stylesheets left out). */
function usedTokens(dir: string, skip: RegExp): string[] {
  const text = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'ui/tokens.ts' && !skip.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  return [...new Set([...text.matchAll(/var\((--bp-[a-z0-9-]+)/g)].map((m) => m[1]!))].sort();
}

const undeclared = (used: string[], table: Record<string, string>) => used.filter((name) => !(name in table));
const src = join(import.meta.dirname, '..');

describe('--bp-* tokens', () => {
  it('each element adopts its token stylesheets and declares no token anywhere else', () => {
    // <branch-picker>: every stylesheet of ui/styles.ts (it adopts them all).
    const pickerSheets = Object.values(pickerStyles).flatMap(sheets);
    expect(pickerSheets).toEqual(expect.arrayContaining([themeTokens, mapTokens]));
    expect(tokenTable(...pickerSheets)).toEqual(picker);
    expect(sheets(trackingStyles)).toContain(themeTokens);
    expect(sheets(trackingStyles)).not.toContain(mapTokens);
    expect(tokenTable(...sheets(trackingStyles))).toEqual(tracking);
    expect(Object.keys(tracking).length).toBeGreaterThan(10);
    expect(Object.keys(picker)).toEqual(expect.arrayContaining(['--bp-primary', '--bp-marker-post-office', '--bp-side-width']));
  });

  it('every token <branch-picker> reads is declared for it', () => {
    const used = usedTokens(src, /^tracking\//);
    expect(used).toEqual(expect.arrayContaining(['--bp-primary', '--bp-marker-post-office', '--bp-side-width']));
    expect(undeclared(used, picker)).toEqual([]);
  });

  it('every token <bp-tracking> reads is one of the theme tokens it declares', () => {
    const used = usedTokens(join(src, 'tracking'), /^$/);
    expect(used).toEqual(expect.arrayContaining(['--bp-primary', '--bp-open', '--bp-off']));
    expect(undeclared(used, tracking)).toEqual([]);
  });

  it('a default that reads another token reads a theme token (<bp-tracking> declares only those)', () => {
    const read = [...Object.values(picker).join(' ').matchAll(/var\((--bp-[a-z0-9-]+)/g)].map((m) => m[1]!);
    expect(read).toContain('--bp-primary');
    expect(undeclared(read, tracking)).toEqual([]);
  });
});

// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BranchPicker } from '../widget/src/branch-picker.js';
import { buildManifest, readmeAttributeSection, readmeAttributeTable } from './widget-manifest.js';

const src = resolve(import.meta.dirname, '../widget/src');
// <branch-picker>'s own sources: not the model and pure logic, and not <bp-tracking> (its own element, tracking/).
const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/^(model|core|tracking)\//.test(f))
  .map((f) => readFileSync(join(src, f), 'utf8'))
  .join('\n');

const decl = buildManifest('test').modules[0]!.declarations[0] as {
  tagName: string;
  attributes: Array<{ name: string; description?: string }>;
  events: Array<{ name: string }>;
  cssParts: Array<{ name: string }>;
  slots: Array<{ name: string }>;
  cssProperties: Array<{ name: string }>;
};

describe('custom-elements.json', () => {
  it('documents exactly the attributes the element observes', () => {
    expect(decl.tagName).toBe('branch-picker');
    // Against the element itself, not the table the manifest maps over.
    expect(decl.attributes.map((a) => a.name).sort()).toEqual([...BranchPicker.observedAttributes].sort());
    for (const a of decl.attributes) expect(a.description).toBeTruthy();
  });

  it("widget/README.md's attribute table is the generated one (npx tsx scripts/readme-attributes.ts)", () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../widget/README.md'), 'utf8');
    expect(readmeAttributeSection(readme)).toBe(readmeAttributeTable());
  });

  it('documents every part used in the templates, and only those', () => {
    const used = new Set([...sources.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]));
    expect(new Set(decl.cssParts.map((p) => p.name))).toEqual(used);
  });

  it('documents every event the element dispatches', () => {
    // Event classes (super('bp-…') or a static type) and plain CustomEvents; the order step's internal
    // bp-order-step-* events never leave the picker's shadow root and do not match.
    const dispatched = new Set([...sources.matchAll(/(?:super\(|type = |new CustomEvent\()'(bp-[a-z]+)'/g)].map((m) => m[1]));
    expect(new Set(decl.events.map((e) => e.name))).toEqual(dispatched);
  });

  it('documents every slot and every --bp-* token declared on :host, and no token is used undeclared', () => {
    const slots = new Set([...sources.matchAll(/<slot name="([a-z-]+)"/g)].map((m) => m[1]));
    expect(new Set(decl.slots.map((s) => s.name))).toEqual(slots);
    const declared = new Set(decl.cssProperties.map((p) => p.name));
    const usedTokens = new Set([...sources.matchAll(/var\((--bp-[a-z0-9-]+)/g)].map((m) => m[1]));
    for (const t of usedTokens) expect(declared, `${t} is used but has no default on :host`).toContain(t);
  });
});

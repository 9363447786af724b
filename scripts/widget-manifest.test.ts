// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BranchPicker } from '../widget/src/branch-picker.js';
import { BpTracking } from '../widget/src/tracking/element.js';
import { SPEC, type AttributeName } from '../widget/src/element/settings-table.js';
import { attributeDocs, buildManifest, readmeAttributeSection, readmeAttributeTable, trackingAttributeDocs } from './widget-manifest.js';

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

  // The README's Default column is the hand-written `@default` text: where it is one literal (`12`,
  // `both`, `""` with a remark in brackets after it) or off/on for a boolean, it must be the table's default.
  it("every literal `@default` text is the attribute's real default", () => {
    const checked: string[] = [];
    for (const doc of attributeDocs()) {
      const spec = SPEC[doc.name as AttributeName];
      const text = doc.defaultText;
      const plain = ['string', 'number', 'boolean'].includes(typeof spec.default);
      if (text === undefined) continue;
      const word = /^(off|on)$/.exec(text)?.[1];
      const literal = /^`([^`]*)`(?:\s+\([^)]*\))?$/.exec(text)?.[1];
      if (spec.boolean) {
        expect(word, `${doc.name}: @default of a boolean is off or on`).toBeDefined();
        expect(word === 'on', `${doc.name}: @default ${text}`).toBe(spec.default);
      } else if (literal !== undefined) {
        const parsed = spec.parse(literal === '""' ? '' : literal, '');
        expect(parsed, `${doc.name}: @default ${text} is a valid value`).toMatchObject({ ok: true });
        if (parsed.ok) expect(parsed.value, `${doc.name}: @default ${text} vs default`).toEqual(spec.default);
      } else {
        // Prose ("all", "nearest [lang], page, …") describes a default that has no literal spelling.
        expect(plain, `${doc.name}: default ${JSON.stringify(spec.default)} is a literal, so @default must spell it`).toBe(false);
        continue;
      }
      checked.push(doc.name);
    }
    expect(checked).toEqual(expect.arrayContaining(['api-base', 'center', 'zoom', 'layout', 'mode', 'name', 'tile-url', 'required', 'feed', 'order']));
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

const trackingSources = readdirSync(join(src, 'tracking'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(src, 'tracking', f), 'utf8'))
  .join('\n');

type Declaration = typeof decl & { members: Array<{ kind: string; name: string; attribute?: string }> };
const manifest = buildManifest('test');
const trackingModule = manifest.modules.find((m) => m.declarations.some((d) => d['tagName'] === 'bp-tracking'));
const tracking = trackingModule?.declarations.find((d) => d['tagName'] === 'bp-tracking') as Declaration | undefined;

describe('custom-elements.json: <bp-tracking>', () => {
  it('is declared in its own module (branch-picker/tracking) with a custom-element definition', () => {
    expect(trackingModule?.path).toBe('esm/tracking.js');
    expect(trackingModule?.exports).toContainEqual(expect.objectContaining({ kind: 'custom-element-definition', name: 'bp-tracking' }));
    expect(manifest.modules.flatMap((m) => m.declarations.map((d) => d['tagName']))).toEqual(['branch-picker', 'bp-tracking']);
  });

  it('documents exactly the attributes bp-tracking observes, each with a description', () => {
    // Against the class Lit built (its properties plus the lang it adds), not the source text the manifest reads.
    expect(tracking!.attributes.map((a) => a.name).sort()).toEqual([...BpTracking.observedAttributes].sort());
    for (const a of tracking!.attributes) expect(a.description, a.name).toBeTruthy();
    // Each attribute but lang maps to the property Lit reflects it into.
    const fields = new Map(tracking!.members.filter((m) => m.attribute).map((m) => [m.attribute, m.name]));
    for (const a of trackingAttributeDocs().filter((x) => x.property)) expect(fields.get(a.name)).toBe(a.property);
    // Lit puts an accessor on the prototype for every reactive property.
    for (const [, prop] of fields) expect(prop! in BpTracking.prototype, prop).toBe(true);
  });

  it('documents every part its templates use, the event it dispatches, and every token it reads', () => {
    const parts = new Set([...trackingSources.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]));
    expect(new Set(tracking!.cssParts.map((p) => p.name))).toEqual(parts);
    const events = new Set([...trackingSources.matchAll(/(?:super\(|type = |new CustomEvent\()'(bp-[a-z-]+)'/g)].map((m) => m[1]));
    expect(new Set(tracking!.events.map((e) => e.name))).toEqual(events);
    expect(tracking!.events).toContainEqual(expect.objectContaining({ name: 'bp-tracking-change', type: { text: 'TrackingChangeEvent' } }));
    const declared = new Set(tracking!.cssProperties.map((p) => p.name));
    const used = new Set([...trackingSources.matchAll(/var\((--bp-[a-z0-9-]+)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(0);
    for (const t of used) expect(declared, `${t} is used but has no default on :host`).toContain(t);
  });
});

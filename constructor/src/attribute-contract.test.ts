// @vitest-environment jsdom
// The element's attribute contract is declared once (widget/src/element/settings-table.ts).
// This fails when an attribute the element observes is missing from the table, the manifest,
// the README's attribute table, the WidgetConfig schema (unless documented as attribute-only),
// the constructor's form, or the constructor's snippet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BranchPicker } from '../../widget/src/branch-picker.js';
import { ALL_ATTRIBUTES, SPEC, type AttributeName } from '../../widget/src/element/settings-table.js';
import { WidgetConfig } from '../../widget/src/model/config.js';
import { attributeDocs, buildManifest } from '../../scripts/widget-manifest.js';
import { configToForm, fieldForPath, formToConfig } from './config-form.js';
import { elementAttributes, propertyOnlySettings } from './snippet.js';

const observed = [...BranchPicker.observedAttributes] as AttributeName[];

/** Attribute names in the first column of README's "| Attribute | Default | Meaning |" table. */
function readmeAttributes(): string[] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../widget/README.md'), 'utf8');
  const start = readme.indexOf('| Attribute |');
  const table = readme.slice(start, readme.indexOf('\n\n', start));
  return [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
}

/** A config that sets every config-backed setting to a non-default value. */
const FULL: WidgetConfig = {
  name: 'pickup',
  apiBase: 'https://api.example',
  carriers: ['nova-poshta'],
  types: ['parcel_locker'],
  lang: 'uk',
  center: { lat: 50.45, lng: 30.52 },
  zoom: 11,
  layout: 'list',
  mode: 'modal',
  tileUrl: '/t/{z}/{x}/{y}.png',
  feed: 'nova-poshta',
  npApiKey: 'np-key',
  order: true,
  trackUrl: '/track#order={orderId}&token={token}',
  parcel: {
    weightG: 1200,
    dimensionsCm: { length: 30, width: 20, height: 10 },
    declaredValue: { amount: 500000, currency: 'UAH' },
    cashOnDelivery: { amount: 150050, currency: 'UAH' },
  },
  origin: { country: 'UA', postcode: '01001', city: 'Kyiv' },
};

const get = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

describe('the attribute contract', () => {
  it('the element observes exactly the attributes of the table', () => {
    expect([...observed].sort()).toEqual([...ALL_ATTRIBUTES].sort());
  });

  it('every observed attribute is documented in the manifest and the README', () => {
    const manifest = buildManifest('test').modules[0]!.declarations[0] as { attributes: Array<{ name: string; description: string }> };
    const readme = readmeAttributes();
    for (const a of observed) {
      expect(manifest.attributes.find((x) => x.name === a)?.description, `${a} in custom-elements.json`).toBeTruthy();
      expect(readme, `${a} in widget/README.md's attribute table`).toContain(a);
    }
    expect(readme.filter((a) => !observed.includes(a as AttributeName)), 'README rows the element does not observe').toEqual([]);
  });

  it('every observed attribute has a WidgetConfig key, or says why it is attribute-only', () => {
    const docs = new Map(attributeDocs().map((d) => [d.name, d]));
    const keys = Object.keys(WidgetConfig.shape);
    for (const a of observed) {
      const path = SPEC[a].config;
      if (path === null) expect(docs.get(a)?.attributeOnly, `${a}: @attributeOnly reason`).toBeTruthy();
      else expect(keys, `${a} -> config.${path}`).toContain(path.split('.')[0]);
    }
    expect(WidgetConfig.safeParse(FULL).success).toBe(true);
  });

  it('the constructor form edits every config-backed attribute and keeps it through a round trip', () => {
    const back = formToConfig(configToForm(FULL));
    expect(back.errors).toEqual({});
    for (const a of observed) {
      const path = SPEC[a].config;
      if (path === null) continue;
      expect(fieldForPath(path), `form field for config.${path} (${a})`).toBeDefined();
      expect(get(FULL, path), `FULL sets config.${path}`).toBeDefined();
      expect(get(back.config, path), `config.${path} (${a}) after the form`).toEqual(get(FULL, path));
    }
  });

  it('the constructor app renders a form control for every config-backed attribute', async () => {
    await import('./app.js');
    const app = document.createElement('bpc-app');
    document.body.append(app);
    await app.updateComplete;
    const form = app.querySelector('form#settings');
    expect(form, 'the settings form').not.toBeNull();
    /** Leaf paths of a value (lists are one value): center -> center.lat, center.lng. */
    const leaves = (path: string, value: unknown): string[] =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => leaves(`${path}.${k}`, v))
        : [path];
    let controls = 0;
    for (const a of observed) {
      const path = SPEC[a].config;
      if (path === null) continue;
      for (const leaf of leaves(path, get(FULL, path))) {
        const key = fieldForPath(leaf);
        expect(key, `form field for config.${leaf} (${a})`).toBeDefined();
        expect(form?.querySelector(`[name="${key}"]:is(input, select, textarea)`), `a control named ${key} for config.${leaf} (${a})`).not.toBeNull();
        controls++;
      }
    }
    expect(controls).toBeGreaterThan(20);
    app.remove();
  });

  it('the snippet carries every config-backed attribute, as an attribute or through the config property', () => {
    const attrs = new Map(elementAttributes(FULL));
    const props = propertyOnlySettings(FULL);
    for (const a of observed) {
      const path = SPEC[a].config;
      if (path === null) continue;
      expect(attrs.has(a) || get(props, path) !== undefined, `${a} in the snippet`).toBe(true);
    }
  });

  it("each attribute the snippet writes reads back, through the element's own parser, as the config's value", () => {
    const written = elementAttributes(FULL);
    expect(written.length).toBeGreaterThan(10);
    for (const [a, text] of written) {
      const spec = SPEC[a as AttributeName];
      const parsed = spec.parse(text, '');
      expect(parsed, `${a}="${text}"`).toMatchObject({ ok: true });
      if (parsed.ok && spec.config) expect(parsed.value, `${a}="${text}" -> config.${spec.config}`).toEqual(get(FULL, spec.config));
    }
  });
});

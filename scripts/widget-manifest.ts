// Generates custom-elements.json (schema 2.1.0) for <branch-picker> from the sources
// themselves: attributes from the attribute table (element/settings-table.ts) and its doc comments, events/parts/slots from the class's JSDoc,
// CSS custom properties from the :host tokens. widget-manifest.test.ts checks it against the
// templates, so the manifest cannot silently drift from the element.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_ATTRIBUTES, SPEC } from '../widget/src/element/settings-table.js';

const root = resolve(import.meta.dirname, '..');
const read = (p: string) => readFileSync(resolve(root, p), 'utf8');

export interface Manifest {
  schemaVersion: string;
  readme: string;
  modules: Array<{
    kind: 'javascript-module';
    path: string;
    declarations: Array<Record<string, unknown>>;
    exports: Array<Record<string, unknown>>;
  }>;
}

export interface AttributeDoc {
  name: string;
  type: string;
  /** For custom-elements.json: the default as JSON, or the `@default` text without markdown. */
  default?: string;
  /** The `@default` text as written (markdown), for the README. */
  defaultText?: string;
  /** Markdown. */
  description: string;
  /** Why the attribute has no WidgetConfig key (`@attributeOnly`). */
  attributeOnly?: string;
}

/**
 * The attribute docs, read from the doc comment above each entry of the attribute table
 * (widget/src/element/settings-table.ts): text, then `@type`, `@default`, `@attributeOnly`.
 */
export function attributeDocs(): AttributeDoc[] {
  const source = read('widget/src/element/settings-table.ts');
  const table = source.slice(source.indexOf('export const ATTRIBUTE_TABLE'));
  const docs = new Map<string, AttributeDoc>();
  for (const m of table.matchAll(/\/\*\*\s*(.*?)\s*\*\/\s*(?:\/\/[^\n]*\n\s*)*\{\s*attr:\s*'([a-z-]+)'/gs)) {
    const [text, ...tags] = m[1]!.split(/\s@(?=type |default |attributeOnly )/);
    const tag = (t: string) => tags.find((x) => x.startsWith(`${t} `))?.slice(t.length + 1).trim();
    docs.set(m[2]!, { name: m[2]!, type: tag('type') ?? 'string', defaultText: tag('default'), description: text!.trim(), attributeOnly: tag('attributeOnly') });
  }
  return ALL_ATTRIBUTES.map((name) => {
    const doc = docs.get(name) ?? { name, type: 'string', description: '' };
    const value = SPEC[name].default;
    const plain = ['string', 'number', 'boolean'].includes(typeof value);
    return { ...doc, default: plain ? JSON.stringify(value) : doc.defaultText?.replace(/`/g, '') };
  });
}

const README_HEADER = '| Attribute | Default | Meaning |\n|---|---|---|\n';

/** widget/README.md's attribute table, generated from the attribute table's doc comments. */
export function readmeAttributeTable(): string {
  return README_HEADER + attributeDocs().map((a) => `| \`${a.name}\` | ${a.defaultText ?? ''} | ${a.description} |`.replace('|  |', '| |')).join('\n');
}

/** The attribute table as it stands in a README text (header to the first blank line). */
export function readmeAttributeSection(readme: string): string {
  const start = readme.indexOf(README_HEADER);
  return start < 0 ? '' : readme.slice(start, readme.indexOf('\n\n', start));
}

const METHODS = [
  { name: 'open', description: 'Open the modal (mode="modal").', return: 'Promise<void>' },
  { name: 'close', description: 'Close the modal.', return: 'void' },
  { name: 'select', description: 'Choose a point by id as if the buyer confirmed it; resolves true when committed.', return: 'Promise<boolean>', params: [{ name: 'id', type: 'string' }] },
  { name: 'refresh', description: 'Reload the map feed and the list.', return: 'void' },
  { name: 'checkValidity', return: 'boolean' },
  { name: 'reportValidity', return: 'boolean' },
];

const PROPERTIES = [
  { name: 'config', type: 'WidgetConfig | undefined', description: 'A constructor config; attributes override it.' },
  { name: 'parcel', type: 'Parcel | undefined', description: 'The buyer\'s parcel (for tariffs and fit).' },
  { name: 'quote', type: 'Quote | undefined', description: 'Quote of the selected point, passed through in bp-select/bp-change.' },
  { name: 'value', type: 'string', readonly: true, description: 'The committed point id ("" when none).' },
  { name: 'branch', type: 'Branch | undefined', readonly: true, description: 'The committed point.' },
];

/** JSDoc tags of the class comment: "@fires name - text" etc. */
export function jsdocTags(source: string, tag: string): Array<{ name: string; description: string }> {
  const re = new RegExp(`@${tag}\\s+([\\w-]+)\\s+-\\s+(.+)`, 'g');
  return [...source.matchAll(re)].map((m) => ({ name: m[1]!, description: m[2]!.trim() }));
}

/** Custom properties declared on :host in the tokens block, with their defaults. */
export function cssTokens(stylesSource: string): Array<{ name: string; default: string }> {
  const block = stylesSource.slice(stylesSource.indexOf('export const tokens'), stylesSource.indexOf('export const layoutStyles'));
  return [...block.matchAll(/^\s*(--bp-[a-z0-9-]+):\s*([^;]+);/gm)].map((m) => ({ name: m[1]!, default: m[2]!.trim() }));
}

export function buildManifest(version: string): Manifest {
  const element = read('widget/src/branch-picker.ts');
  const styles = read('widget/src/ui/styles.ts');
  const declaration = {
    kind: 'class',
    name: 'BranchPicker',
    tagName: 'branch-picker',
    customElement: true,
    description: 'Pickup-point picker: map and list of post offices, pickup points and parcel lockers. Form-associated.',
    attributes: attributeDocs().map((a) => ({ name: a.name, type: { text: a.type }, default: a.default, description: a.description })),
    members: [
      ...PROPERTIES.map((p) => ({ kind: 'field', name: p.name, type: { text: p.type }, description: p.description, readonly: p.readonly })),
      ...METHODS.map((m) => ({ kind: 'method', name: m.name, description: m.description, return: { type: { text: m.return } }, parameters: m.params?.map((x) => ({ name: x.name, type: { text: x.type } })) })),
    ],
    events: jsdocTags(element, 'fires').map((e) => ({ ...e, type: { text: `CustomEvent-like ${eventClass(e.name)}` } })),
    cssParts: jsdocTags(element, 'csspart'),
    slots: jsdocTags(element, 'slot'),
    cssProperties: cssTokens(styles).map((t) => ({ name: t.name, default: t.default })),
  };
  return {
    schemaVersion: '2.1.0',
    readme: `branch-picker ${version}`,
    modules: [
      {
        kind: 'javascript-module',
        path: 'esm/define.js',
        declarations: [declaration],
        exports: [
          { kind: 'js', name: 'BranchPicker', declaration: { name: 'BranchPicker', module: 'esm/index.js' } },
          { kind: 'custom-element-definition', name: 'branch-picker', declaration: { name: 'BranchPicker', module: 'esm/index.js' } },
        ],
      },
    ],
  };
}

function eventClass(name: string): string {
  return `Bp${name.replace(/^bp-/, '').replace(/^./, (c) => c.toUpperCase())}Event`;
}

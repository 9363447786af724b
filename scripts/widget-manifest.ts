// Generates custom-elements.json (schema 2.1.0) for <branch-picker> and <bp-tracking> from the sources
// themselves: <branch-picker>'s attributes from the attribute table (element/settings-table.ts) and its doc comments,
// <bp-tracking>'s from its `static properties` and the doc comments of their declarations; events/parts/slots from
// each class's JSDoc, CSS custom properties from the token stylesheets both elements adopt (ui/tokens.ts).
// widget-manifest.test.ts checks it against the elements and their templates, so the manifest cannot silently drift.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_ATTRIBUTES, SPEC } from '../widget/src/element/settings-table.js';
import { mapTokens, themeTokens, tokenTable } from '../widget/src/ui/tokens.js';

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

/** JSDoc tags of the class comment: "@fires name - text" etc., one per line or several joined by "; @". */
export function jsdocTags(source: string, tag: string): Array<{ name: string; description: string }> {
  const re = new RegExp(`@${tag}\\s+([\\w-]+)\\s+-\\s+(.+?)(?=;\\s*@\\w|$)`, 'gm');
  return [...source.matchAll(re)].map((m) => ({ name: m[1]!, description: m[2]!.trim() }));
}

/** Tokens of widget/src/ui/tokens.ts as the manifest's cssProperties: each with its default. */
export function cssProperties(table: Record<string, string>): Array<{ name: string; default: string }> {
  return Object.entries(table).map(([name, value]) => ({ name, default: value }));
}

export function buildManifest(version: string): Manifest {
  const element = read('widget/src/branch-picker.ts');
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
    cssProperties: cssProperties(tokenTable(themeTokens, mapTokens)),
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
      {
        // branch-picker/tracking (and bp-tracking.js): registers the tag and exports the class.
        kind: 'javascript-module',
        path: 'esm/tracking.js',
        declarations: [buildTrackingDeclaration()],
        exports: [
          { kind: 'js', name: 'BpTracking', declaration: { name: 'BpTracking', module: 'esm/tracking.js' } },
          { kind: 'custom-element-definition', name: 'bp-tracking', declaration: { name: 'BpTracking', module: 'esm/tracking.js' } },
        ],
      },
    ],
  };
}

/** Attributes whose declaration in tracking/element.ts has no doc comment of its own. */
const TRACKING_ATTRIBUTE_NOTES: Readonly<Record<string, string>> = {
  phone: "With `track-number`: the recipient's phone, read for the point's country (`+7…` in Russia, `+380…` in Ukraine).",
  lang: 'Language of the texts (`ru`, `uk`, `en`); without it the nearest `[lang]`, then the page, then the browser. Followed when it changes.',
};

/**
 * <bp-tracking>'s attributes, read from its source: the `static properties` that have an attribute (Lit's default
 * name is the property in lower case), then the names its `observedAttributes` adds (`lang`); each described by the
 * doc comment above its `declare`.
 */
export function trackingAttributeDocs(source = read('widget/src/tracking/element.ts')): Array<AttributeDoc & { property?: string }> {
  const start = source.indexOf('static override properties = {');
  const block = source.slice(start, source.indexOf('\n  };', start));
  const docs: Array<AttributeDoc & { property?: string }> = [];
  for (const m of block.matchAll(/^\s*(\w+): \{(.*)\},?$/gm)) {
    const [, prop, options] = m as unknown as [string, string, string];
    if (/attribute: false|state: true/.test(options)) continue;
    const name = /attribute: '([a-z-]+)'/.exec(options)?.[1] ?? prop.toLowerCase();
    const type = /type: Number/.test(options) ? 'number' : /type: Boolean/.test(options) ? 'boolean' : 'string';
    docs.push({ name, property: prop, type, description: declarationDoc(source, prop) ?? TRACKING_ATTRIBUTE_NOTES[name] ?? '' });
  }
  const extra = /observedAttributes\(\): string\[\] \{[^}]*?\[\.\.\.super\.observedAttributes, ([^\]]*)\]/.exec(source)?.[1] ?? '';
  for (const [, name] of extra.matchAll(/'([a-z-]+)'/g)) docs.push({ name: name!, type: 'string', description: TRACKING_ATTRIBUTE_NOTES[name!] ?? '' });
  return docs;
}

/** The doc comment directly above `declare <prop>` (none when code stands between). */
function declarationDoc(source: string, prop: string): string | undefined {
  const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*declare ${prop}\\b`).exec(source);
  return m?.[1]!.replace(/\s*\n\s*\*\s*/g, ' ').trim();
}

const TRACKING_PROPERTIES = [
  { name: 'fetch', type: '((input: string, init: RequestInit) => Promise<Response>) | undefined', description: 'Replaces `fetch` (tests, a shop\'s own transport).' },
];

export function buildTrackingDeclaration(): Record<string, unknown> {
  const element = read('widget/src/tracking/element.ts');
  const attributes = trackingAttributeDocs(element);
  // Event classes declare their name once: `class X extends Event { static readonly type = 'bp-…'`.
  const classes = new Map([...element.matchAll(/class (\w+) extends Event \{\s*static readonly type = '([a-z-]+)'/g)].map((m) => [m[2]!, m[1]!]));
  return {
    kind: 'class',
    name: 'BpTracking',
    tagName: 'bp-tracking',
    customElement: true,
    description: /@summary\s+(.+)$/m.exec(element)?.[1]?.trim() ?? '',
    attributes: attributes.map((a) => ({ name: a.name, type: { text: a.type }, description: a.description })),
    members: [
      ...attributes.flatMap((a) => (a.property ? [a] : [])).map((a) => ({
        kind: 'field', name: a.property, attribute: a.name, type: { text: `${a.type} | null` }, description: a.description,
      })),
      ...TRACKING_PROPERTIES.map((p) => ({ kind: 'field', name: p.name, type: { text: p.type }, description: p.description })),
      { kind: 'method', name: 'refresh', description: 'Asks the order API now instead of at the next scheduled refresh.', return: { type: { text: 'void' } } },
    ],
    events: jsdocTags(element, 'fires').map((e) => ({ ...e, type: { text: classes.get(e.name) ?? 'Event' } })),
    cssParts: jsdocTags(element, 'csspart'),
    cssProperties: cssProperties(tokenTable(themeTokens)),
  };
}

function eventClass(name: string): string {
  return `Bp${name.replace(/^bp-/, '').replace(/^./, (c) => c.toUpperCase())}Event`;
}

// Generates custom-elements.json (schema 2.1.0) for <branch-picker> from the sources
// themselves: attributes from the settings module, events/parts/slots from the class's JSDoc,
// CSS custom properties from the :host tokens. widget-manifest.test.ts checks it against the
// templates, so the manifest cannot silently drift from the element.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ATTRIBUTES } from '../widget/src/element/settings.js';

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

const ATTRIBUTE_DOCS: Record<(typeof ATTRIBUTES)[number], { type: string; default?: string; description: string }> = {
  'api-base': { type: 'string', default: '""', description: 'Origin (and path prefix) of the points API; "" = same origin.' },
  carriers: { type: 'string', description: 'Comma-separated carrier slugs to show (e.g. "russian-post,nova-poshta"); empty = all.' },
  types: { type: 'string', description: 'Comma-separated point types: post_office, pickup_point, parcel_locker; empty = all.' },
  lang: { type: "'ru' | 'uk' | 'en'", description: 'UI language; default: nearest [lang], the page, the browser, then ru.' },
  center: { type: 'string', default: '"55.7558,37.6173"', description: 'Initial map centre "lat,lng".' },
  zoom: { type: 'number', default: '12', description: 'Initial zoom, 2..19.' },
  layout: { type: "'both' | 'map' | 'list'", default: '"both"', description: 'Map and list, map only, or list only.' },
  mode: { type: "'inline' | 'modal'", default: '"inline"', description: 'Inline in the page, or a button that opens a modal dialog.' },
  selected: { type: 'string', description: 'Id of a preselected point (committed without events).' },
  name: { type: 'string', default: '"branch"', description: 'Form field name the chosen point id is submitted under.' },
  'tile-url': { type: 'string', default: '"https://tile.openstreetmap.org/{z}/{x}/{y}.png"', description: 'Raster tile URL template, or "none" for the built-in vector basemap.' },
  'config-id': { type: 'string', description: 'Load a WidgetConfig saved by the constructor from {api-base}/api/v1/configs/{id}.' },
  required: { type: 'boolean', default: 'false', description: 'The form is invalid (valueMissing) until a point is chosen.' },
  feed: { type: "'tiles' | 'nova-poshta'", default: '"tiles"', description: 'Points source: the open tile feed, or every Nova Poshta warehouse (Address.getWarehouses) clustered in a Web Worker.' },
  'np-api-key': { type: 'string', description: 'Nova Poshta API key for feed="nova-poshta" (visible to buyers; the sandbox takes any).' },
};

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
    attributes: ATTRIBUTES.map((name) => ({ name, ...ATTRIBUTE_DOCS[name] && { type: { text: ATTRIBUTE_DOCS[name].type }, default: ATTRIBUTE_DOCS[name].default, description: ATTRIBUTE_DOCS[name].description } })),
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

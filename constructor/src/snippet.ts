// Embed snippets built from a valid WidgetConfig. Every owner- or carrier-provided string is
// escaped for where it lands: HTML attribute values, or JSON inside a <script>.
import { ATTRIBUTE_TABLE, type AttributeSpec } from '../../widget/src/element/settings-table.js';
import { LatLng } from '../../widget/src/model/common.js';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { WIDGET_DEFAULTS } from './defaults.js';

export interface ScriptSource {
  /** Absolute URL of the script-tag build (dist/widget/branch-picker.js). */
  scriptUrl: string;
  /** "sha384-..." from integrity.json; absent when it could not be loaded. */
  integrity?: string;
  /** Version of the build the hash belongs to (integrity.json's `version`): snippets pin it. */
  version?: string;
}

export interface SnippetOptions {
  /** Saved config id: the element then loads its settings from the API by id. */
  configId?: string;
  /** Used for `api-base` when the config has none, so the embed works on another origin. */
  defaultApiBase?: string;
  /** id given to the element so the JS snippet can find it. */
  elementId?: string;
}

export interface Snippets {
  /** Script tag + element + JS, for a plain HTML page. */
  html: string;
  /** The script tag alone. */
  script: string;
  /** The <branch-picker> element alone. */
  element: string;
  /** The JS that applies property-only settings and listens to bp-change (no <script> wrapper). */
  js: string;
  /** npm variant: the install command. */
  npmInstall: string;
  /** npm variant: the module code (the page holds `element`). */
  npmModule: string;
  /** The module script of `html`, exactly as between its tags (for a CSP hash). */
  inlineScript: string;
  /** True when the script tag carries no integrity hash. */
  missingIntegrity: boolean;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Escape a value for a double-quoted HTML attribute (quotes, <, > and & all neutralised). */
export function escapeAttr(value: string): string {
  return value.replace(/[&"'<>]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON that is safe inside an inline <script> and in a JS module: "<", ">" and "&" become
 * \u escapes so a value can never close the script element or open a comment; U+2028/2029
 * are escaped for older JS parsers.
 */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length === 0) return true; // absent or empty: the widget shows all
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

// Which settings become attributes, from the element's attribute table: those with a WidgetConfig key.
// The parcel and the origin go through the `config` property instead (one object, not several attributes).
const WRITTEN = (ATTRIBUTE_TABLE as readonly AttributeSpec[]).filter((s) => s.group === 'settings' && s.config !== null);
// Written even with a saved config id, before it: what the element never takes from a config
// (`configApplied: false`), then api-base, the server the saved config is loaded from.
const WITH_ID = [...WRITTEN.filter((s) => s.configApplied === false), ...WRITTEN.filter((s) => s.attr === 'api-base')];
const WITHOUT_ID = WRITTEN.filter((s) => !WITH_ID.includes(s));

/** A config value as its attribute's text (the element's parsers read it back); undefined: not set. */
function attributeText(attr: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') {
    const point = LatLng.safeParse(value);
    if (!point.success) throw new Error(`snippet: no attribute spelling for ${attr}'s value`);
    return `${point.data.lat},${point.data.lng}`;
  }
  return String(value);
}

/** [attribute, value] pairs for settings that differ from the widget's defaults, in the attribute table's order. */
export function elementAttributes(config: WidgetConfig, opts: SnippetOptions = {}): [string, string][] {
  const attrs: [string, string][] = [];
  const push = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') attrs.push([name, value]);
  };
  const write = (s: AttributeSpec): void => {
    const key = s.config as keyof WidgetConfig;
    const value = s.attr === 'api-base' ? (config.apiBase ?? opts.defaultApiBase) : config[key];
    if (s.boolean) {
      if (value === true) attrs.push([s.attr, '']);
      return;
    }
    // An empty list, or every option ticked, is the widget's "all".
    const all = (WIDGET_DEFAULTS as Readonly<Record<string, unknown>>)[key];
    if (Array.isArray(value) && sameList(value, Array.isArray(all) ? all : [])) return;
    const text = attributeText(s.attr, value);
    if (text !== attributeText(s.attr, s.default)) push(s.attr, text);
  };
  if (opts.elementId) push('id', opts.elementId);
  WITH_ID.forEach(write);
  if (opts.configId) {
    // Everything else comes from the saved config on the server.
    push('config-id', opts.configId);
    return attrs;
  }
  WITHOUT_ID.forEach(write);
  return attrs;
}

/** Settings that have no attribute and so are set through the `config` property. */
export function propertyOnlySettings(config: WidgetConfig): Partial<WidgetConfig> {
  const out: Partial<WidgetConfig> = {};
  if (config.theme && Object.keys(config.theme).length > 0) out.theme = config.theme;
  if (config.parcel) out.parcel = config.parcel;
  if (config.origin) out.origin = config.origin;
  if (config.sort !== undefined && config.sort !== WIDGET_DEFAULTS.sort) out.sort = config.sort;
  if (config.sortWeights) out.sortWeights = config.sortWeights;
  if (config.hideUnfit !== undefined && config.hideUnfit !== WIDGET_DEFAULTS.hideUnfit) out.hideUnfit = config.hideUnfit;
  if (config.carrierTimeoutMs !== undefined) out.carrierTimeoutMs = config.carrierTimeoutMs;
  return out;
}

export function buildScriptTag(src: ScriptSource): string {
  const attrs = [`src="${escapeAttr(src.scriptUrl)}"`];
  if (src.integrity) attrs.push(`integrity="${escapeAttr(src.integrity)}"`, 'crossorigin="anonymous"');
  attrs.push('defer');
  return `<script ${attrs.join(' ')}></script>`;
}

export function buildElement(config: WidgetConfig, opts: SnippetOptions = {}): string {
  const attrs = elementAttributes(config, opts);
  if (attrs.length === 0) return '<branch-picker></branch-picker>';
  const parts = attrs.map(([k, v]) => `${k}="${escapeAttr(v)}"`);
  // One attribute per line once the tag gets long, so the snippet stays readable.
  const oneLine = `<branch-picker ${parts.join(' ')}></branch-picker>`;
  if (oneLine.length <= 80) return oneLine;
  return `<branch-picker\n  ${parts.join('\n  ')}\n></branch-picker>`;
}

export function selectorFor(opts: SnippetOptions): string {
  // Ids we generate are plain words; anything else falls back to the tag name.
  return opts.elementId && /^[A-Za-z][\w-]*$/.test(opts.elementId) ? `#${opts.elementId}` : 'branch-picker';
}

/** The JS part: applies property-only settings (unless a saved config id carries them) and listens to bp-change. */
export function buildJs(config: WidgetConfig, opts: SnippetOptions = {}): string {
  const lines = [`const picker = document.querySelector('${selectorFor(opts)}');`];
  const props = opts.configId ? {} : propertyOnlySettings(config);
  if (Object.keys(props).length > 0) {
    lines.push(
      '',
      '// Settings that have no attribute go through the config property.',
      `picker.config = { ...picker.config, ...${safeJson(props)} };`,
    );
  }
  lines.push(
    '',
    "picker.addEventListener('bp-change', (event) => {",
    '  // event.detail describes the chosen point (and its quote when a parcel is set).',
    "  console.log('Branch chosen:', event.detail);",
    '});',
  );
  return lines.join('\n');
}

export function buildSnippets(config: WidgetConfig, src: ScriptSource, opts: SnippetOptions = {}): Snippets {
  const o: SnippetOptions = { elementId: 'branch-picker', ...opts };
  const script = buildScriptTag(src);
  const element = buildElement(config, o);
  const js = buildJs(config, o);
  const inlineScript = `\n${indent(js)}\n`;
  const html = [...versionComment(src), script, '', element, '', `<script type="module">${inlineScript}</script>`].join('\n');
  const npmModule = ["import 'branch-picker/define';", '', js].join('\n');
  return {
    html,
    script,
    element,
    js,
    npmInstall: src.version ? `npm i branch-picker@${src.version}` : 'npm i branch-picker',
    npmModule,
    inlineScript,
    missingIntegrity: !src.integrity,
  };
}

/** Names the pinned version: the integrity hash is of that exact file, so both change together. */
export function versionComment(src: ScriptSource): string[] {
  if (!src.version || !src.integrity) return [];
  return [`<!-- branch-picker ${src.version.replace(/-->|[<>]/g, '')}: the integrity hash is of this exact file; update both together -->`];
}

export function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}

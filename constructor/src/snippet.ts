// Embed snippets built from a valid WidgetConfig. Every owner- or carrier-provided string is
// escaped for where it lands: HTML attribute values, or JSON inside a <script>.
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

/** [attribute, value] pairs for settings that differ from the widget's defaults, in a stable order. */
export function elementAttributes(config: WidgetConfig, opts: SnippetOptions = {}): [string, string][] {
  const attrs: [string, string][] = [];
  const push = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') attrs.push([name, value]);
  };
  if (opts.elementId) push('id', opts.elementId);
  if (config.name !== WIDGET_DEFAULTS.name) push('name', config.name);
  push('api-base', config.apiBase ?? opts.defaultApiBase);
  if (opts.configId) {
    // Everything else comes from the saved config on the server.
    push('config-id', opts.configId);
    return attrs;
  }
  if (!sameList(config.carriers, WIDGET_DEFAULTS.carriers)) push('carriers', config.carriers?.join(','));
  if (!sameList(config.types, WIDGET_DEFAULTS.types)) push('types', config.types?.join(','));
  push('lang', config.lang);
  const c = config.center;
  const d = WIDGET_DEFAULTS.center;
  if (c && (c.lat !== d.lat || c.lng !== d.lng)) push('center', `${c.lat},${c.lng}`);
  if (config.zoom !== undefined && config.zoom !== WIDGET_DEFAULTS.zoom) push('zoom', String(config.zoom));
  if (config.layout !== WIDGET_DEFAULTS.layout) push('layout', config.layout);
  if (config.mode !== WIDGET_DEFAULTS.mode) push('mode', config.mode);
  if (config.tileUrl !== WIDGET_DEFAULTS.tileUrl) push('tile-url', config.tileUrl);
  if (config.feed !== WIDGET_DEFAULTS.feed) push('feed', config.feed);
  push('np-api-key', config.npApiKey);
  if (config.order) attrs.push(['order', '']);
  push('track-url', config.trackUrl);
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

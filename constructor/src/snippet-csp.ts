// The Content-Security-Policy a shop needs for the widget, from the current config. What each
// directive needs was checked against the widget (e2e/embed-csp*.spec.ts and e2e/snippets.spec.ts
// run it under exactly such policies):
// - script-src: the origin serving branch-picker.js; the tariff layer, basemap and cluster worker
//   are loaded on demand from next to it. Inline snippets need their sha256 hash (or a file).
// - style-src: nothing for the widget. Its styles are adopted stylesheets and Leaflet positions
//   through the CSSOM (element.style), neither of which style-src governs.
// - connect-src: the api-base origin only. Points, tariffs, configs and orders all go through it
//   (the carriers' APIs are reached through its /carriers/ proxy, never directly).
// - img-src: the raster tile server and data: (Leaflet blanks each tile it removes with a data: image;
//   without it every pan logs violations); nothing extra with tile-url="none" (the basemap is drawn on a canvas).
// - worker-src: only the Nova Poshta whole-list source uses a worker. Same origin: a plain Worker
//   (falls back to script-src); from a CDN: the file is fetched with its SRI hash and started from a
//   blob: of the checked bytes, so that source also needs the script origin in connect-src.
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { WIDGET_DEFAULTS } from './defaults.js';
import type { ScriptSource, SnippetOptions } from './snippet.js';

export interface CspInput {
  config: WidgetConfig;
  src: ScriptSource;
  opts?: SnippetOptions;
  /** "'sha256-…'" sources of the inline scripts the shop keeps inline. */
  inlineHashes?: readonly string[];
}

export interface CspDirective {
  name: string;
  sources: string[];
  /** Why these sources: shown beside the header. */
  why: string;
}

function originOf(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
}

/** The origin of a tile template (its {s}/{z}/{x}/{y} placeholders are not part of the host, except {s}). */
function tileOrigin(template: string | undefined): string | undefined {
  if (!template || template === 'none') return undefined;
  const probe = template.replace(/\{s\}/g, '*').replace(/\{[a-z]\}/g, '0');
  const m = /^(https?:\/\/[^/]+)/.exec(probe);
  return m?.[1];
}

const dedupe = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => Boolean(x)))];

export function cspDirectives({ config, src, opts = {}, inlineHashes = [] }: CspInput): CspDirective[] {
  const scriptOrigin = originOf(src.scriptUrl);
  const apiBase = config.apiBase ?? opts.defaultApiBase;
  const api = originOf(apiBase, src.scriptUrl);
  const tiles = tileOrigin(config.tileUrl ?? WIDGET_DEFAULTS.tileUrl);
  const worker = config.feed === 'nova-poshta';
  const out: CspDirective[] = [
    { name: 'default-src', sources: ["'self'"], why: 'your own policy; nothing the widget needs' },
    {
      name: 'script-src',
      sources: dedupe(["'self'", scriptOrigin, ...inlineHashes]),
      why: 'branch-picker.js and its on-demand files (tariffs, basemap, worker), plus the hashes of the inline snippets',
    },
    { name: 'style-src', sources: ["'self'"], why: 'nothing extra: the widget uses adopted stylesheets, no inline <style>' },
    {
      name: 'connect-src',
      sources: dedupe(["'self'", api, worker ? scriptOrigin : undefined]),
      why: worker
        ? 'the points, tariff, config and order API (api-base; carriers are reached through it) and the clustering worker, fetched with its integrity hash'
        : 'the points, tariff, config and order API (api-base); carriers are reached through it',
    },
    {
      name: 'img-src',
      sources: dedupe(["'self'", tiles, tiles ? 'data:' : undefined]),
      why: tiles ? 'map tiles (data: for the blank image Leaflet puts in a removed tile)' : 'nothing extra: the built-in basemap is drawn on a canvas',
    },
  ];
  if (worker) {
    out.push({
      name: 'worker-src',
      sources: dedupe(["'self'", scriptOrigin, 'blob:']),
      why: 'the clustering worker of the Nova Poshta source (blob: when the script comes from another origin)',
    });
  }
  out.push({ name: 'object-src', sources: ["'none'"], why: 'not used' }, { name: 'base-uri', sources: ["'none'"], why: 'not used' });
  return out;
}

/** The header value: "default-src 'self'; script-src …". */
export function buildCspHeader(input: CspInput): string {
  return cspDirectives(input)
    .map((d) => `${d.name} ${d.sources.join(' ')}`)
    .join('; ');
}

/** The snippet: the response header line (the reasons are listed beside it in the page). */
export function buildCspSnippet(input: CspInput): string {
  return `Content-Security-Policy: ${buildCspHeader(input)}`;
}

/** "'sha256-…'" of an inline script's exact text, as CSP hashes it (UTF-8). */
export async function inlineScriptHash(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
  let bin = '';
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
  return `'sha256-${btoa(bin)}'`;
}

// Loads the built-in basemap for the script-tag build: injects BASEMAP_FILE (ondemand-files.ts), a
// classic script next to the main file, with the SRI hash computed at build time (same origin passes
// `script-src 'self'`; no inline code). The file reports back through the versioned hook.
import type { BasemapGeometry } from './basemap-decode.js';
import { BASEMAP_HOOK, type BasemapHook } from './basemap-hook.js';
import { BASEMAP_FILE as FILE, MAIN_FILE } from '../ondemand-files.js';

/** sha384 of branch-picker.basemap.js, injected by scripts/build-widget.ts. */
declare const __BP_BASEMAP_SRI__: string;

// Captured while the script tag executes: document.currentScript is null afterwards.
const script = typeof document !== 'undefined' ? document.currentScript : null;
const BASE = script instanceof HTMLScriptElement ? script.src : '';

let pending: Promise<BasemapGeometry> | undefined;

/** One load per page; after a failure the next call tries again. */
export function loadBasemapGeometry(): Promise<BasemapGeometry> {
  pending ??= inject().catch((e: unknown) => {
    pending = undefined;
    throw e;
  });
  return pending;
}

function inject(): Promise<BasemapGeometry> {
  return new Promise((resolve, reject) => {
    if (!BASE) {
      reject(new Error(`cannot locate ${FILE}: ${MAIN_FILE} was not loaded by a <script src>`));
      return;
    }
    let geometry: BasemapGeometry | undefined;
    const hook: BasemapHook = (g) => (geometry = g);
    (globalThis as unknown as Record<string, BasemapHook>)[BASEMAP_HOOK] = hook;
    const el = document.createElement('script');
    el.src = new URL(FILE, BASE).href;
    el.integrity = __BP_BASEMAP_SRI__;
    el.crossOrigin = 'anonymous';
    el.onload = () => {
      el.remove();
      if (geometry) resolve(geometry);
      else reject(new Error(`${FILE} did not register (version mismatch?)`));
    };
    el.onerror = () => {
      el.remove();
      reject(new Error(`${FILE} failed to load from ${el.src}`));
    };
    (document.head ?? document.documentElement).append(el);
  });
}

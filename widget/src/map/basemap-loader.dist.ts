// Loads the built-in basemap for the script-tag build: injects BASEMAP_FILE (ondemand-files.ts) next
// to the main file, with its SRI hash (ondemand-script.ts). The file reports back through the
// versioned hook.
import type { BasemapGeometry } from './basemap-decode.js';
import { BASEMAP_HOOK, type BasemapHook } from './basemap-hook.js';
import { BASEMAP_FILE } from '../ondemand-files.js';
import { onDemandScript } from '../ondemand-script.js';

/** sha384 of branch-picker.basemap.js, injected by scripts/build-widget.ts. */
declare const __BP_BASEMAP_SRI__: string;

/** One load per page; after a failure the next call tries again. */
export const loadBasemapGeometry: () => Promise<BasemapGeometry> = onDemandScript(BASEMAP_FILE, __BP_BASEMAP_SRI__, () => {
  let geometry: BasemapGeometry | undefined;
  const hook: BasemapHook = (g) => (geometry = g);
  (globalThis as unknown as Record<string, BasemapHook>)[BASEMAP_HOOK] = hook;
  return () => geometry;
});

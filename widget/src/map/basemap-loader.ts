// Loads the built-in basemap geometry for the ESM build and app bundlers: a dynamic import, so
// the packed coastlines only download when the fallback map is actually drawn. The script-tag
// build swaps this module for basemap-loader.dist.ts (scripts/build-widget.ts).
import type { BasemapGeometry } from './basemap-decode.js';

export function loadBasemapGeometry(): Promise<BasemapGeometry> {
  return import('./basemap-decode.js').then((m) => m.basemapGeometry());
}

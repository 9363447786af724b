// The script-tag build's Leaflet swaps, shared by scripts/build-widget.ts and the test that checks
// the Leaflet internals they rely on (widget/src/map/leaflet-internals.test.ts).
import { join } from 'node:path';
import type { ModuleSwap } from './module-swaps.js';

export function leafletSwaps(src: string): ModuleSwap[] {
  return [
    // Only the subset of Leaflet the widget uses (see map/leaflet-slim.js); the package entry, however it is imported.
    { replace: 'leaflet', with: join(src, 'map/leaflet-slim.js'), why: 'Leaflet subset' },
    // Leaflet's Marker imports its default PNG icon and marker dragging; the widget uses neither, so the
    // script-tag build resolves both to stubs (see map/leaflet-marker-stubs.js).
    ...['Icon.Default.js', 'Marker.Drag.js'].map((f) => ({
      replace: `leaflet/src/layer/marker/${f}`, with: join(src, 'map/leaflet-marker-stubs.js'), why: 'unused Leaflet marker parts',
    })),
  ];
}

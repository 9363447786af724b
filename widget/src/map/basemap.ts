// The built-in low-detail basemap: decoded lazily from the generated module and drawn
// with Leaflet vector layers (one canvas), so the map still reads as a map when raster
// tiles are blocked, offline or disabled with tile-url="none".
import * as L from 'leaflet';
import { basemapGeometry } from './basemap-decode.js';

/** A layer group with land, coastlines and borders in the "bp-basemap" pane (below markers). */
export function createBasemapLayer(map: L.Map): L.LayerGroup {
  const paneName = 'bp-basemap';
  if (!map.getPane(paneName)) {
    const pane = map.createPane(paneName);
    pane.style.zIndex = '150';
  }
  const renderer = L.canvas({ pane: paneName, padding: 0.5 });
  const geo = basemapGeometry();
  const common = { renderer, pane: paneName, interactive: false } as const;
  return L.layerGroup([
    L.polygon(geo.land, { ...common, stroke: false, fillColor: '#f1efe8', fillOpacity: 1 }),
    L.polyline(geo.coast, { ...common, color: '#8fb3c9', weight: 1 }),
    L.polyline(geo.borders, { ...common, color: '#b49db8', weight: 1, dashArray: '4 3' }),
  ]);
}

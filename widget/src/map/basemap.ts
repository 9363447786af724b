// The built-in low-detail basemap, drawn with Leaflet vector layers (one canvas), so the map
// still reads as a map when raster tiles are blocked, offline or disabled with tile-url="none".
// The geometry loads on demand (basemap-loader.ts): most embeds never need it. The group is
// returned at once and filled when the data arrives; a failed load leaves the plain background
// (markers and the list keep working), never an error that blocks choosing.
import * as L from 'leaflet';
import { loadBasemapGeometry } from './basemap-loader.js';

/** A layer group with land, coastlines and borders in the "bp-basemap" pane (below markers). */
export function createBasemapLayer(map: L.Map): L.LayerGroup {
  const paneName = 'bp-basemap';
  if (!map.getPane(paneName)) {
    const pane = map.createPane(paneName);
    pane.style.zIndex = '150';
  }
  const group = L.layerGroup();
  loadBasemapGeometry().then(
    (geo) => {
      const renderer = L.canvas({ pane: paneName, padding: 0.5 });
      const common = { renderer, pane: paneName, interactive: false } as const;
      group.addLayer(L.polygon(geo.land, { ...common, stroke: false, fillColor: '#f1efe8', fillOpacity: 1 }));
      group.addLayer(L.polyline(geo.coast, { ...common, color: '#8fb3c9', weight: 1 }));
      group.addLayer(L.polyline(geo.borders, { ...common, color: '#b49db8', weight: 1, dashArray: '4 3' }));
    },
    (e: unknown) => console.warn('branch-picker: built-in basemap unavailable', e),
  );
  return group;
}

// A realistic mix of map views: centred where the points are (buyers look where they live, so a
// random point is a density-weighted centre), at every zoom 3..14, in a desktop-sized map pane.
import { tilesInBounds, type Bounds, type TileCoord } from '../../widget/src/core/geo.js';
import { mulberry32 } from './stats.js';

export const VIEW_W = 960;
export const VIEW_H = 600;
const TILE = 256;
const MAX_LAT = 85.0511287798066;

export interface View {
  center: { lat: number; lng: number };
  zoom: number;
  bbox: Bounds;
  tiles: TileCoord[];
}

function project(lat: number, lng: number, zoom: number): { x: number; y: number } {
  const size = TILE * 2 ** zoom;
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return { x: ((lng + 180) / 360) * size, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size };
}

function unproject(x: number, y: number, zoom: number): { lat: number; lng: number } {
  const size = TILE * 2 ** zoom;
  const lng = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return { lat, lng };
}

/** The bbox Leaflet would report for this centre and zoom (west > east when it crosses 180°). */
export function viewBounds(center: { lat: number; lng: number }, zoom: number, w = VIEW_W, h = VIEW_H): Bounds {
  const c = project(center.lat, center.lng, zoom);
  const nw = unproject(c.x - w / 2, Math.max(0, c.y - h / 2), zoom);
  const se = unproject(c.x + w / 2, Math.min(TILE * 2 ** zoom, c.y + h / 2), zoom);
  const wrap = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;
  const spansWorld = se.lng - nw.lng >= 360;
  return {
    west: spansWorld ? -180 : wrap(nw.lng),
    east: spansWorld ? 180 : wrap(se.lng),
    south: se.lat,
    north: nw.lat,
  };
}

export function makeViews(points: ReadonlyArray<{ lat: number; lng: number }>, passes: number, seed = 42): View[] {
  const rnd = mulberry32(seed);
  const views: View[] = [];
  for (let p = 0; p < passes; p++) {
    for (let zoom = 3; zoom <= 14; zoom++) {
      const at = points[Math.floor(rnd() * points.length)]!;
      const bbox = viewBounds(at, zoom);
      views.push({ center: { lat: at.lat, lng: at.lng }, zoom, bbox, tiles: tilesInBounds(bbox, zoom) });
    }
  }
  return views;
}

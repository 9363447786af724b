// The built-in low-detail basemap, drawn on canvas tiles by a GridLayer, so the map still reads
// as a map when raster tiles are blocked, offline or disabled with tile-url="none". Tiles rather
// than Leaflet's vector layers: GridLayer is in the bundle anyway (raster tiles use it), while
// Polygon/Polyline and their canvas renderer would cost the script-tag file ~4 KB gzip.
// The geometry loads on demand (basemap-loader.ts): most embeds never need it. The layer is
// returned at once and drawn when the data arrives; a failed load leaves the plain background
// (markers and the list keep working), never an error that blocks choosing.
import * as L from 'leaflet';
import type { BasemapGeometry, LatLngTuple } from './basemap-decode.js';
import { loadBasemapGeometry } from './basemap-loader.js';

const LAND = '#f1efe8';
const COAST = '#8fb3c9';
const BORDER = '#b49db8';

/** A ring or line with its lat/lng box, so a tile skips what it cannot show. */
interface Shape {
  points: LatLngTuple[];
  box: [south: number, west: number, north: number, east: number];
}

function shape(points: LatLngTuple[]): Shape {
  let s = 90, w = 180, n = -90, e = -180;
  for (const [lat, lng] of points) {
    s = Math.min(s, lat); n = Math.max(n, lat); w = Math.min(w, lng); e = Math.max(e, lng);
  }
  return { points, box: [s, w, n, e] };
}

export interface BasemapShapes {
  land: Shape[][];
  coast: Shape[];
  borders: Shape[];
}

export function basemapShapes(geo: BasemapGeometry): BasemapShapes {
  return { land: geo.land.map((rings) => rings.map(shape)), coast: geo.coast.map(shape), borders: geo.borders.map(shape) };
}

/** Draw the basemap into one tile. `project` maps lat/lng to the tile's pixels; `bounds` is the tile's lat/lng box. */
export function drawBasemapTile(
  ctx: CanvasRenderingContext2D,
  shapes: BasemapShapes,
  project: (lat: number, lng: number) => [number, number],
  bounds: [south: number, west: number, north: number, east: number],
): void {
  const [ts, tw, tn, te] = bounds;
  const visible = (x: Shape) => x.box[0] <= tn && x.box[2] >= ts && x.box[1] <= te && x.box[3] >= tw;
  const trace = (x: Shape, close: boolean) => {
    x.points.forEach(([lat, lng], i) => {
      const [px, py] = project(lat, lng);
      if (i) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
    });
    if (close) ctx.closePath();
  };
  ctx.beginPath();
  for (const rings of shapes.land) if (rings[0] && visible(rings[0])) for (const r of rings) trace(r, true);
  ctx.fillStyle = LAND;
  ctx.fill('evenodd');
  ctx.lineWidth = 1;
  const lines = (list: Shape[], color: string, dash: number[]) => {
    ctx.beginPath();
    for (const l of list) if (visible(l)) trace(l, false);
    ctx.strokeStyle = color;
    ctx.setLineDash(dash);
    ctx.stroke();
  };
  lines(shapes.coast, COAST, []);
  lines(shapes.borders, BORDER, [4, 3]);
}

/** A layer with land, coastlines and borders in the "bp-basemap" pane (below markers). */
export function createBasemapLayer(map: L.Map): L.GridLayer {
  const paneName = 'bp-basemap';
  if (!map.getPane(paneName)) {
    const pane = map.createPane(paneName);
    pane.style.zIndex = '150';
  }
  let shapes: BasemapShapes | undefined;
  // Leaflet's typings give extend()ed classes a constructor without options; GridLayer's takes them.
  const Basemap = L.GridLayer.extend({
    createTile(this: L.GridLayer, coords: L.Coords): HTMLElement {
      const size = this.getTileSize();
      const tile = document.createElement('canvas');
      tile.width = size.x;
      tile.height = size.y;
      const ctx = tile.getContext('2d');
      if (shapes && ctx) {
        const origin = coords.scaleBy(size);
        const nw = map.unproject(origin, coords.z);
        const se = map.unproject(origin.add(size), coords.z);
        drawBasemapTile(ctx, shapes, (lat, lng) => {
          const p = map.project([lat, lng], coords.z);
          return [p.x - origin.x, p.y - origin.y];
        }, [se.lat, nw.lng, nw.lat, se.lng]);
      }
      return tile;
    },
  }) as new (options: L.GridLayerOptions) => L.GridLayer;
  const layer = new Basemap({ pane: paneName, updateWhenZooming: false });
  loadBasemapGeometry().then(
    (geo) => {
      shapes = basemapShapes(geo);
      layer.redraw();
    },
    (e: unknown) => console.warn('branch-picker: built-in basemap unavailable', e),
  );
  return layer;
}

// Plain geodesy helpers shared by the feed, Russian Post "nearby" and search ranking.
// The haversine itself is the widget's (widget/src/core/geo.ts); this is its scalar-argument form.
import { EARTH_RADIUS_M, haversineRad } from '../shared-logic.js';

const RAD = Math.PI / 180;

/** Great-circle distance in metres. */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return EARTH_RADIUS_M * haversineRad(lat1, lng1, lat2, lng2);
}

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** Web Mercator x in [0, 1] (same projection as supercluster and Leaflet). */
export function mercatorX(lng: number): number {
  return lng / 360 + 0.5;
}

/** Web Mercator y in [0, 1], 0 at the top. */
export function mercatorY(lat: number): number {
  const sin = Math.sin(lat * RAD);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

function tileLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** Bounds of an XYZ (slippy map) tile. */
export function tileBBox(z: number, x: number, y: number): BBox {
  const n = 2 ** z;
  return [(x / n) * 360 - 180, tileLat(y + 1, z), ((x + 1) / n) * 360 - 180, tileLat(y, z)];
}

/**
 * Whether a coordinate belongs to tile (z, x, y): membership is decided in projected space with
 * floor(), so a cluster sitting exactly on a tile edge lands in exactly one tile.
 */
export function inTile(z: number, x: number, y: number, lat: number, lng: number): boolean {
  const n = 2 ** z;
  const tx = Math.min(n - 1, Math.max(0, Math.floor(mercatorX(lng) * n)));
  const ty = Math.min(n - 1, Math.max(0, Math.floor(mercatorY(lat) * n)));
  return tx === x && ty === y;
}

/** Round to a fixed number of decimals: 5 decimals of a degree is about 1 m, enough for a marker. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

// Plain geometry on WGS84 coordinates: distances, bounding boxes and Web Mercator tiles
// (the same z/x/y scheme as OSM tiles and the sandbox's /tiles/{z}/{x}/{y} feed).

export interface LatLngLike {
  lat: number;
  lng: number;
}

/** A lat/lng box. west > east means it crosses the antimeridian. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Web Mercator stops here: the map is square. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

const RAD = Math.PI / 180;

/**
 * Great-circle angle in radians between two points (haversine): the one copy, also behind the
 * sandbox's distances and tariff zones. Times a radius, it is a distance.
 */
export function haversineRad(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Great-circle (haversine) distance in metres. */
export function distanceM(a: LatLngLike, b: LatLngLike): number {
  return EARTH_RADIUS_M * haversineRad(a.lat, a.lng, b.lat, b.lng);
}

/** A new array, nearest first; each distance is computed once. Ties keep input order. */
export function sortByDistance<T extends LatLngLike>(items: readonly T[], centre: LatLngLike): T[] {
  const keyed = items.map((item, i) => ({ item, i, d: distanceM(centre, item) }));
  keyed.sort((x, y) => x.d - y.d || x.i - y.i);
  return keyed.map((k) => k.item);
}

// ---------------------------------------------------------------------------
// Bounds

/** Wrap a longitude into [-180, 180). */
export function wrapLng(lng: number): number {
  const w = ((((lng + 180) % 360) + 360) % 360) - 180;
  return w === -180 && lng > 0 ? 180 : w;
}

export function boundsOf(points: readonly LatLngLike[]): Bounds | null {
  if (points.length === 0) return null;
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const p of points) {
    if (p.lng < west) west = p.lng;
    if (p.lng > east) east = p.lng;
    if (p.lat < south) south = p.lat;
    if (p.lat > north) north = p.lat;
  }
  return { west, south, east, north };
}

export function crossesAntimeridian(b: Bounds): boolean {
  return b.west > b.east;
}

export function boundsContain(b: Bounds, p: LatLngLike): boolean {
  if (p.lat < b.south || p.lat > b.north) return false;
  return crossesAntimeridian(b) ? p.lng >= b.west || p.lng <= b.east : p.lng >= b.west && p.lng <= b.east;
}

/** Longitude ranges of a box, split at the antimeridian. */
function lngRanges(b: Bounds): Array<[number, number]> {
  return crossesAntimeridian(b) ? [[b.west, 180], [-180, b.east]] : [[b.west, b.east]];
}

export function boundsIntersect(a: Bounds, b: Bounds): boolean {
  if (a.south > b.north || a.north < b.south) return false;
  for (const [aw, ae] of lngRanges(a)) for (const [bw, be] of lngRanges(b)) if (aw <= be && bw <= ae) return true;
  return false;
}

/** A box of about `radiusM` around a point (clamped at the poles, wrapped at the antimeridian). */
export function boundsAround(centre: LatLngLike, radiusM: number): Bounds {
  const dLat = (radiusM / EARTH_RADIUS_M) / RAD;
  const cos = Math.cos(centre.lat * RAD);
  const dLng = cos < 1e-9 ? 180 : Math.min(180, dLat / cos);
  const south = Math.max(-90, centre.lat - dLat);
  const north = Math.min(90, centre.lat + dLat);
  if (dLng >= 180) return { west: -180, south, east: 180, north };
  return { west: wrapLng(centre.lng - dLng), south, east: wrapLng(centre.lng + dLng), north };
}

/** Grow (ratio > 0) or shrink a box by a share of its size on every side; used to prefetch around the view. */
export function padBounds(b: Bounds, ratio: number): Bounds {
  const width = crossesAntimeridian(b) ? b.east + 360 - b.west : b.east - b.west;
  const h = (b.north - b.south) * ratio;
  const w = width * ratio;
  if (width + 2 * w >= 360) return { west: -180, south: Math.max(-90, b.south - h), east: 180, north: Math.min(90, b.north + h) };
  return {
    west: wrapLng(b.west - w),
    south: Math.max(-90, b.south - h),
    east: wrapLng(b.east + w),
    north: Math.min(90, b.north + h),
  };
}

/** "west,south,east,north", the bbox query parameter of the sandbox API. */
export function formatBbox(b: Bounds, digits = 6): string {
  return [b.west, b.south, b.east, b.north].map((n) => Number(n.toFixed(digits))).join(',');
}

/** Inverse of formatBbox; null when malformed or out of range. */
export function parseBbox(s: string): Bounds | null {
  const parts = s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [west, south, east, north] = parts as [number, number, number, number];
  if (Math.abs(west) > 180 || Math.abs(east) > 180 || south < -90 || north > 90 || south > north) return null;
  return { west, south, east, north };
}

// ---------------------------------------------------------------------------
// Web Mercator tiles

function clampLat(lat: number): number {
  return Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
}

/** Fractional tile coordinates (for sub-tile positions). */
export function lngLatToTileFraction(lng: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const x = ((wrapLng(lng) + 180) / 360) * n;
  const s = Math.sin(clampLat(lat) * RAD);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
  return { x, y };
}

/** The tile that holds a point at zoom z. */
export function lngLatToTile(lng: number, lat: number, z: number): TileCoord {
  const n = 2 ** z;
  const f = lngLatToTileFraction(lng, lat, z);
  return {
    z,
    x: Math.min(n - 1, Math.max(0, Math.floor(f.x))),
    y: Math.min(n - 1, Math.max(0, Math.floor(f.y))),
  };
}

function tileYToLat(y: number, n: number): number {
  const r = Math.PI * (1 - (2 * y) / n);
  return Math.atan(Math.sinh(r)) / RAD;
}

export function tileBounds(t: TileCoord): Bounds {
  const n = 2 ** t.z;
  return {
    west: (t.x / n) * 360 - 180,
    east: ((t.x + 1) / n) * 360 - 180,
    north: tileYToLat(t.y, n),
    south: tileYToLat(t.y + 1, n),
  };
}

/** Tile key used for caches: "z/x/y". */
export function tileKey(t: TileCoord): string {
  return `${t.z}/${t.x}/${t.y}`;
}

// Box edges computed from tile borders come back a hair off (1e-12 of a tile): snap them.
const EDGE_EPS = 1e-9;

/** First and last tile index spanned by [lo, hi] in fractional tile units; a far edge on a border stays out. */
function tileSpan(lo: number, hi: number, n: number): [number, number] {
  const first = Math.min(n - 1, Math.max(0, Math.floor(lo + EDGE_EPS)));
  const last = Math.min(n - 1, Math.max(first, Math.ceil(hi - EDGE_EPS) - 1));
  return [first, last];
}

/**
 * Every tile at zoom z touching the box, row by row; handles the antimeridian.
 * The caller bounds z (a world-sized box at z 10 is a million tiles).
 */
export function tilesInBounds(b: Bounds, z: number): TileCoord[] {
  const n = 2 ** z;
  // Mercator y grows southwards: the north edge gives the first row.
  const [top, bottom] = tileSpan(lngLatToTileFraction(0, b.north, z).y, lngLatToTileFraction(0, b.south, z).y, n);
  const columns: number[] = [];
  for (const [w, e] of lngRanges(b)) {
    const lo = ((w + 180) / 360) * n;
    const hi = ((e + 180) / 360) * n;
    const [left, right] = tileSpan(lo, hi, n);
    for (let x = left; x <= right; x++) if (!columns.includes(x)) columns.push(x);
  }
  const out: TileCoord[] = [];
  for (let y = top; y <= bottom; y++) for (const x of columns) out.push({ z, x, y });
  return out;
}

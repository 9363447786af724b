// A static kd-tree over lat/lng points: bbox queries and k-nearest search.
import KDBush from 'kdbush';
import { distanceM, KM_PER_DEGREE } from './geo.js';

export interface LatLngItem {
  lat: number;
  lng: number;
}

export interface Neighbour<T> {
  item: T;
  index: number;
  distanceM: number;
}

export interface NearestOptions<T> {
  /** Ignore points farther than this (metres). */
  maxDistanceM?: number;
  filter?: (item: T) => boolean;
}

export class PointIndex<T extends LatLngItem> {
  readonly items: readonly T[];
  private readonly tree: KDBush;

  constructor(items: readonly T[]) {
    this.items = items;
    // KDBush refuses to be empty-sized in some versions; one slot costs nothing and is never queried.
    this.tree = new KDBush(Math.max(items.length, 1));
    for (const it of items) this.tree.add(it.lng, it.lat);
    if (items.length === 0) this.tree.add(1000, 1000);
    this.tree.finish();
  }

  get size(): number {
    return this.items.length;
  }

  /** Indexes of the points inside [west, south, east, north]; west > east wraps the antimeridian. */
  range(west: number, south: number, east: number, north: number): number[] {
    if (this.items.length === 0) return [];
    if (west <= east) return this.tree.range(west, south, east, north);
    return [...this.tree.range(west, south, 180, north), ...this.tree.range(-180, south, east, north)];
  }

  /**
   * The k nearest points, closest first. Grows a search window until it holds k points inside the
   * circle it circumscribes, so the answer is exact without scanning every point.
   */
  nearest(lat: number, lng: number, k: number, options: NearestOptions<T> = {}): Neighbour<T>[] {
    const maxM = options.maxDistanceM ?? Infinity;
    const filter = options.filter;
    if (this.items.length === 0 || k <= 0) return [];
    let radiusKm = Math.min(5, maxM / 1000);
    for (;;) {
      const found = this.within(lat, lng, radiusKm * 1000, filter);
      const wholeWorld = radiusKm >= 20_100;
      if (found.length >= k || radiusKm * 1000 >= maxM || wholeWorld) {
        found.sort((a, b) => a.distanceM - b.distanceM);
        return found.slice(0, k);
      }
      radiusKm = Math.min(radiusKm * 4, maxM / 1000, 20_100);
    }
  }

  /** Every point within radiusM, unsorted. */
  within(lat: number, lng: number, radiusM: number, filter?: (item: T) => boolean): Neighbour<T>[] {
    const dLat = radiusM / 1000 / KM_PER_DEGREE;
    const south = Math.max(-90, lat - dLat);
    const north = Math.min(90, lat + dLat);
    // The widest parallel inside the circle decides the longitude span.
    const cos = Math.cos((Math.min(89.9, Math.max(Math.abs(south), Math.abs(north))) * Math.PI) / 180);
    const dLng = radiusM / 1000 / (KM_PER_DEGREE * cos);
    const ids = dLng >= 180 ? this.range(-180, south, 180, north) : this.range(wrap(lng - dLng), south, wrap(lng + dLng), north);
    const out: Neighbour<T>[] = [];
    for (const index of ids) {
      const item = this.items[index]!;
      if (filter && !filter(item)) continue;
      const d = distanceM(lat, lng, item.lat, item.lng);
      if (d <= radiusM) out.push({ item, index, distanceM: d });
    }
    return out;
  }
}

function wrap(lng: number): number {
  if (lng > 180) return lng - 360;
  if (lng < -180) return lng + 360;
  return lng;
}

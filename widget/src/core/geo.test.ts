import { describe, expect, it } from 'vitest';
import {
  boundsAround, boundsContain, boundsIntersect, boundsOf, distanceM, formatBbox, lngLatToTile, padBounds,
  parseBbox, sortByDistance, tileBounds, tileKey, tilesInBounds, wrapLng,
} from './geo.js';

const moscow = { lat: 55.7558, lng: 37.6173 };
const spb = { lat: 59.9343, lng: 30.3351 };
const kyiv = { lat: 50.4501, lng: 30.5234 };

describe('distanceM', () => {
  it('matches known great-circle distances', () => {
    expect(distanceM(moscow, spb) / 1000).toBeCloseTo(634, -1); // ~634 km
    expect(distanceM(moscow, kyiv) / 1000).toBeCloseTo(756, -1); // ~756 km
    expect(distanceM(moscow, moscow)).toBe(0);
    // One degree of latitude is ~111.2 km everywhere.
    expect(distanceM({ lat: 10, lng: 20 }, { lat: 11, lng: 20 })).toBeCloseTo(111_195, -2);
  });
  it('is symmetric and works across the antimeridian', () => {
    expect(distanceM(moscow, kyiv)).toBeCloseTo(distanceM(kyiv, moscow), 6);
    expect(distanceM({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 }) / 1000).toBeCloseTo(111.2, 0);
  });
});

describe('sortByDistance', () => {
  it('returns a new array, nearest first, stable on ties', () => {
    const items = [{ id: 'kyiv', ...kyiv }, { id: 'spb', ...spb }, { id: 'msk', ...moscow }, { id: 'msk2', ...moscow }];
    const out = sortByDistance(items, { lat: 55.7, lng: 37.6 });
    expect(out.map((x) => x.id)).toEqual(['msk', 'msk2', 'spb', 'kyiv']);
    expect(items[0]?.id).toBe('kyiv');
  });
});

describe('bounds', () => {
  it('boundsOf, contain and intersect', () => {
    const b = boundsOf([moscow, spb, kyiv]);
    expect(b).toEqual({ west: 30.3351, south: 50.4501, east: 37.6173, north: 59.9343 });
    expect(boundsOf([])).toBeNull();
    expect(boundsContain(b!, { lat: 55, lng: 35 })).toBe(true);
    expect(boundsContain(b!, { lat: 49, lng: 35 })).toBe(false);
    expect(boundsIntersect(b!, { west: 37, south: 59, east: 40, north: 61 })).toBe(true);
    expect(boundsIntersect(b!, { west: 38, south: 59, east: 40, north: 61 })).toBe(false);
  });
  it('handles boxes that cross the antimeridian', () => {
    const chukotka = { west: 170, south: 60, east: -170, north: 70 };
    expect(boundsContain(chukotka, { lat: 65, lng: 179 })).toBe(true);
    expect(boundsContain(chukotka, { lat: 65, lng: -175 })).toBe(true);
    expect(boundsContain(chukotka, { lat: 65, lng: 0 })).toBe(false);
    expect(boundsIntersect(chukotka, { west: -175, south: 64, east: -160, north: 66 })).toBe(true);
    expect(boundsIntersect(chukotka, { west: 0, south: 64, east: 10, north: 66 })).toBe(false);
  });
  it('boundsAround spans the radius in both directions', () => {
    const b = boundsAround(moscow, 10_000);
    expect(distanceM(moscow, { lat: b.north, lng: moscow.lng })).toBeCloseTo(10_000, -1);
    expect(distanceM(moscow, { lat: moscow.lat, lng: b.east })).toBeCloseTo(10_000, -2);
    const wrapped = boundsAround({ lat: 0, lng: 179.99 }, 10_000);
    expect(wrapped.west).toBeGreaterThan(wrapped.east);
  });
  it('padBounds grows each side by a share of the size', () => {
    expect(padBounds({ west: 10, south: 20, east: 20, north: 30 }, 0.5)).toEqual({ west: 5, south: 15, east: 25, north: 35 });
    expect(padBounds({ west: -170, south: -80, east: 170, north: 80 }, 1)).toEqual({ west: -180, south: -90, east: 180, north: 90 });
  });
  it('formats and parses the bbox parameter', () => {
    const b = { west: 37.1234567, south: 55.1, east: 38, north: 56 };
    expect(formatBbox(b)).toBe('37.123457,55.1,38,56');
    expect(parseBbox('37.1,55.1,38,56')).toEqual({ west: 37.1, south: 55.1, east: 38, north: 56 });
    expect(parseBbox('37,56,38,55')).toBeNull(); // south above north
    expect(parseBbox('37,55,38')).toBeNull();
    expect(parseBbox('a,55,38,56')).toBeNull();
    expect(parseBbox('200,55,38,56')).toBeNull();
  });
  it('wraps longitudes', () => {
    expect(wrapLng(190)).toBe(-170);
    expect(wrapLng(-190)).toBe(170);
    expect(wrapLng(180)).toBe(180);
    expect(wrapLng(37.5)).toBe(37.5);
  });
});

describe('tiles', () => {
  it('lngLatToTile agrees with the OSM slippy map scheme', () => {
    expect(lngLatToTile(0, 0, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(lngLatToTile(0.0001, -0.0001, 1)).toEqual({ z: 1, x: 1, y: 1 });
    // Kremlin at z10 is OSM tile 10/619/320; Kyiv centre is 10/598/345.
    expect(lngLatToTile(moscow.lng, moscow.lat, 10)).toEqual({ z: 10, x: 619, y: 320 });
    expect(lngLatToTile(kyiv.lng, kyiv.lat, 10)).toEqual({ z: 10, x: 598, y: 345 });
    // Poles and the antimeridian clamp into the grid.
    expect(lngLatToTile(180, 89.9, 3)).toEqual({ z: 3, x: 7, y: 0 });
    expect(lngLatToTile(-180, -89.9, 3)).toEqual({ z: 3, x: 0, y: 7 });
  });
  it('tileBounds contains the point it came from', () => {
    const t = lngLatToTile(moscow.lng, moscow.lat, 12);
    expect(boundsContain(tileBounds(t), moscow)).toBe(true);
    expect(tileKey(t)).toBe(`12/${t.x}/${t.y}`);
  });
  it('tilesInBounds covers the box exactly', () => {
    const t = lngLatToTile(moscow.lng, moscow.lat, 10);
    // A tile's own bounds yield only that tile (edges do not leak into neighbours).
    expect(tilesInBounds(tileBounds(t), 10)).toEqual([t]);
    const box = { west: 37.3, south: 55.5, east: 37.9, north: 56 };
    const tiles = tilesInBounds(box, 10);
    const xs = new Set(tiles.map((x) => x.x));
    const ys = new Set(tiles.map((x) => x.y));
    expect(tiles.length).toBe(xs.size * ys.size);
    for (const corner of [{ lat: 55.5, lng: 37.3 }, { lat: 56, lng: 37.9 }]) {
      const c = lngLatToTile(corner.lng, corner.lat, 10);
      expect(tiles).toContainEqual(c);
    }
    expect(tilesInBounds({ west: -180, south: -85, east: 180, north: 85 }, 2)).toHaveLength(16);
  });
  it('tilesInBounds splits at the antimeridian', () => {
    const tiles = tilesInBounds({ west: 170, south: 60, east: -170, north: 61 }, 3);
    expect(tiles.map((t) => t.x).sort()).toEqual([0, 7]);
  });
});

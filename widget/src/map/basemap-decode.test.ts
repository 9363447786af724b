import { describe, expect, it } from 'vitest';
import { basemapGeometry, decodeBasemap } from './basemap-decode.js';
import { decodePolyline, encodePolyline } from './polyline-codec.js';

describe('polyline codec', () => {
  it('round-trips coordinates at the given precision, including negatives and large jumps', () => {
    const pts: [number, number][] = [[55.75, 37.62], [-33.9, 151.2], [0, 0], [82, 180], [35.01, 10.09]];
    expect(decodePolyline(encodePolyline(pts, 2), 2)).toEqual(pts);
    const coarse = decodePolyline(encodePolyline(pts, 1), 1);
    coarse.forEach(([lat, lng], i) => {
      expect(Math.abs(lat - pts[i]![0])).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(lng - pts[i]![1])).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  });

  it('rejects truncated input', () => {
    const text = encodePolyline([[55.75, 37.62]], 2);
    expect(() => decodePolyline(text.slice(0, -1), 2)).toThrow(RangeError);
  });
});

describe('decodeBasemap', () => {
  it('splits polygons by ";" and rings/lines by ","', () => {
    const a = encodePolyline([[40, 20], [41, 20], [41, 21], [40, 20]], 1);
    const hole = encodePolyline([[40.2, 20.2], [40.5, 20.2], [40.2, 20.5], [40.2, 20.2]], 1);
    const line = encodePolyline([[50, 30], [51, 31]], 1);
    const g = decodeBasemap(`${a},${hole};${a}`, line, `${line},${line}`, 1);
    expect(g.land).toHaveLength(2);
    expect(g.land[0]).toHaveLength(2);
    expect(g.land[0]![1]![1]).toEqual([40.5, 20.2]);
    expect(g.coast).toEqual([[[50, 30], [51, 31]]]);
    expect(g.borders).toHaveLength(2);
    expect(decodeBasemap('', '', '', 1)).toEqual({ land: [], coast: [], borders: [] });
  });

  it('decodes the generated basemap: closed land rings inside the service area', () => {
    const g = basemapGeometry();
    expect(g.land.length).toBeGreaterThan(5);
    expect(g.borders.length).toBeGreaterThan(10);
    for (const poly of g.land) {
      for (const ring of poly) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
      }
    }
    for (const [lat, lng] of [...g.land.flat(2), ...g.coast.flat(), ...g.borders.flat()]) {
      expect(lat).toBeGreaterThanOrEqual(34.9);
      expect(lat).toBeLessThanOrEqual(82.1);
      expect(lng).toBeGreaterThanOrEqual(9.9);
      expect(lng).toBeLessThanOrEqual(180.1);
    }
  });
});

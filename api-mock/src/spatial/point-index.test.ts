import { describe, expect, it } from 'vitest';
import { createRng } from '../dataset/prng.js';
import { distanceM } from './geo.js';
import { PointIndex } from './point-index.js';

function randomPoints(n: number, seed: number): Array<{ lat: number; lng: number; id: number }> {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, id) => ({ lat: rng.next() * 140 - 70, lng: rng.next() * 360 - 180, id }));
}

describe('PointIndex', () => {
  const points = randomPoints(3000, 42);
  const index = new PointIndex(points);

  it('finds the same k nearest as a brute-force scan', () => {
    for (const [lat, lng] of [[55.75, 37.62], [0, 179.9], [-60, -170], [69, 20]] as const) {
      const brute = [...points].sort((a, b) => distanceM(lat, lng, a.lat, a.lng) - distanceM(lat, lng, b.lat, b.lng)).slice(0, 7);
      expect(index.nearest(lat, lng, 7).map((n) => n.item.id)).toEqual(brute.map((p) => p.id));
    }
  });

  it('respects the radius and the filter', () => {
    const within = index.nearest(10, 10, 50, { maxDistanceM: 800_000, filter: (p) => p.id % 2 === 0 });
    const brute = points.filter((p) => p.id % 2 === 0 && distanceM(10, 10, p.lat, p.lng) <= 800_000);
    expect(within.map((n) => n.item.id).sort()).toEqual(brute.map((p) => p.id).slice(0, 50).sort());
  });

  it('queries a bbox across the antimeridian', () => {
    const ids = index.range(170, -10, -170, 10).sort((a, b) => a - b);
    const brute = points.filter((p) => (p.lng >= 170 || p.lng <= -170) && p.lat >= -10 && p.lat <= 10).map((p) => p.id);
    expect(ids).toEqual(brute);
  });

  it('works when empty', () => {
    const empty = new PointIndex<{ lat: number; lng: number }>([]);
    expect(empty.range(-180, -90, 180, 90)).toEqual([]);
    expect(empty.nearest(0, 0, 3)).toEqual([]);
  });
});

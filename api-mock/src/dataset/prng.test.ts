import { describe, expect, it } from 'vitest';
import { apportion, createRng } from './prng.js';

describe('createRng', () => {
  it('repeats a sequence for the same seed and label, and differs otherwise', () => {
    const draw = (seed: number, label: string) => {
      const r = createRng(seed, label);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    for (const x of draw(3, 'c')) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('draws integers within bounds, covering both ends', () => {
    const r = createRng(42);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('apportion', () => {
  it('splits a total exactly and proportionally', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    const parts = apportion(1000, [5, 3, 2, 0]);
    expect(parts).toEqual([500, 300, 200, 0]);
  });

  it('honours the minimum per part when the total allows', () => {
    const parts = apportion(10, [100, 0, 0, 0], 1);
    expect(parts).toEqual([7, 1, 1, 1]);
    expect(apportion(2, [1, 1, 1, 1], 1).reduce((a, b) => a + b, 0)).toBe(2);
  });
});

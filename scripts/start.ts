// `npm start` (and `npm run dev` = --dev): one HTTP server with the carrier sandbox API, the order API and the demo site.
//   DATASET=small|full|stress (default full) or real sources, DATASET=file:np.json,file:points.ndjson,np-api:KEY
//   (api-mock/src/sources; reloaded on SIGHUP and every DATASET_REFRESH_S seconds), PORT (default 5173), HOST (default 127.0.0.1)
//   DATA_DIR (default .data: orders.sqlite and the sandbox carriers' journals), DATABASE_URL=postgres://… (PostgreSQL)
//   CARRIER_BASE_URL (where the connectors send orders; default this server's sandbox), CARRIER_SPEED (default 60:
//   the sandbox carriers' clock runs an hour per minute), TRACK_INTERVAL_MS (default 5000)
// The site is Vite in middleware mode with --dev, otherwise the static build in dist/site
// (rebuilt first when it is missing or older than its sources).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { bootDataset, parseDatasetSetting, refreshSeconds, watchSources } from '../api-mock/src/sources/boot.js';
import { formatReport } from '../api-mock/src/sources/report-format.js';
import type { SourceSpec } from '../api-mock/src/sources/source-spec.js';
import { createSandboxServer, type Fallback } from '../api-mock/src/server.js';
import { createSandboxContext } from '../api-mock/src/context.js';
import { fileJournal } from '../api-mock/src/carriers-sim/file-journal.js';
import { createOms, DEMO_OWNER_KEY } from '../api-mock/src/oms/index.js';
import { defaultConnectors, type Connector } from '../api-mock/src/oms/connectors/index.js';
import { serveStatic } from '../api-mock/src/static-files.js';

const ROOT = resolve(import.meta.dirname, '..');
const SITE_DIR = join(ROOT, 'dist/site');
const WIDGET_DIR = join(ROOT, 'dist/widget');
const WIDGET_STAMP = join(WIDGET_DIR, '.build-stamp');
/** What the script-tag and npm builds read. */
const WIDGET_SOURCES = ['widget/src', 'scripts/build-widget.ts', 'scripts/lit-template-minify.ts', 'scripts/widget-manifest.ts', 'package.json'];
/** The built widget files (script tag, integrity.json, ESM) are served here, for snippets and the CSP embed test. */
const WIDGET_DIST_PREFIX = '/widget/dist/';
const BUILD_STAMP = join(SITE_DIR, '.build-stamp');
const VITE_CONFIG = join(ROOT, 'vite.config.ts');
/** What the site build reads: a change here makes dist/site stale. */
const SITE_SOURCES = ['index.html', 'widget', 'constructor', 'api-mock/src', 'api-mock/public', 'api-mock/demo', 'vite.config.ts', 'package.json'];
/** A million points with their indexes need more than Node's default heap (GC thrash, then OOM). */
const STRESS_HEAP_MB = 8192;
/** Source files this big hold hundreds of thousands of points: they get the stress heap too. */
const BIG_SOURCES_BYTES = 256 * 2 ** 20;

const fmt = new Intl.NumberFormat('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function sourceBytes(sources: readonly SourceSpec[]): number {
  return sources.reduce((sum, s) => {
    if (s.kind !== 'file') return sum;
    try {
      return sum + statSync(s.path).size;
    } catch {
      return sum; // the loader reports a missing file in its own words
    }
  }, 0);
}

function newestMtime(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale(stamp: string, sources: readonly string[]): boolean {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((s) => newestMtime(join(ROOT, s)) > built);
}

/** The script-tag file the constructor's snippets point at: rebuilt when its sources changed. */
async function buildWidget(): Promise<void> {
  if (!isStale(WIDGET_STAMP, WIDGET_SOURCES)) return;
  const started = performance.now();
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [...process.execArgv, join(ROOT, 'scripts/build-widget.ts')], { stdio: 'inherit', cwd: ROOT });
    child.on('exit', (c) => done(c ?? 1));
  });
  if (code !== 0) {
    console.warn('Widget build failed: /widget/dist/ will not be served');
    return;
  }
  writeFileSync(WIDGET_STAMP, new Date().toISOString());
  console.log(`Widget built into dist/widget in ${secs(performance.now() - started)}`);
}

/** Serves dist/widget under /widget/dist/ (CORS: shops load it cross-origin with SRI), else the site. */
function withWidgetDist(site: Fallback): Fallback {
  const files = serveStatic(WIDGET_DIR);
  return (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(WIDGET_DIST_PREFIX)) return site(req, res);
    req.url = `/${url.slice(WIDGET_DIST_PREFIX.length)}`;
    res.setHeader('Access-Control-Allow-Origin', '*');
    return files(req, res);
  };
}

async function buildSite(): Promise<void> {
  if (!isStale(BUILD_STAMP, SITE_SOURCES)) return;
  const started = performance.now();
  const { build } = await import('vite');
  try {
    await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
    writeFileSync(BUILD_STAMP, new Date().toISOString());
    console.log(`Site built into dist/site in ${secs(performance.now() - started)}`);
  } catch (error) {
    // Pages are written by others and may not exist yet: the API must still come up.
    console.warn(`Site build failed, serving the sandbox API only: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const setting = parseDatasetSetting(process.env.DATASET, 'full');
  const refreshS = refreshSeconds();
  const big = setting.kind === 'generated' ? setting.size === 'stress' : sourceBytes(setting.sources) > BIG_SOURCES_BYTES;
  const port = Number(process.env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0-65535 (got "${process.env.PORT}")`);
  const host = process.env.HOST ?? '127.0.0.1';

  if (big && getHeapStatistics().heap_size_limit < (STRESS_HEAP_MB / 2) * 2 ** 20 && !process.env.BP_START_CHILD) {
    // Re-run this script with a bigger heap; tsx's loader flags are in execArgv and carry over.
    const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${STRESS_HEAP_MB}`, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BP_START_CHILD: '1' },
    });
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  let started = performance.now();
  const boot = await bootDataset(process.env.DATASET, 'full');
  const { dataset } = boot;
  const generatedMs = performance.now() - started;
  const name = boot.kind === 'generated' ? boot.size : boot.sources.map((s) => s.label).join(',');
  if (boot.kind === 'sources') for (const line of formatReport(boot.report, { reasons: 5 })) console.log(`  ${line}`);
  const perCarrier = new Map<string, number>();
  for (const b of dataset.branches) perCarrier.set(b.carrier, (perCarrier.get(b.carrier) ?? 0) + 1);
  const carriers = [...perCarrier].map(([c, n]) => `${c} ${fmt.format(n)}`).join(', ');

  started = performance.now();
  const dataDir = process.env.DATA_DIR ?? join(ROOT, '.data');
  const speed = Number(process.env.CARRIER_SPEED ?? 60);
  if (!(speed > 0)) throw new Error(`CARRIER_SPEED must be a positive number (got "${process.env.CARRIER_SPEED}")`);
  const context = createSandboxContext({ dataset, warm: true, carrierSpeed: speed, journal: fileJournal(join(dataDir, 'carriers')) });
  let selfUrl = '';
  const carrierBase = () => process.env.CARRIER_BASE_URL?.replace(/\/$/, '') ?? selfUrl;
  const connectors = new Map<string, Connector>();
  const trackInterval = Number(process.env.TRACK_INTERVAL_MS ?? 5_000);
  const oms = await createOms({
    ctx: context, dataDir, databaseUrl: process.env.DATABASE_URL, connectors, tariffBase: () => selfUrl,
    // A tracking read asks the carrier again after 1 s: in the demo the sandbox clock may have been pushed ahead.
    tracker: { intervalMs: trackInterval, staleMs: 1_000 },
    ...(process.env.DEMO_OWNER_KEY ? { demoOwnerKey: process.env.DEMO_OWNER_KEY } : {}),
    log: (m) => console.warn(`[oms] ${m}`),
  });
  const sandbox = createSandboxServer({ context, port, host, serverRoutes: oms.handlers });
  const indexMs = performance.now() - started;
  const clusterMs = [...sandbox.context.clusters.buildMs.values()].reduce((a, b) => a + b, 0);
  console.log(
    `Dataset ${name}: ${fmt.format(dataset.branches.length)} points (${carriers}), ${fmt.format(dataset.settlements.length)} settlements; `
    + `${boot.kind === 'generated' ? 'generated' : 'loaded'} in ${secs(generatedMs)}, indexed in ${secs(indexMs)} (clusters ${secs(clusterMs)})`,
  );

  await buildWidget();
  let closeSite = async (): Promise<void> => {};
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: VITE_CONFIG,
      server: { middlewareMode: true, hmr: { server: sandbox.server } },
      appType: 'mpa',
    });
    const site: Fallback = (req, res) => vite.middlewares(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    });
    sandbox.fallback = withWidgetDist(site);
    closeSite = () => vite.close();
  } else {
    await buildSite();
    sandbox.fallback = withWidgetDist(serveStatic(SITE_DIR));
  }

  const url = await sandbox.listen();
  selfUrl = url;
  for (const [id, c] of defaultConnectors({ baseUrl: carrierBase(), timeoutMs: 5_000 })) connectors.set(id, c);
  oms.start();
  console.log(`Orders: ${oms.engine} (${oms.location}); carriers at ${carrierBase()}, sandbox carrier clock x${speed}; demo widget "demo", owner key "${process.env.DEMO_OWNER_KEY ?? DEMO_OWNER_KEY}"`);
  console.log(`Branch picker demo: ${url}/`);
  // Normalising every address for search takes seconds: do it now, in slices, while tiles are served.
  const searchStarted = performance.now();
  void sandbox.context.search.prepare()
    .then(() => {
      // The first query pays for JIT and lazily built tables (~0.5 s at 90k points): not the first buyer.
      sandbox.context.search.search('Vjcrdf', { limit: 10, near: { lat: 55.75, lng: 37.62 } });
      console.log(`Search index ready in ${secs(performance.now() - searchStarted)}`);
      // Past ~200k points every extra index costs seconds and hundreds of MB: build those on demand only.
      if (dataset.branches.length > 200_000) return;
      const warmStarted = performance.now();
      return sandbox.context.clusters.warmCommonFilters()
        .then((n) => console.log(`${n} cluster indexes (filter combinations) ready in ${secs(performance.now() - warmStarted)}`));
    });

  if (boot.kind === 'sources') {
    watchSources(sandbox.context, boot, { intervalS: refreshS, log: (l) => console.log(`[sources] ${l}`) });
    console.log(`Sources reload on SIGHUP (kill -HUP ${process.pid})${refreshS ? ` and every ${refreshS} s` : ''}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    // The server stops taking requests first, then the dispatcher finishes its round and the database closes.
    Promise.all([sandbox.close(), closeSite()]).then(() => oms.close()).then(() => process.exit(0), () => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

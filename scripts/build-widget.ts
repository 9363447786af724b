// Widget library builds:
//   dist/widget/esm/            ESM for npm (bare `lit` and `leaflet` imports; orders.js + orders-file-store.js: the order client)
//   dist/widget/types/          .d.ts (tsc --emitDeclarationOnly)
//   dist/widget/branch-picker.js  ONE script-tag file (IIFE, everything bundled, Leaflet CSS inside)
//   dist/widget/branch-picker.quotes.js  the tariff layer, injected by branch-picker.js only when a parcel is set
//                                        (IIFE; borrows the main file's zod and schemas, SRI hash baked into the main file)
//   dist/widget/branch-picker.basemap.js  the built-in fallback basemap (packed coastlines), injected only when
//                                        tiles fail or tile-url="none" (IIFE, no Leaflet/Lit/zod inside, SRI in the main file)
//   dist/widget/branch-picker.worker.js  the cluster worker of feed="nova-poshta" (IIFE, supercluster inside; built
//                                        first: both builds below bake in its SRI hash for the CDN path)
//   dist/widget/branch-picker.order.js  the buyer's order step (<bp-order-step>), injected only when the order step is
//                                       on (IIFE; borrows the main file's Lit, zod, schemas and formatters)
//   dist/widget-test/order-step-harness.js  TEST ONLY, not published: calls the order step's script-tag loader until
//                                       the main file does (e2e/order-step.spec.ts)
//   dist/widget/bp-tracking.js  <bp-tracking> for tracking pages: standalone (IIFE, Lit and zod inside), its own script tag
//   dist/widget/custom-elements.json, dist/widget/integrity.json (sha384 SRI)
// The file names are declared once, in widget/src/ondemand-files.ts (the runtime loaders import them too).
// Build-specific modules are swapped by the path an import resolves to (module-swaps.ts), never by how
// the import is spelled; a declared swap that matches nothing fails the build.
//
//   npx tsx scripts/build-widget.ts
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { VERSION } from '../widget/src/version.js';
import { minifyLitTemplates } from './lit-template-minify.js';
import { buildManifest } from './widget-manifest.js';
import { moduleSwaps, type ModuleSwap } from './module-swaps.js';
import { leafletSwaps } from './leaflet-swaps.js';
import { BASEMAP_FILE, MAIN_FILE, ORDER_FILE, QUOTES_FILE, TRACKING_FILE, WORKER_FILE } from '../widget/src/ondemand-files.js';

// Always a production build: an inherited NODE_ENV (vitest sets "test", e.g. when scripts/start.test.ts
// starts the server, which rebuilds the widget) makes Vite pick Lit's development build (+4 KB gzip).
process.env.NODE_ENV = 'production';

const root = resolve(import.meta.dirname, '..');
const src = resolve(root, 'widget/src');
const out = resolve(root, process.env.WIDGET_OUT ?? 'dist/widget');

/** Library builds start the cluster worker from the built file, not through the app bundler's worker import. */
const workerFactory: ModuleSwap = {
  replace: join(src, 'points/cluster-worker-factory.ts'), with: join(src, 'points/cluster-worker-factory.dist.ts'), why: 'worker from the built file',
};
/** The IIFE cannot load a chunk lazily: no main-thread clustering fallback there (see cluster-fallback.none.ts). */
const noFallback: ModuleSwap = { replace: join(src, 'points/cluster-fallback.ts'), with: join(src, 'points/cluster-fallback.none.ts'), why: 'no lazy chunk in an IIFE' };

/** The script-tag file loads the tariff layer as a separate file (see quotes/layer-loader.dist.ts). */
const quotesLoader: ModuleSwap = { replace: join(src, 'quotes/layer-loader.ts'), with: join(src, 'quotes/layer-loader.dist.ts'), why: `tariffs from ${QUOTES_FILE}` };
/** ...and the built-in basemap as another (see map/basemap-loader.dist.ts). */
const basemapLoader: ModuleSwap = { replace: join(src, 'map/basemap-loader.ts'), with: join(src, 'map/basemap-loader.dist.ts'), why: `basemap from ${BASEMAP_FILE}` };
/** Inside that file, zod and the model schemas come from the main file instead of a second copy. */
const sharedZod: ModuleSwap = { replace: join(src, 'model/zod.ts'), with: join(src, 'quotes/shared-zod.dist.ts'), why: 'zod borrowed from the main file' };
const sharedModel: ModuleSwap = { replace: join(src, 'model/index.ts'), with: join(src, 'quotes/shared-model.dist.ts'), why: 'schemas borrowed from the main file' };
/** The order step: its loader injects ORDER_FILE (order-step/loader.dist.ts) with __BP_ORDER_SRI__. */
const orderLoader: ModuleSwap = { replace: join(src, 'order-step/loader.ts'), with: join(src, 'order-step/loader.dist.ts'), why: `order step from ${ORDER_FILE}` };
/** Inside ORDER_FILE, Lit, zod, the schemas model/order.ts builds on and the formatters come from the main file. */
const orderShared: ModuleSwap[] = [
  { replace: 'lit', with: join(src, 'order-step/shared-lit.dist.ts'), why: 'Lit borrowed from the main file' },
  { replace: join(src, 'model/zod.ts'), with: join(src, 'order-step/shared-zod.dist.ts'), why: 'zod borrowed from the main file' },
  ...['branch', 'common', 'config', 'parcel', 'quote'].map((m): ModuleSwap => ({
    replace: join(src, `model/${m}.ts`), with: join(src, 'order-step/shared-model.dist.ts'), why: 'schemas borrowed from the main file',
  })),
  { replace: join(src, 'i18n/index.ts'), with: join(src, 'order-step/shared-i18n.dist.ts'), why: 'formatters borrowed from the main file' },
];
/** Leaflet: the slim subset and the marker stubs (scripts/leaflet-swaps.ts; the Leaflet internals they rely on are
 * checked by widget/src/map/leaflet-internals.test.ts). */
const leaflet = leafletSwaps(src);

/** Strings that must never reach the bundle: mock/sandbox code and dev-only paths. */
const FORBIDDEN = ['api-mock', 'setupWorker', 'mockServiceWorker', 'msw/', 'http.get(', 'HttpResponse', 'bpdev'];

/** Leaflet CSS rules for features the widget never uses (popups, tooltips, layer switcher, scale,
 * old-IE VML, print, the default PNG marker and div icon (every icon has its own class), the attribution
 * flag (no prefix), box zoom, marker dragging, the SVG renderer: see
 * map/leaflet-slim.js): dropped so they and their inlined images do not ship. */
const UNUSED_LEAFLET_CSS = /leaflet-(popup|tooltip|control-layers|control-scale|oldie|vml|default-icon-path|marker-shadow|image-layer|retina|zoom-box|crosshair|marker-draggable|attribution-flag|div-icon)|\.lvml|\bsvg\b/;

const trimLeafletCss = {
  postcssPlugin: 'trim-leaflet-css',
  Rule(rule: { selector: string; remove(): void; parent?: { type: string; params?: string } }) {
    const selectors = rule.selector.split(',').filter((s) => !UNUSED_LEAFLET_CSS.test(s));
    if (!selectors.length) rule.remove();
    else rule.selector = selectors.join(',');
  },
  AtRule: { media(at: { params: string; remove(): void }) { if (at.params.includes('print')) at.remove(); } },
};

/** Minified builds: whitespace out of Lit css``/html`` templates in the widget sources (the bundler
 * keeps template text as written). Not in the ESM build, whose sourcemaps should match the sources. */
const litTemplates = {
  name: 'bp-lit-template-minify',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.startsWith(`${src}/`) || !id.endsWith('.ts') || !/\b(css|html)`/.test(code)) return null;
    return { code: minifyLitTemplates(code, id), map: null };
  },
};

const base = (): InlineConfig => ({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  root,
  mode: 'production',
  define: { 'process.env.NODE_ENV': '"production"' },
  css: { postcss: { plugins: [trimLeafletCss] } },
});

/** Both library builds pin the worker file they start from a CDN (cluster-worker-factory.dist.ts): build it first. */
async function buildEsm(workerSri: string): Promise<void> {
  const b = base();
  await build({
    ...b,
    define: { ...b.define, __BP_WORKER_SRI__: JSON.stringify(workerSri) },
    plugins: [moduleSwaps('esm', [workerFactory], root)],
    build: {
      outDir: join(out, 'esm'),
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      target: 'es2022',
      lib: {
        entry: {
          index: join(src, 'index.ts'), define: join(src, 'define.ts'),
          // The order client (branch-picker/orders) and its Node-only file store (branch-picker/orders/file-store).
          orders: join(src, 'orders/index.ts'), 'orders-file-store': join(src, 'orders/file-store.ts'),
          // <bp-tracking> (branch-picker/tracking): registers the tag (guarded) and exports the class and helpers.
          tracking: join(src, 'tracking/define.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^lit-html/, /^lit-element/, /^leaflet$/, /^node:/],
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

/** One classic (IIFE) file in dist/widget: minified, no sourcemap, everything it imports bundled in. */
async function buildClassicFile(file: string, entry: string, name: string, extra: InlineConfig = {}, outDir = out): Promise<void> {
  const b = base();
  await build({
    ...b,
    ...extra,
    define: { ...b.define, ...extra.define },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2020',
      lib: { entry: join(src, entry), formats: ['iife'], name, fileName: () => file },
    },
  });
}

function buildIife(quotesSri: string, basemapSri: string, orderSri: string, workerSri: string): Promise<void> {
  return buildClassicFile(MAIN_FILE, 'define.ts', 'BranchPickerBundle', {
    // A classic script has no import.meta: the script tag's own URL (document.currentScript) is used.
    define: {
      'import.meta.url': '""', __BP_QUOTES_SRI__: JSON.stringify(quotesSri), __BP_BASEMAP_SRI__: JSON.stringify(basemapSri),
      __BP_ORDER_SRI__: JSON.stringify(orderSri), __BP_WORKER_SRI__: JSON.stringify(workerSri),
    },
    plugins: [litTemplates, moduleSwaps(MAIN_FILE, [...leaflet, workerFactory, noFallback, quotesLoader, basemapLoader, orderLoader], root)],
  });
}

const buildQuotes = () => buildClassicFile(QUOTES_FILE, 'quotes/entry.dist.ts', 'BranchPickerQuotes', {
  plugins: [litTemplates, moduleSwaps(QUOTES_FILE, [sharedZod, sharedModel], root)],
});
const buildOrder = () => buildClassicFile(ORDER_FILE, 'order-step/entry.dist.ts', 'BranchPickerOrder', {
  plugins: [litTemplates, moduleSwaps(ORDER_FILE, orderShared, root)],
});
/** TEST ONLY: a page that mounts the order step without a picker calls the script-tag loader through this (see harness.dist.ts). */
const testOut = `${out}-test`;
const buildOrderHarness = (orderSri: string) => buildClassicFile('order-step-harness.js', 'order-step/harness.dist.ts', 'BranchPickerOrderHarness', {
  define: { 'import.meta.url': '""', __BP_ORDER_SRI__: JSON.stringify(orderSri) },
  plugins: [litTemplates, moduleSwaps('order-step-harness.js', [orderLoader], root)],
}, testOut);
const buildBasemap = () => buildClassicFile(BASEMAP_FILE, 'map/basemap-entry.dist.ts', 'BranchPickerBasemap');
/** Standalone: a tracking page has no picker to borrow Lit or zod from. */
const buildTracking = () => buildClassicFile(TRACKING_FILE, 'tracking/define.ts', 'BranchPickerTracking', { plugins: [litTemplates] });
const buildWorker = () => buildClassicFile(WORKER_FILE, 'points/cluster-worker.ts', 'BranchPickerClusterWorker');

function buildTypes(): void {
  const cfg = join(out, 'tsconfig.types.json');
  writeFileSync(cfg, JSON.stringify({
    extends: relative(out, join(root, 'tsconfig.json')),
    compilerOptions: {
      noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: 'types', rootDir: relative(out, src),
      types: ['vite/client'],
    },
    include: ['index.ts', 'define.ts', 'orders/index.ts', 'orders/file-store.ts', 'tracking/define.ts'].map((f) => relative(out, join(src, f))),
    exclude: ['**/*.test.ts'],
  }, null, 2));
  try {
    execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', cfg], { stdio: 'inherit' });
  } finally {
    rmSync(cfg);
  }
}

function sri(file: string): string {
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.js'))
    .map((d) => join(d.parentPath, d.name));
}

/** The tariff file must borrow zod from the main file: a bundled copy would ship zod twice. */
function checkNoZod(file: string): void {
  const text = readFileSync(file, 'utf8');
  // Names of zod's core that survive minification (its error classes and the jitless switch).
  const hit = ['$ZodError', 'jitless'].find((s) => text.includes(s));
  if (hit) throw new Error(`${relative(root, file)} contains "${hit}": zod was bundled again instead of shared`);
}

/** The order file must borrow Lit from the main file: a second Lit would ship twice and run beside the first. */
function checkNoLit(file: string): void {
  const text = readFileSync(file, 'utf8');
  // Version registries every Lit build writes to globalThis.
  const hit = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'].find((s) => text.includes(s));
  if (hit) throw new Error(`${relative(root, file)} contains "${hit}": Lit was bundled again instead of shared`);
}

/** The packed basemap must stay in its on-demand file: every embed would pay for it otherwise. */
function checkNoBasemapData(file: string): void {
  const data = readFileSync(join(src, 'map/basemap-data.ts'), 'utf8');
  const sample = /BASEMAP_LAND = "([^"]{40})/.exec(data)?.[1];
  if (!sample) throw new Error('map/basemap-data.ts: BASEMAP_LAND not found');
  if (readFileSync(file, 'utf8').includes(sample)) throw new Error(`${relative(root, file)} contains the basemap data: it must load on demand`);
}

function checkNoMocks(files: string[]): void {
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const hit = FORBIDDEN.find((s) => text.includes(s));
    if (hit) throw new Error(`${relative(root, f)} contains "${hit}": mock or dev code must not ship in the widget`);
  }
}

const t0 = performance.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const worker = join(out, WORKER_FILE);
await buildWorker();
await buildEsm(sri(worker));
const quotes = join(out, QUOTES_FILE);
await buildQuotes();
checkNoZod(quotes);
const basemap = join(out, BASEMAP_FILE);
await buildBasemap();
const order = join(out, ORDER_FILE);
await buildOrder();
checkNoZod(order);
checkNoLit(order);
rmSync(testOut, { recursive: true, force: true });
await buildOrderHarness(sri(order));
await buildIife(sri(quotes), sri(basemap), sri(order), sri(worker));
checkNoBasemapData(join(out, MAIN_FILE));
const tracking = join(out, TRACKING_FILE);
await buildTracking();
buildTypes();
const script = join(out, MAIN_FILE);
const esmFiles = listFiles(join(out, 'esm'));
checkNoMocks([script, quotes, basemap, worker, order, tracking, ...esmFiles]);
writeFileSync(join(out, 'custom-elements.json'), `${JSON.stringify(buildManifest(VERSION), null, 2)}\n`);
const integrity: Record<string, string> = { [MAIN_FILE]: sri(script), [QUOTES_FILE]: sri(quotes), [BASEMAP_FILE]: sri(basemap), [WORKER_FILE]: sri(worker), [ORDER_FILE]: sri(order), [TRACKING_FILE]: sri(tracking) };
for (const f of esmFiles) integrity[relative(out, f)] = sri(f);
writeFileSync(join(out, 'integrity.json'), `${JSON.stringify({ version: VERSION, files: integrity }, null, 2)}\n`);
const raw = readFileSync(script);
console.log(
  `widget ${VERSION} built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${MAIN_FILE} ${(raw.length / 1024).toFixed(1)} KB, ` +
    `${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KB gzip; ${QUOTES_FILE} ${(gzipSync(readFileSync(quotes), { level: 9 }).length / 1024).toFixed(1)} KB gzip; ${BASEMAP_FILE} ${(gzipSync(readFileSync(basemap), { level: 9 }).length / 1024).toFixed(1)} KB gzip; ${WORKER_FILE} ${(gzipSync(readFileSync(worker), { level: 9 }).length / 1024).toFixed(1)} KB gzip; ` +
    `${ORDER_FILE} ${(gzipSync(readFileSync(order), { level: 9 }).length / 1024).toFixed(1)} KB gzip; ` +
    `${TRACKING_FILE} ${(gzipSync(readFileSync(tracking), { level: 9 }).length / 1024).toFixed(1)} KB gzip; ` +
    `${esmFiles.length} ESM files; ${integrity[MAIN_FILE]}`,
);

// 4. Browser: script load -> interactive map with clusters, JS heap, long tasks, DOM markers.
// Baseline: Leaflet.markercluster fed the whole list (50k points, then 1M), built with Vite.
// Ours: the script-tag build against the sandbox (full = 90k points, stress = 1M), tile-url="none".
import { cpSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { startBenchServer, REPO_ROOT, type BenchServer } from '../lib/bench-server.js';
import { launchChromium, measureLoad, type LoadResult, type NotFinished } from '../lib/browser.js';
import { dataset } from '../lib/datasets.js';
import type { Section } from '../lib/section.js';
import { median } from '../lib/stats.js';
import type { RowInput, Report } from '../lib/report.js';
import { WIDGET_SCRIPT, WIDGET_SCRIPT_REL } from './bundle.js';

const LOAD_BUDGET_MS = 1500;
const SPEEDUP_BUDGET = 5;
const HEAP_BUDGET_B = 50 * 1_048_576;
const TASK_BUDGET_MS = 200;
const MARKER_BUDGET = 300;
const MC_OUT = join(tmpdir(), 'branch-picker-bench-markercluster');
/** A copy of dist/widget taken when the section starts: a rebuild running meanwhile cannot pull the file away. */
const WIDGET_SNAPSHOT = join(tmpdir(), 'branch-picker-bench-widget');
const MISSING = `${WIDGET_SCRIPT_REL} missing (run npm run build)`;

async function buildBaselinePage(): Promise<void> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    root: join(REPO_ROOT, 'bench/pages'),
    base: '/mc/',
    mode: 'production',
    build: {
      outDir: MC_OUT,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(REPO_ROOT, 'bench/pages/markercluster.html') },
    },
  });
}

/** The baseline's points file is a static file in real life: build it (and gzip it) before timing. */
async function prepareListFile(server: BenchServer, n: number): Promise<void> {
  const res = await fetch(`${server.base}/bench/points.json?n=${n}`);
  if (!res.ok) throw new Error(`points file for n=${n} answered ${res.status}`);
  await res.arrayBuffer();
}

type Outcome = LoadResult | NotFinished;

/** `runs` cold loads; the run with the median load time stands for all (its heap, tasks...). */
async function loads(browser: Browser, runs: number, make: (i: number) => Parameters<typeof measureLoad>[1]): Promise<Loads> {
  const all: Outcome[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await measureLoad(browser, make(i));
    all.push(r);
    if (!r.finished) break;
  }
  const done = all.filter((r): r is LoadResult => r.finished);
  const failure = all.find((r): r is NotFinished => !r.finished)?.reason;
  if (done.length === 0) return { median: null, all, failure };
  const m = median(done.map((r) => r.loadMs));
  const pick = done.find((r) => r.loadMs === m)!;
  // Pans run once (on the last load): copy their figures onto the median run.
  const panned = done.find((r) => r.panLongestTaskMs !== null);
  return { median: panned ? { ...pick, maxMarkers: panned.maxMarkers, panLongestTaskMs: panned.panLongestTaskMs } : pick, all, failure };
}

interface Loads {
  /** The run with the median load time; null when none finished. */
  median: LoadResult | null;
  all: Outcome[];
  /** Why a run did not finish (timeout or page failure), if one did not. */
  failure: string | undefined;
}

function errorsNote(rs: Outcome[]): string | undefined {
  const errs = [...new Set(rs.flatMap((r) => r.errors))];
  return errs.length ? `page/widget errors: ${errs.slice(0, 3).join(' | ').slice(0, 300)}` : undefined;
}

export const browserSection: Section = {
  id: 'browser',
  title: '4. Browser: script load -> interactive map with clusters (headless Chromium, software rendering)',
  async run(report, { quick }) {
    const haveWidget = existsSync(WIDGET_SCRIPT);
    if (!haveWidget) report.note(`ours: SKIPPED: ${MISSING}; the baseline still runs`);
    const runs = quick ? 1 : 3;
    const stressRuns = quick ? 1 : 2;
    const mc1mTimeoutMs = quick ? 30_000 : 60_000;
    const began = performance.now();
    const step = (what: string) => report.note(`[${((performance.now() - began) / 1000).toFixed(0)} s] ${what}`);
    await buildBaselinePage();
    const statics: Record<string, string> = { '/mc/': MC_OUT, '/leaflet-images/': join(REPO_ROOT, 'node_modules/leaflet/dist/images') };
    if (haveWidget) {
      rmSync(WIDGET_SNAPSHOT, { recursive: true, force: true });
      cpSync(join(REPO_ROOT, 'dist/widget'), WIDGET_SNAPSHOT, { recursive: true });
      statics['/dist/widget/'] = WIDGET_SNAPSHOT;
    }
    const chromium = await launchChromium();
    const browser = chromium.browser;
    let server: BenchServer | undefined;
    const widgetPage = (i: number, n: number) => ({
      url: `${server!.base}/bench/pages/widget.html`, script: `/${WIDGET_SCRIPT_REL}`, kind: 'ours' as const, timeoutMs: 30_000,
      // Pan and zoom on the last load only (n = 0: never).
      ...(n > 0 && i === n - 1 ? { panSelector: 'branch-picker .leaflet-container' } : {}),
    });
    try {
      step(`Chromium ${browser.version()}; ${runs} cold load(s) per figure (median); pans and wheel zooms on the last load`);
      // --- small (4.7k) server: ours only, to show load time does not grow with the dataset.
      server = await startBenchServer({ dataset: dataset('small'), statics });
      const oursSmall = haveWidget ? await loads(browser, runs, () => widgetPage(0, 0)) : undefined;
      if (haveWidget) step('ours (small) done');
      await server.close();
      server = undefined;

      // --- full (90k) server: the baseline with 50k of its points, ours with all 90k.
      server = await startBenchServer({ dataset: dataset('full'), statics });
      await prepareListFile(server, 50_000);
      const mc50 = await loads(browser, runs, (i) => ({
        url: `${server!.base}/mc/markercluster.html?n=50000`, script: '/mc/assets/', kind: 'baseline', timeoutMs: 120_000,
        ...(i === runs - 1 ? { panSelector: '#map' } : {}),
      }));
      step('markercluster 50k done');
      const oursFull = haveWidget ? await loads(browser, runs, (i) => widgetPage(i, runs)) : undefined;
      if (haveWidget) step('ours (full) done');
      await server.close();
      server = undefined;

      // --- stress (1M) server: ours, then the baseline with all 1M points (expected not to finish).
      const stress = dataset('stress');
      server = await startBenchServer({ dataset: stress, statics });
      step(`stress sandbox up; its warm-up (indexes incl. supercluster over 1M points, once per server start) took ${(server.warmMs / 1000).toFixed(1)} s`);
      const oursStress = haveWidget ? await loads(browser, stressRuns, (i) => widgetPage(i, stressRuns)) : undefined;
      if (haveWidget) step('ours (stress) done');
      await prepareListFile(server, stress.branches.length);
      const mc1m = await loads(browser, 1, () => ({
        url: `${server!.base}/mc/markercluster.html?n=${stress.branches.length}`, script: '/mc/assets/', kind: 'baseline', timeoutMs: mc1mTimeoutMs,
      }));
      step('markercluster 1M done');

      reportFigures(report, {
        haveWidget, mc50: mc50.median, mc1m: mc1m.median, mc1mTimeoutMs,
        failures: { mc50: mc50.failure, mc1m: mc1m.failure, oursSmall: oursSmall?.failure, oursFull: oursFull?.failure, oursStress: oursStress?.failure },
        oursSmall: oursSmall?.median ?? null, oursFull: oursFull?.median ?? null, oursStress: oursStress?.median ?? null,
        notes: { mc50: errorsNote(mc50.all), mc1m: errorsNote(mc1m.all), oursSmall: oursSmall && errorsNote(oursSmall.all), oursFull: oursFull && errorsNote(oursFull.all), oursStress: oursStress && errorsNote(oursStress.all) },
      });
    } finally {
      // The renderer may still be busy with 1M markers: close() kills Chromium if it does not return.
      await chromium.close();
      await server?.close();
    }
  },
};

interface Figures {
  haveWidget: boolean;
  mc50: LoadResult | null;
  mc1m: LoadResult | null;
  mc1mTimeoutMs: number;
  oursSmall: LoadResult | null;
  oursFull: LoadResult | null;
  oursStress: LoadResult | null;
  notes: Record<'mc50' | 'mc1m' | 'oursSmall' | 'oursFull' | 'oursStress', string | undefined>;
  failures: Record<'mc50' | 'mc1m' | 'oursSmall' | 'oursFull' | 'oursStress', string | undefined>;
}

const MB = 1_048_576;

function reportFigures(report: Report, f: Figures): void {
  const mc50 = f.mc50;
  if (!mc50) {
    report.add({ metric: 'baseline: markercluster 50k did not load', value: NaN, unit: 'ms', status: 'FAIL', note: [f.failures.mc50, f.notes.mc50].filter(Boolean).join('; ') });
  } else {
    report.note(`baseline markercluster 50k: load ${mc50.loadMs.toFixed(0)} ms, heap ${((mc50.heapB ?? NaN) / MB).toFixed(1)} MB, longest task ${mc50.longestTaskMs.toFixed(0)} ms, max markers in DOM ${mc50.maxMarkers}`);
  }
  if (mc50 && f.notes.mc50) report.note(`markercluster 50k ${f.notes.mc50}`);
  if (!f.haveWidget) {
    for (const m of ['load (full)', 'JS heap (full)', 'long tasks (full)', 'DOM markers (full)', 'load (stress, 1M)']) report.skip(m, MISSING);
    return;
  }
  const mcBase = (label: string, value: number, unit: string) => (mc50 ? { label, value, unit } : undefined);
  if (f.oursSmall) {
    report.add({
      metric: 'script -> clusters on the map (small, 4.7k points)', value: f.oursSmall.loadMs, unit: 'ms',
      budget: `<= ${LOAD_BUDGET_MS} ms`, ok: f.oursSmall.loadMs <= LOAD_BUDGET_MS,
    });
  } else {
    report.add({ metric: 'script -> clusters on the map (small, 4.7k points)', value: NaN, unit: 'ms', status: 'FAIL', note: [f.failures.oursSmall, f.notes.oursSmall].filter(Boolean).join('; ') });
  }
  const cases = [
    ['full, 90k points', f.oursFull, f.notes.oursFull, f.failures.oursFull],
    ['stress, 1M points', f.oursStress, f.notes.oursStress, f.failures.oursStress],
  ] as const;
  for (const [name, ours, note, failure] of cases) {
    const stress = name.startsWith('stress');
    if (!ours) {
      report.add({ metric: `script -> clusters on the map (${name})`, value: NaN, unit: 'ms', status: 'FAIL', note: [failure, note].filter(Boolean).join('; ') });
      continue;
    }
    if (ours.readyMs !== null) report.add({ metric: `script -> bp-ready (${name})`, value: ours.readyMs, unit: 'ms' });
    let loadRow: RowInput;
    if (!stress) {
      const ratio = mc50 ? mc50.loadMs / ours.loadMs : undefined;
      loadRow = {
        metric: `script -> clusters on the map (${name})`, value: ours.loadMs, unit: 'ms',
        baseline: mcBase('markercluster, 50k points', mc50?.loadMs ?? NaN, 'ms'), ratio, ratioMeaning: 'faster',
        budget: `<= ${LOAD_BUDGET_MS} ms and >= ${SPEEDUP_BUDGET}x faster`,
        ok: ours.loadMs <= LOAD_BUDGET_MS && ratio !== undefined && ratio >= SPEEDUP_BUDGET,
      };
    } else if (f.mc1m) {
      loadRow = {
        metric: `script -> clusters on the map (${name})`, value: ours.loadMs, unit: 'ms',
        baseline: { label: 'markercluster, 1M points', value: f.mc1m.loadMs, unit: 'ms' },
        ratio: f.mc1m.loadMs / ours.loadMs, ratioMeaning: 'faster',
        budget: `<= ${LOAD_BUDGET_MS} ms`, ok: ours.loadMs <= LOAD_BUDGET_MS,
      };
    } else if (f.failures.mc1m?.startsWith('did not finish')) {
      loadRow = {
        metric: `script -> clusters on the map (${name})`, value: ours.loadMs, unit: 'ms',
        baseline: { label: 'markercluster, 1M points', value: f.mc1mTimeoutMs, unit: 'ms', note: f.failures.mc1m },
        ratio: f.mc1mTimeoutMs / ours.loadMs, ratioMeaning: 'faster (at least)',
        budget: `<= ${LOAD_BUDGET_MS} ms`, ok: ours.loadMs <= LOAD_BUDGET_MS,
      };
    } else {
      loadRow = {
        metric: `script -> clusters on the map (${name})`, value: ours.loadMs, unit: 'ms',
        baseline: { label: 'markercluster, 1M points', value: NaN, unit: 'ms', note: f.failures.mc1m ?? 'no figure' },
        budget: `<= ${LOAD_BUDGET_MS} ms`, ok: ours.loadMs <= LOAD_BUDGET_MS,
      };
    }
    report.add({ ...loadRow, note: [`from navigation start: ${ours.fromNavMs.toFixed(0)} ms`, note].filter(Boolean).join('; ') });
    const heap = ours.heapB ?? NaN;
    report.add({
      metric: `JS heap after gc (${name})`, value: heap / MB, unit: 'MB',
      baseline: mcBase('markercluster, 50k', (mc50?.heapB ?? NaN) / MB, 'MB'), ratio: mc50?.heapB ? mc50.heapB / heap : undefined, ratioMeaning: 'smaller',
      budget: stress ? undefined : '<= 50 MB (at 50k; measured at 90k)', ok: stress ? undefined : heap <= HEAP_BUDGET_B,
    });
    report.add({
      metric: `longest main-thread task during load (${name})`, value: ours.longestTaskMs, unit: 'ms',
      baseline: mcBase('markercluster, 50k', mc50?.longestTaskMs ?? NaN, 'ms'), ratio: mc50 ? mc50.longestTaskMs / Math.max(ours.longestTaskMs, 1) : undefined, ratioMeaning: 'shorter',
      budget: `<= ${TASK_BUDGET_MS} ms`, ok: ours.longestTaskMs <= TASK_BUDGET_MS,
      note: [
        ours.longestTaskAtMs !== null ? `it started ${ours.longestTaskAtMs.toFixed(0)} ms after the script request; ${ours.longTasksOver200} task(s) over 200 ms` : '',
        ours.panLongestTaskMs !== null ? `longest task while panning/zooming: ${ours.panLongestTaskMs.toFixed(0)} ms` : '',
      ].filter(Boolean).join('; '),
    });
    report.add({
      metric: `max marker elements in the DOM while panning/zooming (${name})`, value: ours.maxMarkers, unit: '',
      baseline: mcBase('markercluster, 50k', mc50?.maxMarkers ?? NaN, ''), ratio: mc50 ? mc50.maxMarkers / Math.max(ours.maxMarkers, 1) : undefined, ratioMeaning: 'fewer',
      budget: `<= ${MARKER_BUDGET}`, ok: ours.maxMarkers <= MARKER_BUDGET,
    });
  }
  if (f.notes.mc1m) report.note(`markercluster 1M ${f.notes.mc1m}`);
}

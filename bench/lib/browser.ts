// Headless Chromium (Debian's, never a downloaded one) and the page measurements both pages share.
import { chromium, type Browser, type BrowserServer, type Page } from '@playwright/test';
import { join } from 'node:path';
import { sleep } from './stats.js';

export const PROBE_PATH = join(import.meta.dirname, '../pages/probe.js');

export interface Chromium {
  browser: Browser;
  /** Close, or kill the process we started when a renderer stuck in a long task keeps close() waiting. */
  close(): Promise<void>;
}

/** Launched as a server so that we hold the process and can end it if close() never returns. */
export async function launchChromium(): Promise<Chromium> {
  const server = await launchServer();
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    async close() {
      const closed = await Promise.race([
        browser.close().then(() => server.close()).then(() => true, () => false),
        sleep(10_000).then(() => false),
      ]);
      if (!closed) server.process().kill('SIGKILL');
    },
  };
}

function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc',
    ],
  });
}

interface ProbeSummary {
  t0: number | null;
  readyAt: number | null;
  firstMarkersAt: number | null;
  markers: number;
  maxMarkers: number;
  longTasks: Array<{ start: number; duration: number }>;
  errors: string[];
  fatal: string | null;
}

export interface LoadResult {
  finished: true;
  /** Script fetch start -> first frame with cluster markers (and, for the baseline, its own ready mark). */
  loadMs: number;
  /** Script fetch start -> bp-ready (ours only). */
  readyMs: number | null;
  /** Navigation start -> loaded. */
  fromNavMs: number;
  heapB: number | null;
  longestTaskMs: number;
  /** When the longest load task started, ms after t0 (tells script evaluation from data handling). */
  longestTaskAtMs: number | null;
  longTasksOver200: number;
  maxMarkers: number;
  /** After the pans, if any. */
  panLongestTaskMs: number | null;
  errors: string[];
}

export interface NotFinished {
  finished: false;
  reason: string;
  errors: string[];
}

export interface LoadOptions {
  url: string;
  /** Part of the main script's URL: its fetch start is t0. */
  script: string;
  /** Wait for bp-ready too (ours), or for the page's own ready mark (baseline). */
  kind: 'ours' | 'baseline';
  timeoutMs: number;
  /** CSS selector (pierces open shadow roots) of the map to drag; no pans when omitted. */
  panSelector?: string;
}

const summary = (page: Page, script: string) => page.evaluate(`window.__bench.summary(${JSON.stringify(script)})`) as Promise<ProbeSummary>;

/** One cold load in a fresh context (empty HTTP cache). `finished: false` when it timed out. */
export async function measureLoad(browser: Browser, opts: LoadOptions): Promise<LoadResult | NotFinished> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    // A missing main script would otherwise show up as a timeout.
    let scriptFailed: (reason: string) => void = () => undefined;
    const scriptFailure = new Promise<string>((resolve) => { scriptFailed = resolve; });
    page.on('response', (r) => {
      if (r.url().includes(opts.script) && r.status() >= 400) scriptFailed(`${r.url()} answered ${r.status()}`);
    });
    await page.addInitScript({ path: PROBE_PATH });
    await page.goto(opts.url, { waitUntil: 'commit' });
    // readyAt is bp-ready for ours and the page's own mark (after addLayer + a frame) for the baseline.
    // A page that declared itself dead ends the wait too.
    const done = '(window.__bench.firstMarkersAt !== null && window.__bench.readyAt !== null) || window.__bench.fatal !== null';
    // waitForFunction's own timeout runs in the page and never fires while its main thread is
    // blocked (markercluster with 1M points): keep a timer on this side too.
    const finished = await Promise.race([
      page.waitForFunction(done, undefined, { timeout: opts.timeoutMs, polling: 50 }).then(() => true, () => false),
      sleep(opts.timeoutMs + 1000).then(() => false),
      scriptFailure,
    ]);
    if (typeof finished === 'string') return { finished: false, reason: `failed: ${finished}`, errors };
    if (!finished) {
      const late = await Promise.race([summary(page, opts.script).then((x) => x.errors, () => []), sleep(2000).then(() => [])]);
      return { finished: false, reason: `did not finish in ${opts.timeoutMs / 1000} s`, errors: [...errors, ...late] };
    }
    const s = await summary(page, opts.script);
    if (s.fatal !== null) return { finished: false, reason: `failed: ${s.fatal}`, errors: [...errors, ...s.errors] };
    if (s.t0 === null) throw new Error(`no resource timing for ${opts.script}`);
    const loadedAt = Math.max(s.firstMarkersAt!, s.readyAt!);
    const loadTasks = s.longTasks.filter((t) => t.start <= loadedAt);
    await sleep(500);
    const heapB = (await page.evaluate('window.__bench.heapAfterGc()')) as number | null;
    let panLongestTaskMs: number | null = null;
    if (opts.panSelector) {
      const before = s.longTasks.length;
      await pan(page, opts.panSelector);
      const after = await summary(page, opts.script);
      panLongestTaskMs = Math.max(0, ...after.longTasks.slice(before).map((t) => t.duration));
      s.maxMarkers = after.maxMarkers;
      errors.push(...after.errors);
    }
    return {
      finished: true,
      loadMs: loadedAt - s.t0,
      readyMs: opts.kind === 'ours' && s.readyAt !== null ? s.readyAt - s.t0 : null,
      fromNavMs: loadedAt,
      heapB,
      longestTaskMs: Math.max(0, ...loadTasks.map((t) => t.duration)),
      longestTaskAtMs: loadTasks.length ? loadTasks.reduce((a, b) => (b.duration > a.duration ? b : a)).start - s.t0 : null,
      longTasksOver200: loadTasks.filter((t) => t.duration > 200).length,
      maxMarkers: s.maxMarkers,
      panLongestTaskMs,
      errors: [...errors, ...s.errors],
    };
  } finally {
    // A renderer stuck in a long task can make close() hang: do not wait for it forever.
    await Promise.race([context.close().catch(() => undefined), sleep(10_000)]);
  }
}

/** Drag the map around (and zoom out and back in with the wheel), waiting for each move to settle. */
async function pan(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`no element for ${selector}`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const moves: Array<[number, number]> = [[-300, 0], [0, -200], [350, 150], [200, 200], [-250, -150], [0, 250]];
  for (const [dx, dy] of moves) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 8 });
    await page.mouse.up();
    await sleep(700);
  }
  for (const dy of [300, 300, -300, -300]) {
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, dy);
    await sleep(900);
  }
}

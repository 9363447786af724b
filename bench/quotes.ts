// Tariff traffic of the buyer's widget, measured in real Chromium against the demo server:
//  1. browsing: scripted pans / zooms / list scrolls in the playground for BENCH_SECONDS (default 60);
//     tariff HTTP requests vs distinct points shown in list rows, and the scheduler's cache hit rate;
//  2. time to first price (page load -> first row with a price), normally and with Nova Poshta slowed
//     down by 5 s (sandbox scenario), which must not delay Russian Post's prices.
//
//   npx tsx bench/quotes.ts            (starts `scripts/start.ts` with DATASET=small on BENCH_PORT, default 5311)
//   BENCH_URL=http://127.0.0.1:5199 npx tsx bench/quotes.ts   (use a running server)
// Prints a table and writes JSON to stdout's last line (`QUOTES_RESULT {...}`) for bench/run.ts to pick up.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 5311);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ORIGIN = encodeURIComponent('RU:101000;UA:Київ');
/** Belgorod / Kharkiv: both carriers in the list. */
const PAGE = `/widget/?tile-url=none&center=50.3,36.4&zoom=9&origin=${ORIGIN}&parcel-weight=1200&parcel-size=30x20x10`;
/** Closer to Belgorod: Russian Post rows first (both carriers still asked: the NP origin lookup runs). */
const PAGE_RP = PAGE.replace('center=50.3,36.4', 'center=50.45,36.45');

/** A tariff call: RP tariff, NP price/date (not the warehouse / city lookups), or our open-feed quote. */
function isTariff(url: string, body: string | null): boolean {
  if (url.includes('/carriers/russian-post/tariff/')) return true;
  if (url.includes('/api/v1/quote')) return true;
  return url.includes('/carriers/nova-poshta/') && !!body && /getDocumentPrice|getDocumentDeliveryDate/.test(body);
}

async function startServer(): Promise<{ base: string; child?: ChildProcess }> {
  if (process.env.BENCH_URL) return { base: process.env.BENCH_URL.replace(/\/$/, '') };
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/start.ts')], {
    cwd: ROOT, env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATASET: 'small' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/v1/configs/demo`)).ok) return { base, child };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start');
}

/** Ids of the rows inside the list's viewport (open shadow root). */
function visibleRowIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('branch-picker')?.shadowRoot;
    const scroll = root?.querySelector('.scroll');
    if (!root || !scroll) return [];
    const box = scroll.getBoundingClientRect();
    return [...root.querySelectorAll<HTMLElement>('li.item')]
      .filter((li) => { const r = li.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; })
      .map((li) => li.dataset.id ?? '');
  });
}

async function browse(base: string, page: Page) {
  let tariff = 0;
  page.on('request', (r) => { if (isTariff(r.url(), r.postData())) tariff++; });
  await page.goto(base + PAGE);
  await page.locator('branch-picker').waitFor();
  const seen = new Set<string>();
  const map = page.getByRole('region', { name: 'Карта пунктов' });
  await map.waitFor();
  const box = (await map.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const end = Date.now() + SECONDS * 1000;
  let step = 0;
  let lastRequests = 0;
  /** Times the scheduler's counters went back (a new scheduler): should stay 0. */
  let restarts = 0;
  while (Date.now() < end) {
    const k = step++ % 6;
    if (k < 3) {
      // Pan: drag the map a third of its width, alternating directions.
      const dx = (step % 2 ? 1 : -1) * box.width / 3;
      const dy = (step % 4 < 2 ? 1 : -1) * box.height / 5;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + dx, cy + dy, { steps: 8 });
      await page.mouse.up();
    } else if (k === 3) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, step % 12 < 6 ? -300 : 300);
    } else {
      // Scroll the list like a buyer reading it.
      await page.evaluate(() => document.querySelector('branch-picker')?.shadowRoot?.querySelector('.scroll')?.scrollBy({ top: 400 }));
    }
    await page.waitForTimeout(1200);
    for (const id of await visibleRowIds(page)) seen.add(id);
    const r = await page.evaluate(() => (document.querySelector('branch-picker') as unknown as { quoteStats?: { requests: number } }).quoteStats?.requests ?? -1);
    if (r < lastRequests) restarts++;
    lastRequests = r;
  }
  await page.waitForTimeout(1500);
  const stats = await page.evaluate(() => (document.querySelector('branch-picker') as unknown as { quoteStats?: Record<string, number> }).quoteStats);
  return { steps: step, tariffRequests: tariff, distinctRowsShown: seen.size, stats, restarts };
}

async function firstPrice(base: string, page: Page): Promise<{ anyMs: number; rpMs: number }> {
  const t0 = Date.now();
  await page.goto(base + PAGE_RP);
  const priced = (pattern: string) => page.waitForFunction((p) => {
    const root = document.querySelector('branch-picker')?.shadowRoot;
    return [...(root?.querySelectorAll('.price b') ?? [])].some((b) => new RegExp(p).test(b.textContent ?? ''));
  }, pattern, { timeout: 30_000, polling: 50 });
  await priced('.');
  const anyMs = Date.now() - t0;
  await priced('₽');
  return { anyMs, rpMs: Date.now() - t0 };
}

async function scenario(base: string, body: object | null): Promise<void> {
  await fetch(`${base}/__sandbox/scenario`, body
    ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
    : { method: 'DELETE' });
}

const { base, child } = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const ctx = () => browser.newContext({ viewport: { width: 1280, height: 900 } });
  const normal = await firstPrice(base, await (await ctx()).newPage());
  await scenario(base, { match: 'nova-poshta', latencyMs: 5000 });
  const slow = await firstPrice(base, await (await ctx()).newPage());
  await scenario(base, null);
  const b = await browse(base, await (await ctx()).newPage());
  const s = b.stats ?? {};
  const hitRate = (s.hits ?? 0) / Math.max(1, (s.hits ?? 0) + (s.misses ?? 0));
  const result = {
    browseSeconds: SECONDS, moves: b.steps, tariffRequests: b.tariffRequests, distinctRowsShown: b.distinctRowsShown,
    requestsPerShownPoint: +(b.tariffRequests / Math.max(1, b.distinctRowsShown)).toFixed(2),
    cacheHitRate: +hitRate.toFixed(3), scheduler: s, schedulerRestarts: b.restarts,
    firstPriceMs: normal.anyMs, firstRpPriceMs: normal.rpMs, firstRpPriceWithSlowNpMs: slow.rpMs,
    slowdownRatio: +(slow.rpMs / Math.max(1, normal.rpMs)).toFixed(2),
  };
  console.table({
    'tariff requests while browsing': `${result.tariffRequests} for ${result.distinctRowsShown} points shown (${result.requestsPerShownPoint}/point), ${result.moves} moves in ${SECONDS} s`,
    'cache hit rate (scheduler.stats)': `${(hitRate * 100).toFixed(1)} % (hits ${s.hits ?? 0}, misses ${s.misses ?? 0}, deduped ${s.deduped ?? 0}, aborted ${s.aborted ?? 0})`,
    'time to first price': `${result.firstPriceMs} ms (first RP price ${result.firstRpPriceMs} ms)`,
    'first RP price, NP slowed by 5 s': `${result.firstRpPriceWithSlowNpMs} ms (x${result.slowdownRatio} of normal)`,
  });
  console.log(`QUOTES_RESULT ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  child?.kill('SIGTERM');
}

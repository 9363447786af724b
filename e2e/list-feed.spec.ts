// feed="nova-poshta": the widget pages through every Nova Poshta warehouse (Address.getWarehouses on
// the sandbox) and clusters them in its Web Worker (dist/widget/branch-picker.worker.js), embedded
// as a shop would: the script-tag file under a strict CSP (the worker passes script-src 'self').
import { expect, test, type Page } from '@playwright/test';
import { events, pointsList, recordEvents } from './support.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop checkout (Nova Poshta)</title>
<script src="/widget/dist/branch-picker.js"></script>
</head><body>
<form id="f" action="/never">
  <branch-picker name="warehouse" feed="nova-poshta" np-api-key="sandbox" center="50.4501,30.5234" zoom="11" tile-url="none" lang="en"></branch-picker>
</form>
</body></html>`;

/** Long tasks and CSP violations from the very start of the page. */
async function observe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; ms: number }>; __csp: string[] };
    w.__longTasks = [];
    w.__csp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const shadowCount = (page: Page, selector: string) =>
  page.locator('branch-picker').evaluate((el, s) => el.shadowRoot!.querySelectorAll(s).length, selector);

test('every Nova Poshta warehouse, clustered in a worker: markers, clusters, the list, a choice', async ({ page }) => {
  const workers: string[] = [];
  const pageErrors: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await observe(page);
  await recordEvents(page);
  await page.route('**/shop/np-checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: HOST_PAGE,
  }));
  await page.goto('/shop/np-checkout.html');

  // Clusters and single markers over Kyiv, never more than 300 in the DOM.
  await expect.poll(() => shadowCount(page, '.bp-cluster'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => shadowCount(page, '.bp-pin')).toBeGreaterThan(0);
  expect(await shadowCount(page, '.leaflet-marker-icon')).toBeLessThanOrEqual(300);

  // The worker file next to the script tag did the clustering.
  expect(workers.some((u) => new URL(u).pathname === '/widget/dist/branch-picker.worker.js')).toBe(true);
  const clustersAt = await page.evaluate(() => performance.getEntriesByName('bp-list-feed:clusters')[0]?.startTime ?? -1);
  expect(clustersAt).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'time to clusters (ms from navigation)', description: String(Math.round(clustersAt)) });

  // The list: Nova Poshta warehouses in view, nearest first.
  const options = pointsList(page, 'Points').getByRole('option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThan(5);

  // Zooming into a cluster splits it (the worker answers the new tiles).
  const before = await shadowCount(page, '.bp-pin');
  await page.locator('branch-picker').evaluate((el) => (el.shadowRoot!.querySelector('.bp-cluster') as HTMLElement).click());
  await expect.poll(() => shadowCount(page, '.bp-pin'), { timeout: 10_000 }).not.toBe(before);

  // Choosing a point commits a Nova Poshta branch with its refs.
  await options.first().click();
  await page.getByRole('button', { name: 'Choose this point' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const [change] = await events(page, 'bp-change');
  const branch = (change!.detail as { branch: { id: string; carrier: string; address: { country: string } } }).branch;
  expect(branch.carrier).toBe('nova-poshta');
  expect(branch.id).toMatch(/^np-/);
  expect(branch.address.country).toBe('UA');
  expect(await page.evaluate(() => String(new FormData(document.querySelector('form')!).get('warehouse')))).toBe(branch.id);

  expect(await events(page, 'bp-error')).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(pageErrors).toEqual([]);

  // The list feed never blocks the main thread: no task over the budget once it started (earlier ones
  // are the script's own start-up, as with the tile feed). Long tasks are wall time: with one worker
  // the budget is 200 ms (npx playwright test e2e/list-feed.spec.ts --workers=1); with parallel tests
  // on 2 shared cores another browser can stretch the first marker render (~60 ms alone, 700 ms seen
  // under load), so the default two-worker run asserts a looser 1.5 s: it catches a main thread frozen
  // for seconds, not a modest regression, which only the one-worker run's 200 ms catches.
  const started = await page.evaluate(() => performance.getEntriesByName('bp-list-feed:start')[0]?.startTime ?? 0);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; ms: number }> }).__longTasks);
  const afterStart = longTasks.filter((t) => t.start + t.ms > started).map((t) => t.ms);
  const longest = Math.max(0, ...afterStart);
  const budget = test.info().config.workers === 1 ? 200 : 1_500;
  test.info().annotations.push(
    { type: 'long tasks (start+ms)', description: longTasks.map((t) => `${t.start}+${t.ms}`).join(' ') },
    { type: 'longest task after the feed started (ms)', description: `${longest} (budget ${budget}, feed started at ${Math.round(started)})` },
  );
  expect(longest).toBeLessThanOrEqual(budget);
});

test('a worker that cannot start is a clear bp-error, not a silent empty map', async ({ page }) => {
  await recordEvents(page);
  // The shop forgot to upload the worker file.
  await page.route('**/widget/dist/branch-picker.worker.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route('**/shop/np-checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: HOST_PAGE,
  }));
  await page.goto('/shop/np-checkout.html');
  await expect.poll(async () => (await events(page, 'bp-error')).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const [err] = await events(page, 'bp-error');
  expect(err!.detail).toMatchObject({ code: 'network' });
  expect((err!.detail as { message: string }).message).toContain('branch-picker.worker.js');
  await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible();
});

test('clusters show from the first Nova Poshta page; the map and the list grow as the rest arrive', async ({ page }) => {
  // Hold every page after the first (the worker's fetches go through the context's routes).
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const pages: number[] = [];
  await page.context().route('**/carriers/nova-poshta/v2.0/json/**', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as { calledMethod?: string; methodProperties?: { Page?: string } };
    const n = Number(body.methodProperties?.Page ?? 1);
    if (body.calledMethod === 'getWarehouses') pages.push(n);
    if (body.calledMethod === 'getWarehouses' && n > 1) await held;
    await route.fallback();
  });
  await page.route('**/shop/np-checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: HOST_PAGE,
  }));
  await page.goto('/shop/np-checkout.html');

  /** Points the map accounts for: cluster counts plus single pins. */
  const onMap = () => page.locator('branch-picker').evaluate((el) => {
    const root = el.shadowRoot!;
    let n = root.querySelectorAll('.bp-pin').length;
    for (const c of root.querySelectorAll('.bp-cluster')) n += Number(c.textContent!.replace(/\D/g, '')) || 0;
    return n;
  });
  await expect.poll(() => shadowCount(page, '.bp-cluster'), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(pages.some((p) => p > 1)).toBe(true);
  const partial = await onMap();
  expect(partial).toBeGreaterThan(0);
  const options = pointsList(page, 'Points').getByRole('option');
  await expect(options.first()).toBeVisible();

  release();
  await expect.poll(onMap, { timeout: 20_000 }).toBeGreaterThan(partial);
  expect(await shadowCount(page, '.leaflet-marker-icon')).toBeLessThanOrEqual(300);
});

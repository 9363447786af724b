// feed="nova-poshta" with the script-tag file on another origin (a CDN, answered by page.route): browsers refuse cross-origin workers, so the main file fetches branch-picker.worker.js with
// the SRI hash baked in at build time and starts it from a blob: of the verified bytes. A tampered CDN
// copy must not run: the picker reports a bp-error naming the worker file and shows no points from it.
import { expect, test, type Page } from '@playwright/test';
import { events, recordEvents } from './support.js';

const WORKER = 'branch-picker.worker.js';
const CDN = 'https://cdn.bp.test';

/** The policy the README asks for on this path: the CDN in script-src and connect-src, blob: workers. */
const csp = (cdn: string) =>
  `default-src 'self'; script-src 'self' ${cdn}; style-src 'self'; img-src 'self' data:; connect-src 'self' ${cdn}; ` +
  "worker-src blob:; object-src 'none'; base-uri 'none'";

async function openCdnShop(page: Page, baseURL: string | undefined, tamper = false): Promise<{ workers: string[]; csp: string[] }> {
  const workers: string[] = [];
  const violations: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  // The CDN: this server's dist/widget files, answered from Playwright (Chromium bars a page from reaching
  // another loopback origin), with the CORS header a CDN sends. `tamper` appends one line to the worker,
  // which leaves it a working worker, so only the integrity check can stop it.
  await page.route(`${CDN}/widget/dist/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const res = await route.fetch({ url: new URL(path, baseURL).href });
    const body = tamper && path.endsWith(`/${WORKER}`) ? `${await res.text()}\n;self.__bpTampered = 1;\n` : await res.body();
    await route.fulfill({ response: res, body, headers: { ...res.headers(), 'access-control-allow-origin': '*' } });
  });
  await recordEvents(page);
  await page.route('**/shop/np-cdn-checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(CDN) },
    body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop checkout (widget from a CDN)</title>
<script src="${CDN}/widget/dist/branch-picker.js" crossorigin="anonymous"></script>
</head><body>
  <branch-picker name="warehouse" feed="nova-poshta" np-api-key="sandbox" center="50.4501,30.5234" zoom="11" tile-url="none" lang="en"></branch-picker>
</body></html>`,
  }));
  await page.goto('/shop/np-cdn-checkout.html');
  return { workers, csp: violations };
}

const shadowCount = (page: Page, selector: string) =>
  page.locator('branch-picker').evaluate((el, s) => el.shadowRoot!.querySelectorAll(s).length, selector);

test('a CDN-hosted worker whose bytes match the baked-in hash runs from a blob: and clusters the list', async ({ page, baseURL }) => {
  const seen: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith(WORKER)) seen.push(r.url()); });
  const { workers, csp: violations } = await openCdnShop(page, baseURL);
  await expect.poll(() => shadowCount(page, '.bp-cluster'), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(seen).toEqual([`${CDN}/widget/dist/${WORKER}`]);
  expect(workers.length).toBe(1);
  expect(workers[0]).toMatch(/^blob:/);
  expect(await events(page, 'bp-error')).toEqual([]);
  expect(violations).toEqual([]);
});

test('a tampered CDN copy of the worker does not run: a bp-error names the worker, no points', async ({ page, baseURL }) => {
  const { workers } = await openCdnShop(page, baseURL, true);
  await expect.poll(async () => (await events(page, 'bp-error')).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const [err] = await events(page, 'bp-error');
  expect(err!.detail).toMatchObject({ code: 'network' });
  const message = (err!.detail as { message: string }).message;
  expect(message).toContain(WORKER);
  expect(message).toMatch(/integrity/);
  expect(workers).toEqual([]);
  expect(await shadowCount(page, '.bp-cluster')).toBe(0);
  expect(await shadowCount(page, '.bp-pin')).toBe(0);
  await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible();
});

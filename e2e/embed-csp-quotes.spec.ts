// The script-tag file with a parcel on a host page under a strict CSP: the tariff layer is a
// separate file (branch-picker.quotes.js) injected on demand with SRI; it must load under
// `script-src 'self'` and put prices in the list. When it cannot load (404, tampered bytes), the
// points stay choosable, the price says "unavailable" with a retry, and one bp-error fires.
import { expect, test, type Page } from '@playwright/test';
import { events, pointsList, recordEvents, type RecordedEvent } from './support.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
const QUOTES = '**/widget/dist/branch-picker.quotes.js';

function hostPage(attrs: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Shop checkout</title>
<script src="/widget/dist/branch-picker.js"></script>
</head><body>
<form id="f" action="/never">
  <branch-picker name="pickup_point" tile-url="none" ${attrs}></branch-picker>
  <button type="submit">Pay</button>
</form>
</body></html>`;
}

async function open(page: Page, attrs: string): Promise<{ csp: () => Promise<string[]>; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await recordEvents(page);
  await page.route('**/shop/checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: hostPage(attrs),
  }));
  await page.goto('/shop/checkout.html');
  return { csp: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), errors };
}

/** bp-error events about the network (the tariff file); other codes are other features' business. */
async function networkErrors(page: Page): Promise<RecordedEvent[]> {
  return (await events(page, 'bp-error')).filter((e) => (e.detail as { code: string }).code === 'network');
}

const PARCEL = 'parcel-weight="1000" parcel-size="20x15x10" origin="RU:101000"';

test('with a parcel, the on-demand tariff file loads under the strict CSP with SRI and prices the list', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (r) => { if (r.url().includes('/widget/dist/')) loaded.push(new URL(r.url()).pathname); });
  const { csp, errors } = await open(page, PARCEL);
  await expect(pointsList(page).getByRole('option').first()).toContainText(/\d\s?₽/);
  const injected = await page.evaluate(() => [...document.scripts].map((s) => s.src));
  expect(injected.some((s) => s.endsWith('/branch-picker.quotes.js'))).toBe(false); // removed once evaluated
  expect(loaded).toContain('/widget/dist/branch-picker.quotes.js');
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
  expect(await events(page, 'bp-error')).toEqual([]);
});

test('without a parcel, the tariff file is never requested', async ({ page }) => {
  const loaded: string[] = [];
  // Our own idle tracker: Playwright's 'networkidle' fires once per navigation and may predate the list.
  let inFlight = 0;
  let lastActivity = Date.now();
  page.on('request', (r) => { loaded.push(new URL(r.url()).pathname); inFlight++; lastActivity = Date.now(); });
  const settled = () => { inFlight--; lastActivity = Date.now(); };
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  await open(page, '');
  await expect(pointsList(page).getByRole('option').first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await events(page, 'bp-ready')).length, { timeout: 30_000 }).toBe(1);
  // The widget has had every chance to ask for the file: nothing in flight for a full second.
  await expect.poll(() => inFlight === 0 && Date.now() - lastActivity >= 1_000, { timeout: 30_000 }).toBe(true);
  expect(loaded).toContain('/widget/dist/branch-picker.js');
  expect(loaded).not.toContain('/widget/dist/branch-picker.quotes.js');
});

for (const [name, fulfil] of [
  ['missing (404)', { status: 404, body: 'not found' }],
  ['tampered (SRI mismatch)', { status: 200, contentType: 'text/javascript', body: 'window.__tampered = true;' }],
] as const) {
  test(`a ${name} tariff file: "unavailable" with retry, one network bp-error, points still choosable`, async ({ page }) => {
    let served = 0;
    await page.route(QUOTES, (route) => {
      served++;
      return route.fulfill(fulfil);
    });
    const { errors } = await open(page, PARCEL);
    const first = pointsList(page).getByRole('option').first();
    await expect(first).toContainText('Стоимость недоступна');
    await expect.poll(async () => (await networkErrors(page)).length).toBe(1);
    const [err] = await networkErrors(page);
    expect((err!.detail as { code: string }).code).toBe('network');
    expect(await page.evaluate(() => (window as unknown as { __tampered?: boolean }).__tampered)).toBeUndefined();

    // Retry asks again (and fails again here): a new request, a new bp-error, still no price.
    const retry = page.getByRole('button', { name: 'Повторить' }).first();
    await retry.click();
    await expect.poll(() => served).toBe(2);
    await expect.poll(async () => (await networkErrors(page)).length).toBe(2);

    // Choosing never waits for tariffs.
    await first.click();
    await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
    await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
    expect(errors).toEqual([]);
  });
}

test('retry after a failed load prices the list once the file is reachable', async ({ page }) => {
  let fail = true;
  await page.route(QUOTES, (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
  await open(page, PARCEL);
  const first = pointsList(page).getByRole('option').first();
  await expect(first).toContainText('Стоимость недоступна');
  fail = false;
  await page.getByRole('button', { name: 'Повторить' }).first().click();
  await expect(first).toContainText(/\d\s?₽/);
});

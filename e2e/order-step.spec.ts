// <bp-order-step> in real Chromium against the real `npm start` server (order API + sandbox carriers), through the
// script-tag build: branch-picker.js, then the order step's script-tag loader (loader.dist.ts: SRI-checked
// injection of branch-picker.order.js, which borrows Lit, zod and the schemas through the versioned hook).
// The step is tested here on its own, without a picker around it (the journey inside <branch-picker> is
// e2e/order-journey*.spec.ts), so the page loads a test harness (dist/widget-test/order-step-harness.js, built
// by scripts/build-widget.ts, never published) that calls the same loader, then defines the element and adds it. The page runs under the strictest CSP a shop uses.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Branch } from '../widget/src/model/branch.js';
import type { Quote } from '../widget/src/model/quote.js';
import { deepActiveElement, STRICT_CSP } from './support.js';

const HARNESS = resolve(import.meta.dirname, '../dist/widget-test/order-step-harness.js');
const PARCEL = { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } };

declare global {
  interface Window {
    __bpOrderStepHarness: { loadOrderStep(): Promise<{ defineOrderStep(): string }> };
    __order?: { orderNumber: string; id: string; status: string };
    __confirmAt?: number;
    __doneAt?: number;
  }
}

function shopPage(): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop checkout</title>
<script src="/widget/dist/branch-picker.js"></script>
<script src="/widget/dist/order-step-harness.js"></script>
</head><body><main><h1>Оформление</h1><div id="step"></div></main></body></html>`;
}

async function openShop(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.route('**/shop/order.html', (route) => route.fulfill({
    status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP }, body: shopPage(),
  }));
  await page.route('**/widget/dist/order-step-harness.js', (route) => route.fulfill({
    status: 200, headers: { 'content-type': 'text/javascript' }, body: readFileSync(HARNESS, 'utf8'),
  }));
  await page.goto('/shop/order.html');
}

/** An open Russian Post office near Moscow, as the feed serves it. */
async function moscowOffice(page: Page): Promise<Branch> {
  const res = await page.request.get('/api/v1/points?bbox=37.5,55.6,37.8,55.9&carriers=russian-post&types=post_office&limit=50');
  const items = ((await res.json()) as { items: Branch[] }).items;
  const b = items.find((p) => p.status === 'open' && p.payment.includes('cod'));
  if (!b) throw new Error('no open office near Moscow takes COD');
  return b;
}

/** The price the buyer would have seen: the order API's own re-priced quote (its 409 for a deliberately stale one). */
async function liveQuote(page: Page, branch: Branch, parcel: Record<string, unknown> = PARCEL): Promise<Quote> {
  const stale: Quote = {
    carrier: branch.carrier, service: '23030', pointId: branch.id, currency: 'RUB', total: 1, breakdown: [{ kind: 'delivery', amount: 1 }],
    vat: { rate: 20, amount: 0 }, deliveryDays: { min: 1, max: 1 }, expiresAt: new Date(Date.now() + 600_000).toISOString(),
  };
  const res = await page.request.post('/api/v1/orders', {
    headers: { 'Idempotency-Key': `"${crypto.randomUUID()}"` },
    data: { orderNumber: `probe-${Date.now()}`, configId: 'demo', pointId: branch.id, carrier: branch.carrier, parcel,
      recipient: { givenName: 'Probe', surname: 'Probe', phone: '+79123456789' }, quote: stale },
  });
  expect(res.status()).toBe(409);
  return ((await res.json()) as { quote: Quote }).quote;
}

async function mountStep(page: Page, props: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p) => {
    const m = await window.__bpOrderStepHarness.loadOrderStep();
    m.defineOrderStep();
    const el = document.createElement('bp-order-step');
    Object.assign(el, { apiBase: location.origin, configId: 'demo', lang: 'ru', ...p });
    el.addEventListener('click', () => { window.__confirmAt ??= performance.now(); }, { capture: true });
    el.addEventListener('bp-order-step-done', (e) => {
      window.__doneAt = performance.now();
      const o = (e as CustomEvent<{ orderNumber: string; id: string; status: string }>).detail;
      window.__order = { orderNumber: o.orderNumber, id: o.id, status: o.status };
    });
    document.getElementById('step')!.append(el);
  }, props);
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('bp-order-step').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

test('keyboard only: recipient, review, Enter twice on confirm -> one order, its number and track number', async ({ page }) => {
  await openShop(page);
  const branch = await moscowOffice(page);
  const cod = { amount: 149000, currency: 'RUB' };
  const quote = await liveQuote(page, branch, { ...PARCEL, cashOnDelivery: cod });
  await mountStep(page, { branch, quote, parcel: PARCEL, cod, trackUrl: '/track?order={orderId}&token={token}' });
  const step = page.locator('bp-order-step');
  await expect(step.getByRole('heading', { name: 'Получатель' })).toBeVisible();

  // Wrong country's phone first: the message sits next to the field and focus goes there.
  await page.keyboard.press('Tab');
  await page.keyboard.type('Анна');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Иванова');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+380 67 123 4567');
  await page.keyboard.press('Enter');
  const phone = step.getByRole('textbox', { name: 'Телефон' });
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Телефон: нужен российский номер, например \+7 912 345-67-89/);
  expect(await deepActiveElement(page)).toMatch(/^input /);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/h5-shots/order-step-form-error.png', fullPage: true });

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('8 912 345-67-89');
  await page.keyboard.press('Enter');
  await expect(step.getByRole('heading', { name: 'Проверьте заказ' })).toBeFocused();
  await expect(step).toContainText(branch.name);
  await expect(step).toContainText('+79123456789');
  await expect(step).toContainText(/1\s490\s₽/u);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/h5-shots/order-step-review.png', fullPage: true });

  await page.keyboard.press('Tab');
  expect(await deepActiveElement(page)).toMatch(/^button Подтвердить заказ за/);
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/orders')) posts.push(r.headers()['idempotency-key'] ?? ''); });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(step.getByRole('heading', { name: 'Заказ оформлен' })).toBeFocused();
  const order = await page.evaluate(() => window.__order!);
  expect(order.orderNumber).toMatch(/^bp-[a-z0-9]{12}$/);
  await expect(step).toContainText(order.orderNumber);
  // The carrier registers it within seconds; the step reads the order again and shows the track number.
  await expect(step.getByText(/^\d{14}$|^[A-Z]{2}\d{9}[A-Z]{2}$|^\d{11}$|^RA\d+RU$/)).toBeVisible({ timeout: 15_000 });
  await expect(step.getByRole('link', { name: 'Отследить посылку' })).toHaveAttribute('href', new RegExp(`/track\\?order=${order.id}&token=`));
  expect(posts).toHaveLength(1);
  const list = await page.request.get(`/api/v1/orders?config=demo&q=${order.orderNumber}`, { headers: { Authorization: 'Bearer demo-owner-key' } });
  expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/h5-shots/order-step-done.png', fullPage: true });
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
});

test('confirm -> created order against the sandbox, 7 orders (figure printed, not asserted)', async ({ page }) => {
  await openShop(page);
  const branch = await moscowOffice(page);
  const quote = await liveQuote(page, branch);
  const times: number[] = [];
  const posts: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.evaluate(() => { document.getElementById('step')!.replaceChildren(); delete window.__confirmAt; delete window.__doneAt; });
    await mountStep(page, { branch, quote, parcel: PARCEL, recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+79123456789' } });
    await page.locator('bp-order-step').getByRole('button', { name: /Подтвердить заказ/ }).click();
    await expect(page.locator('bp-order-step').getByRole('heading', { name: 'Заказ оформлен' })).toBeVisible();
    times.push(await page.evaluate(() => window.__doneAt! - window.__confirmAt!));
    posts.push(await page.evaluate(() => {
      const r = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/orders')).at(-1) as PerformanceResourceTiming;
      performance.clearResourceTimings();
      return r.responseEnd - r.startTime;
    }));
  }
  times.sort((a, b) => a - b);
  posts.sort((a, b) => a - b);
  console.log(`confirm -> created order, median of 7: ${times[3]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[6]!.toFixed(0)}); ` +
    `of which the POST: median ${posts[3]!.toFixed(0)} ms`);
  expect(times).toHaveLength(7);
});

test('offline at confirm: shown as such, sent by itself when the browser is back online, one order', async ({ page, context }) => {
  await openShop(page);
  const branch = await moscowOffice(page);
  await mountStep(page, { branch, parcel: PARCEL, recipient: { givenName: 'Олег', surname: 'Сидоров', phone: '+79123456788' } });
  const step = page.locator('bp-order-step');
  const keys: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/orders')) keys.push(r.headers()['idempotency-key'] ?? ''); });
  await context.setOffline(true);
  await step.getByRole('button', { name: /Подтвердить заказ/ }).click();
  await expect(step.getByText(/Нет соединения с интернетом/)).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/h5-shots/order-step-offline.png', fullPage: true });
  await context.setOffline(false);
  await expect(step.getByRole('heading', { name: 'Заказ оформлен' })).toBeVisible({ timeout: 20_000 });
  const order = await page.evaluate(() => window.__order!);
  const list = await page.request.get(`/api/v1/orders?config=demo&q=${order.orderNumber}`, { headers: { Authorization: 'Bearer demo-owner-key' } });
  expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  expect(new Set(keys).size).toBeLessThanOrEqual(1); // every request that left the browser carried the one key
});

test('reload in the middle of a submission: the new page finishes the same intent, one order', async ({ page }) => {
  await openShop(page);
  const branch = await moscowOffice(page);
  // The first POST is held and never answered: the tab is reloaded while the order is in flight.
  let held = 0;
  await page.route('**/api/v1/orders', (route) => {
    if (route.request().method() === 'POST' && held++ === 0) return; // never fulfilled
    return route.continue();
  });
  await mountStep(page, { branch, parcel: PARCEL, recipient: { givenName: 'Олег', surname: 'Сидоров', phone: '+79123456788' } });
  await page.locator('bp-order-step').getByRole('button', { name: /Подтвердить заказ/ }).click();
  await expect.poll(() => held).toBe(1);
  const pending = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('branch-picker.order:demo:')));
  expect(pending).toHaveLength(1);
  await page.reload();
  await mountStep(page, { resume: true });
  const step = page.locator('bp-order-step');
  await expect(step.getByRole('heading', { name: 'Заказ оформлен' })).toBeVisible();
  const order = await page.evaluate(() => window.__order!);
  expect(`branch-picker.order:demo:${order.orderNumber}`).toBe(pending[0]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('branch-picker.order:demo:')))).toEqual([]);
  const list = await page.request.get(`/api/v1/orders?config=demo&q=${order.orderNumber}`, { headers: { Authorization: 'Bearer demo-owner-key' } });
  expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
});

// Tariffs in the buyer's widget: prices and delivery times of two carriers side by side, a failing
// and a slow carrier that never hold up the other, and a parcel that does not fit a locker.
// The view straddles the RU/UA border (Belgorod / Kharkiv) so both carriers' points are listed.
import { expect, test, type Page, type Response, type Route } from '@playwright/test';

const ORIGIN = 'RU:101000;UA:Київ';
const BORDER = `/widget/?tile-url=none&center=50.3,36.4&zoom=8&origin=${encodeURIComponent(ORIGIN)}`;
const BOX = '&parcel-weight=1200&parcel-size=30x20x10';

// The sandbox's per-request fault header (api-mock/src/handlers/faults.ts): only this page's requests
// to one carrier are faulted, so files running in parallel on the same server never see the fault.
const FAULT_HEADER = 'x-sandbox-fault';

/** Adds `x-sandbox-fault: <fault>` to this page's requests to one carrier; returns the undo. */
async function faultCarrier(page: Page, carrier: 'nova-poshta' | 'russian-post', fault: string): Promise<() => Promise<void>> {
  const pattern = `**/carriers/${carrier}/**`;
  const handler = (route: Route) => route.continue({ headers: { ...route.request().headers(), [FAULT_HEADER]: fault } });
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

/** Resolves with the first answer the sandbox marked as faulted (X-Sandbox-Fault), proving the fault was applied. */
function faultedAnswer(page: Page, carrier: string, fault: string): Promise<Response> {
  return page.waitForResponse((r) => r.url().includes(`/carriers/${carrier}/`) && r.headers()[FAULT_HEADER] === fault, { timeout: 30_000 });
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Пункты' });
const ruRow = (page: Page) => list(page).getByRole('option', { name: /Белгород/ }).first();
const uaRow = (page: Page) => list(page).getByRole('option', { name: /Харків/ }).first();

test('prices and delivery times of both carriers, in the list and in the details', async ({ page }) => {
  await page.goto(BORDER + BOX);
  const ru = ruRow(page);
  await ru.scrollIntoViewIfNeeded();
  await expect(ru).toContainText(/\d\s?₽/);
  await expect(ru).toContainText(/\d+(–\d+)? (день|дня|дней)/);
  await expect(ru).toContainText(/Прибудет к/);
  const ua = uaRow(page);
  await ua.scrollIntoViewIfNeeded();
  await expect(ua).toContainText(/\d\s?₴/);

  // Details: the breakdown-free total, delivery time, and bp-change carries the quote.
  const quote = page.getByRole('region', { name: 'Стоимость и срок доставки' });
  // Rows may still shift while later tiles arrive: a click that landed on a neighbour is repeated on the row.
  await expect(async () => {
    await ru.scrollIntoViewIfNeeded();
    await ru.click();
    await expect(quote).toContainText('Стоимость', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(quote).toContainText(/₽/);
  await expect(quote).toContainText(/Цена действительна до/);
  const change = page.evaluate(() => new Promise<{ id: string; total?: number; expiresAt?: string }>((resolve) => {
    document.querySelector('branch-picker')!.addEventListener('bp-change', (e) => resolve({
      id: e.detail.branch.id, total: e.detail.quote?.total, expiresAt: e.detail.quote?.expiresAt,
    }), { once: true });
  }));
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  const detail = await change;
  expect(detail.total).toBeGreaterThan(0);
  expect(Date.parse(detail.expiresAt!)).toBeGreaterThan(Date.now());
});

test('a failing carrier shows "unavailable" with a working retry; the other stays priced and choosable', async ({ page }) => {
  const heal = await faultCarrier(page, 'nova-poshta', 'status=503');
  const faulted = faultedAnswer(page, 'nova-poshta', 'status=503');
  await page.goto(BORDER + BOX);
  await faulted;
  const ua = uaRow(page);
  await ua.scrollIntoViewIfNeeded();
  await expect(ua).toContainText('Стоимость недоступна');
  const ru = ruRow(page);
  await ru.scrollIntoViewIfNeeded();
  await expect(ru).toContainText(/₽/);

  await heal();
  await page.getByRole('button', { name: 'Повторить' }).first().click();
  await ua.scrollIntoViewIfNeeded();
  await expect(ua).toContainText(/₴/);

  await ru.click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Выбран' }).first()).toBeVisible();
});

test('a 5 s slow carrier does not delay the other carrier\'s prices', async ({ page }) => {
  await faultCarrier(page, 'nova-poshta', 'latency=5000');
  await page.goto(BORDER + BOX);
  const ru = ruRow(page);
  await ru.scrollIntoViewIfNeeded();
  const t0 = Date.now();
  await expect(ru).toContainText(/₽/, { timeout: 4000 });
  expect(Date.now() - t0).toBeLessThan(4000);
  const ua = uaRow(page);
  await ua.scrollIntoViewIfNeeded();
  // Still waiting (or over the carrier's time budget): never a price faster than the injected latency.
  await expect(ua).not.toContainText(/₴/);
});

test('a parcel too heavy for lockers: greyed with the reason, cannot be chosen, hidden by "Только подходящие"', async ({ page }) => {
  await page.goto(`${BORDER}&parcel-weight=25000&parcel-size=40x30x30`);
  const locker = list(page).getByRole('option', { name: /Постамат|Поштомат/ }).first();
  await locker.scrollIntoViewIfNeeded();
  await expect(locker).toHaveAttribute('aria-disabled', 'true');
  await expect(locker).toContainText(/Посылка слишком тяжёлая для этого постамата: макс\. 20 кг/);
  await locker.click({ force: true }); // aria-disabled: Playwright would wait for "enabled"
  await expect(page.getByRole('button', { name: 'Выбрать этот пункт' })).toBeDisabled();
  await page.getByRole('button', { name: 'Все пункты' }).click();

  await page.getByRole('button', { name: 'Только подходящие' }).click();
  await expect(list(page).getByRole('option', { name: /слишком тяжёлая/ })).toHaveCount(0);
  await expect(list(page).getByRole('option').first()).toBeVisible();
});

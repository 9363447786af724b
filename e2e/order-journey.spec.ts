// The buyer's whole journey inside <branch-picker order>, keyboard only, on a shop page under the strictest
// CSP: find a point in the list -> details -> choose -> recipient -> review -> one confirm -> `bp-order`
// (and the form carries the order id) -> "Track parcel" opens <bp-tracking> with the order's status.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cspViolations, deepActiveElement, events, openHostPage, pointsList, recordEvents } from './support.js';

const ORDER_ATTRS = 'tile-url="none" lang="en" order config-id="demo" parcel-weight="1200" parcel-size="30x20x10" origin="RU:101000" '
  + 'track-url="/widget/track.html#order={orderId}&token={token}"';

interface OrderDetail { orderId: string; orderNumber: string; status: string; token: string; quote: { pointId: string } }

async function tabTo(page: Page, re: RegExp): Promise<void> {
  for (let i = 0; i < 50 && !re.test(await deepActiveElement(page)); i++) await page.keyboard.press('Tab');
  expect(await deepActiveElement(page)).toMatch(re);
}

test('keyboard only: choose a point, give the recipient, confirm once, get bp-order, follow the parcel', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/orders')) posts.push(r.url()); });
  await recordEvents(page);
  await openHostPage(page, ORDER_ATTRS);
  await expect(pointsList(page, 'Points').getByRole('option').first()).toBeVisible({ timeout: 20_000 });

  await page.locator('body').focus();
  await tabTo(page, /role=listbox|role=option/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(page, /Choose this point/);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);

  // The step replaces the details and takes focus; the picker stays open for it.
  const step = page.locator('branch-picker bp-order-step');
  await expect(step.getByRole('heading', { name: 'Recipient' })).toBeFocused({ timeout: 15_000 });
  expect(await new AxeBuilder({ page }).include('branch-picker').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Анна');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Иванова');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+7 912 345-67-89');
  await page.keyboard.press('Enter');
  await expect(step.getByRole('heading', { name: 'Check your order' })).toBeVisible();
  await tabTo(page, /Confirm order/);
  // Enter twice: one order.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(step.getByRole('heading', { name: 'Order placed' })).toBeVisible({ timeout: 20_000 });
  expect(posts).toHaveLength(1);

  const orders = await events(page, 'bp-order');
  expect(orders).toHaveLength(1);
  const detail = orders[0]!.detail as OrderDetail;
  const [change] = await events(page, 'bp-change');
  expect(detail.quote.pointId).toBe((change!.detail as { branch: { id: string } }).branch.id);
  expect(detail.status).toBe('created');
  expect(detail.token.length).toBeGreaterThanOrEqual(16);
  const form = await page.evaluate(() => Object.fromEntries(new FormData(document.querySelector('form')!)));
  expect(form).toEqual({ pickup_point: detail.quote.pointId, pickup_point_order: detail.orderId });
  // The order really exists, with what the buyer typed.
  const saved = await page.request.get(`/api/v1/orders/${detail.orderId}`, { headers: { Authorization: `Bearer ${detail.token}` } });
  expect(await saved.json()).toMatchObject({ id: detail.orderId, recipient: { givenName: 'Анна', surname: 'Иванова' } });
  expect(await new AxeBuilder({ page }).include('branch-picker').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);

  await tabTo(page, /Track parcel/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/widget/track.html#order=${detail.orderId}&token=`));
  // The tracking element reads the order with its token: the carrier, the status and the chosen point.
  const tracking = page.locator('bp-tracking');
  const pointName = (change!.detail as { branch: { name: string } }).branch.name;
  await expect(tracking.getByRole('region', { name: 'Отслеживание посылки' })).toBeVisible({ timeout: 15_000 });
  await expect(tracking.getByText(pointName, { exact: true })).toBeVisible();
});

test('without config-id the order step stays off and says why, the picker still works', async ({ page }) => {
  await recordEvents(page);
  await openHostPage(page, 'tile-url="none" lang="en" order parcel-weight="1200" parcel-size="30x20x10" origin="RU:101000"');
  await pointsList(page, 'Points').getByRole('option').first().click({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Choose this point' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const errs = (await events(page, 'bp-error')).map((e) => e.detail as { field?: string; message: string });
  expect(errs).toContainEqual(expect.objectContaining({ field: 'order', message: expect.stringContaining('config-id') }));
  await expect(page.locator('branch-picker bp-order-step')).toHaveCount(0);
});

test('a changed price: the order API answers 409 with the fresh quote, the buyer sees it and confirms again', async ({ page }) => {
  await recordEvents(page);
  // The buyer saw an older, lower price: the first POST carries a quote 50 below what the carrier charges now.
  const bodies: Array<{ quote?: { total: number } }> = [];
  await page.route('**/api/v1/orders', async (route) => {
    const body = route.request().postDataJSON() as { quote?: { total: number } };
    if (bodies.length === 0 && body.quote) body.quote.total -= 5_000;
    bodies.push(body);
    await route.continue({ postData: JSON.stringify(body) });
  });
  await openHostPage(page, ORDER_ATTRS);
  await pointsList(page, 'Points').getByRole('option').first().click({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Choose this point' }).click();
  const step = page.locator('branch-picker bp-order-step');
  await step.getByLabel('First name').fill('Анна', { timeout: 15_000 });
  await step.getByLabel('Surname').fill('Иванова');
  await step.getByLabel('Phone').fill('+7 912 345-67-89');
  await step.getByRole('button', { name: 'Continue' }).click();
  await step.getByRole('button', { name: /Confirm order/ }).click();

  const alert = step.getByRole('alert');
  await expect(alert).toContainText('The delivery price has changed', { timeout: 20_000 });
  expect(await events(page, 'bp-order')).toHaveLength(0);
  await step.getByRole('button', { name: /Confirm the new price/ }).click();
  await expect(step.getByRole('heading', { name: 'Order placed' })).toBeVisible({ timeout: 20_000 });
  expect(bodies).toHaveLength(2);
  // The second attempt carries the fresh price, and the order is placed at it.
  const [order] = await events(page, 'bp-order');
  expect((order!.detail as { quote: { total: number } }).quote.total).toBe(bodies[1]!.quote!.total);
  expect(bodies[1]!.quote!.total).toBe(bodies[0]!.quote!.total + 5_000);
});

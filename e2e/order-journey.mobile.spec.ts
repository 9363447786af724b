// The order journey on a 360x740 touch screen: tap a point, choose it, fill the recipient, confirm once,
// and the page gets bp-order. Nothing overflows the phone's width at any step.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cspViolations, events, openHostPage, pointsList, recordEvents } from './support.js';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const ATTRS = 'tile-url="none" lang="en" order config-id="demo" parcel-weight="800" parcel-size="20x15x10" origin="RU:101000"';

async function noOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('360x740 touch: choose, recipient, one confirm, bp-order', async ({ page }, info) => {
  await recordEvents(page);
  await openHostPage(page, ATTRS);
  await pointsList(page, 'Points').getByRole('option').first().tap({ timeout: 20_000 });
  const choose = page.getByRole('button', { name: 'Choose this point' });
  await choose.scrollIntoViewIfNeeded();
  await choose.tap();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);

  const step = page.locator('branch-picker bp-order-step');
  await expect(step.getByRole('heading', { name: 'Recipient' })).toBeVisible({ timeout: 15_000 });
  await noOverflow(page);
  await page.screenshot({ path: info.outputPath('order-form-360.png') });
  await step.getByLabel('First name').fill('Олег');
  await step.getByLabel('Surname').fill('Петров');
  // A Ukrainian number for a Russian point is refused next to the field, and what was typed stays.
  await step.getByLabel('Phone').fill('+380 67 123 4567');
  await step.getByRole('button', { name: 'Continue' }).tap();
  await expect(step.getByText(/Phone: needs a Russian number/)).toBeVisible();
  await expect(step.getByLabel('First name')).toHaveValue('Олег');
  await step.getByLabel('Phone').fill('+7 916 000-11-22');
  await step.getByRole('button', { name: 'Continue' }).tap();
  await expect(step.getByRole('heading', { name: 'Check your order' })).toBeVisible();
  await noOverflow(page);
  await page.screenshot({ path: info.outputPath('order-review-360.png') });
  expect(await new AxeBuilder({ page }).include('branch-picker').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  const confirm = step.getByRole('button', { name: /Confirm order/ });
  await confirm.scrollIntoViewIfNeeded();
  await confirm.tap();
  await expect(step.getByRole('heading', { name: 'Order placed' })).toBeVisible({ timeout: 20_000 });
  await noOverflow(page);
  await page.screenshot({ path: info.outputPath('order-done-360.png') });
  const orders = await events(page, 'bp-order');
  expect(orders).toHaveLength(1);
  expect((orders[0]!.detail as { status: string }).status).toBe('created');
  expect(await cspViolations(page)).toEqual([]);
});

// Zero axe violations in every state: loading, results, empty, error, selected, modal.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, pointsList } from './support.js';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('branch-picker').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('results', async ({ page }) => {
  await openPlayground(page);
  expect(await violations(page)).toEqual([]);
});

test('loading', async ({ page }) => {
  // The points stay pending until the scan is done, however slow the machine: no timed sleep.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/v1/points?**', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto('/widget/?tile-url=none');
  await expect(page.locator('branch-picker').locator('[aria-busy=true]').first()).toBeAttached();
  // The widget's own 10 s request timeout still ends this state on a very slow machine; a fake clock
  // cannot stop it, because axe needs real timers.
  expect(await violations(page)).toEqual([]);
  release();
});

test('empty', async ({ page }) => {
  await page.route('**/api/v1/points?**', (route) => route.fulfill({ json: { total: 0, items: [], facets: { type: {}, carrier: {}, payment: {} } } }));
  await page.goto('/widget/?tile-url=none');
  await expect(page.getByRole('status').filter({ hasText: /пунктов нет/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('error', async ({ page }) => {
  await page.route('**/api/v1/points?**', (route) => route.fulfill({ status: 500, json: { error: 'boom' } }));
  await page.goto('/widget/?tile-url=none');
  await expect(page.getByRole('button', { name: 'Повторить' }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('details and selected', async ({ page }) => {
  await openPlayground(page);
  await pointsList(page).getByRole('option').first().click();
  await expect(page.getByRole('button', { name: 'Выбрать этот пункт' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect(page.locator('branch-picker').getByText('Выбран', { exact: false }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('modal open', async ({ page }) => {
  await page.goto('/widget/?tile-url=none&mode=modal');
  // Scan the closed state only once the opener is rendered, or axe sees an empty element.
  const opener = page.getByRole('button', { name: 'Выбрать пункт выдачи' });
  await expect(opener).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await opener.click();
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

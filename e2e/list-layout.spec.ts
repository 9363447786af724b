// layout="list": no map at all; search moves the list itself.
import { expect, test } from '@playwright/test';
import { openPlayground, parseDistance, pointsList } from './support.js';

test('a point picked from search brings the list to it: back from its details shows its neighbours', async ({ page }) => {
  // A point in Kyiv, found by its postcode (the list starts in Moscow, 750 km away).
  const res = await page.request.get('/api/v1/points?bbox=30.40,50.40,30.65,50.50&near=50.45,30.52&limit=1');
  const [kyiv] = ((await res.json()) as { items: { id: string; name: string; address: { postcode: string } }[] }).items;
  expect(kyiv?.address.postcode).toBeTruthy();

  await openPlayground(page, { layout: 'list' });
  await expect(page.locator('branch-picker').locator('.leaflet-container')).toHaveCount(0);
  const search = page.getByRole('combobox', { name: 'Поиск' });
  await search.fill(kyiv!.address.postcode);
  const suggestion = page.getByRole('listbox', { name: 'Подсказки' }).getByRole('option', { name: kyiv!.name }).first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page.getByRole('heading', { name: kyiv!.name })).toBeVisible();

  await page.getByRole('button', { name: 'Все пункты' }).click();
  const first = pointsList(page).getByRole('option').first();
  await expect(first).toContainText('Київ');
  // Nearest first, measured from the picked point: the list is around it, not around Moscow.
  await expect.poll(async () => parseDistance(await pointsList(page).locator('.dist').first().textContent() ?? '')).toBeLessThan(5_000);
  await expect(pointsList(page).getByRole('option', { name: new RegExp(kyiv!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first()).toBeVisible();
});

// Removing, moving and re-adding the element leaks nothing and never throws
// "Map container is already initialized".
import { expect, test } from '@playwright/test';
import { openPlayground, pointsList } from './support.js';

test('reparenting and re-adding keeps one working map', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openPlayground(page);
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => {
      const picker = document.querySelector('branch-picker')!;
      const other = document.createElement('div');
      document.body.append(other);
      other.append(picker); // move
      picker.remove(); // detach
      document.querySelector('fieldset')!.append(picker); // and back
    });
  }
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  const maps = await page.locator('branch-picker').evaluate((el) => el.shadowRoot!.querySelectorAll('.leaflet-container').length);
  expect(maps).toBe(1);
  await expect.poll(() => page.locator('branch-picker').evaluate((el) => el.shadowRoot!.querySelectorAll('.leaflet-marker-icon').length)).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});

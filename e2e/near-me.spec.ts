// "Near me": uses the browser's geolocation when allowed and says clearly when it is not.
import { expect, test } from '@playwright/test';
import { openPlayground, pointsList } from './support.js';

test.describe('allowed', () => {
  test.use({ geolocation: { latitude: 59.9386, longitude: 30.3141 }, permissions: ['geolocation'] });

  test('moves the map and the list to the buyer', async ({ page }) => {
    await openPlayground(page); // starts in Moscow
    await expect(pointsList(page).getByRole('option').first()).toContainText('Москва');
    await page.getByRole('button', { name: 'Рядом со мной' }).click();
    await expect(pointsList(page).getByRole('option').first()).toContainText('Санкт-Петербург');
  });
});

test.describe('denied', () => {
  test.use({ permissions: [] });

  test('says so and leaves the list usable', async ({ page, context }) => {
    await context.clearPermissions();
    await openPlayground(page);
    await page.getByRole('button', { name: 'Рядом со мной' }).click();
    // The denial message itself, not the generic failure: the buyer needs to know it is a permission.
    await expect(page.locator('branch-picker').getByText(/Доступ к местоположению запрещён/).first()).toBeVisible();
    await expect(page.locator('branch-picker').getByText(/Не удалось определить местоположение/)).toHaveCount(0);
    await expect(pointsList(page).getByRole('option').first()).toContainText('Москва');
  });
});

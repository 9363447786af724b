// The site owner's constructor: live preview, validation that loses nothing, save, snippet.
import { expect, test } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.goto('/constructor/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
});

test('the preview follows the settings and the snippet carries them with an SRI hash', async ({ page }) => {
  const preview = page.locator('branch-picker');
  await expect(preview.getByRole('option').first()).toBeVisible();
  await page.getByRole('radio', { name: 'List only' }).check();
  await expect(preview.getByRole('region', { name: /Карта|Map/ })).toHaveCount(0);
  await expect(preview.getByRole('option').first()).toBeVisible();

  const snippet = page.locator('pre, code, textarea').filter({ hasText: '<branch-picker' }).first();
  await expect(snippet).toContainText('layout="list"');
  await expect(snippet).toContainText(/integrity="sha384-[A-Za-z0-9+/=]{64}"/);
  // The hash in the snippet is the one of the file the snippet points at.
  const integrity = await (await page.request.get('/widget/dist/integrity.json')).json() as { files: Record<string, string> };
  await expect(snippet).toContainText(integrity.files['branch-picker.js']!);
});

test('a bad value names the field, keeps what was typed, and the preview keeps the last good config', async ({ page }) => {
  const zoom = page.getByRole('textbox', { name: 'Zoom' });
  await page.getByRole('radio', { name: 'List only' }).check();
  await zoom.fill('40');
  await expect(zoom).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Zoom: must be a whole number from 2 to 19/)).toBeVisible();
  await expect(page.locator('branch-picker').getByRole('option').first()).toBeVisible();

  // Nothing already entered is lost on reload, not even the invalid text.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Zoom' })).toHaveValue('40');
  await expect(page.getByRole('radio', { name: 'List only' })).toBeChecked();
});

test('save, then load the saved config by id in the widget', async ({ page }) => {
  await page.getByRole('radio', { name: 'List only' }).check();
  await page.getByRole('combobox', { name: 'Widget language' }).selectOption('en');
  await page.getByRole('button', { name: /Save configuration/ }).click();
  const saved = page.getByText(/Config id: cfg_/);
  await expect(saved).toBeVisible();
  const id = (await saved.textContent())!.match(/cfg_[\w-]+/)![0];

  const stored = await (await page.request.get(`/api/v1/configs/${id}`)).json() as { layout?: string; lang?: string };
  expect(stored).toMatchObject({ layout: 'list', lang: 'en' });

  await page.goto(`/widget/?config-id=${id}&tile-url=none`);
  await expect(page.getByRole('listbox', { name: 'Points' }).getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map of points' })).toHaveCount(0);
});

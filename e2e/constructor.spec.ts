// The site owner's constructor: live preview, validation that loses nothing, save, snippet.
import { createHash } from 'node:crypto';
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
  // The hash in the snippet is sha384 of the bytes of the file the snippet points at, as a browser checks it.
  const tag = /<script src="([^"]+)" integrity="(sha384-[^"]+)"/.exec((await snippet.textContent()) ?? '');
  expect(tag, 'a script tag with src and integrity').not.toBeNull();
  const [, src, integrity] = tag!;
  expect(new URL(src!, page.url()).pathname).toBe('/widget/dist/branch-picker.js');
  const file = await page.request.get('/widget/dist/branch-picker.js');
  expect(file.ok()).toBe(true);
  expect(integrity).toBe(`sha384-${createHash('sha384').update(await file.body()).digest('base64')}`);
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

test('share link: another browser opens the same settings; a bad field is named and the rest kept', async ({ page, browser }) => {
  await page.getByRole('radio', { name: 'List only' }).check();
  await page.getByRole('combobox', { name: 'Widget language' }).selectOption('uk');
  await page.getByRole('textbox', { name: 'Zoom' }).fill('12');
  const link = page.getByRole('textbox', { name: 'Link to these settings' });
  await expect(link).toHaveValue(/#config=[A-Za-z0-9_-]+$/);
  const url = await link.inputValue();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  await expect(fresh.getByRole('radio', { name: 'List only' })).toBeChecked();
  await expect(fresh.getByRole('combobox', { name: 'Widget language' })).toHaveValue('uk');
  await expect(fresh.getByRole('textbox', { name: 'Zoom' })).toHaveValue('12');
  await expect(fresh.getByText('Opened the settings from a shared link.')).toBeVisible();

  // A hand-edited link: zoom out of range, everything else good.
  const bad = Buffer.from(JSON.stringify({ layout: 'map', zoom: 40, lang: 'en' })).toString('base64url');
  await fresh.goto(`/constructor/#config=${bad}`);
  await expect(fresh.getByText(/except these fields.*: Zoom\./)).toBeVisible();
  await expect(fresh.getByRole('radio', { name: 'Map only' })).toBeChecked();
  await expect(fresh.getByRole('combobox', { name: 'Widget language' })).toHaveValue('en');
  await expect(fresh.getByRole('textbox', { name: 'Zoom' })).toHaveValue('');
  // The draft the link replaced is one click away.
  await fresh.getByRole('button', { name: 'Back to my previous draft' }).click();
  await expect(fresh.getByRole('radio', { name: 'List only' })).toBeChecked();
  await other.close();
});

test('reset to defaults asks first, keeps the saved config on the server, and can be undone', async ({ page }) => {
  await page.getByRole('radio', { name: 'List only' }).check();
  await page.getByRole('button', { name: /Save configuration/ }).click();
  const id = ((await page.getByText(/Config id: cfg_/).textContent()) ?? '').match(/cfg_[\w-]+/)![0];

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  const dialog = page.getByRole('dialog', { name: /Reset every setting/ });
  await expect(dialog).toContainText(`(${id}) is not changed`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('radio', { name: 'List only' })).toBeChecked();

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Map and list' })).toBeChecked();
  const stored = await (await page.request.get(`/api/v1/configs/${id}`)).json() as { layout?: string };
  expect(stored.layout).toBe('list');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('radio', { name: 'List only' })).toBeChecked();
});

test('preview at phone width, with the widget\'s events listed newest first', async ({ page }) => {
  await page.getByRole('radio', { name: 'List only' }).check();
  await page.getByRole('radio', { name: 'Phone (360 px)' }).check();
  const preview = page.locator('branch-picker');
  await expect(preview.getByRole('option').first()).toBeVisible();
  expect(Math.round((await preview.boundingBox())!.width)).toBe(360);
  const log = page.getByRole('list', { name: 'Widget events' });
  await expect(log.getByRole('listitem').filter({ hasText: 'bp-ready' }).first()).toBeVisible();

  // The name is read from the details of the row actually clicked: the list may still re-sort under the cursor.
  await preview.getByRole('option').first().click();
  const name = ((await preview.locator('#bp-details-title').textContent()) ?? '').trim().slice(0, 12);
  await preview.getByRole('button', { name: /Выбрать этот пункт|Choose this point|Обрати цей пункт/ }).click();
  await expect(log.getByRole('listitem').first()).toContainText('bp-change');
  await expect(log.getByRole('listitem').first()).toContainText(name);
  await expect(log.getByRole('listitem').nth(1)).toContainText('bp-select');
  await page.getByRole('radio', { name: 'Desktop' }).check();
  expect((await preview.boundingBox())!.width).toBeGreaterThan(500);
});

test('the interface in Russian and Ukrainian, kept across a reload; the widget language stays its own field', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Настройки', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const zoom = page.getByRole('textbox', { name: 'Масштаб' });
  await zoom.fill('40');
  await expect(page.getByText('Масштаб: должно быть целым числом от 2 до 19')).toBeVisible();
  // "Automatic" follows the page, so the preview now speaks Russian too...
  await expect(page.locator('branch-picker').getByRole('listbox', { name: 'Пункты' })).toBeVisible();
  // ...until the widget's own language is set.
  await page.getByRole('combobox', { name: 'Язык виджета' }).selectOption('en');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Форма заказа' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Язык виджета' })).toHaveValue('en');
  await expect(page.locator('branch-picker').getByRole('listbox', { name: 'Points' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Язык интерфейса' }).selectOption('uk');
  await expect(page.getByRole('heading', { name: 'Налаштування', exact: true })).toBeVisible();
  await expect(page.getByText('Масштаб: має бути цілим числом від 2 до 19')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Скинути налаштування' })).toBeVisible();
});

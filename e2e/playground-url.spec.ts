// The playground's controls write their values into the URL (history.replaceState): a developer who sets the widget
// up by hand can reload the page or share the link and get the same setup back. Defaults stay out of the URL.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, pointsList } from './support.js';

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

test('language, layout and the order switch, set with the keyboard, go into the URL and come back on reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page);
  const historyLength = await page.evaluate(() => history.length);
  const lang = page.getByRole('combobox', { name: 'Язык' });
  const layout = page.getByRole('combobox', { name: 'Раскладка' });
  const orderSwitch = page.getByRole('switch', { name: 'Шаг заказа' });

  await lang.focus();
  await page.keyboard.press('ArrowDown'); // ru -> uk
  await page.keyboard.press('ArrowDown'); // uk -> en
  await expect(lang).toHaveValue('en');
  await layout.focus();
  await page.keyboard.press('ArrowDown'); // both -> map
  await page.keyboard.press('ArrowDown'); // map -> list
  await expect(layout).toHaveValue('list');
  await orderSwitch.focus();
  await page.keyboard.press('Space');
  await expect(orderSwitch).toBeChecked();

  // The switch chose the first parcel preset: the URL carries it as the deep link reads it.
  expect(query(page)).toEqual({
    'tile-url': 'none',
    lang: 'en',
    layout: 'list',
    order: '1',
    'parcel-weight': '1200',
    'parcel-size': '30x20x10',
  });
  expect(await page.evaluate(() => history.length)).toBe(historyLength); // replaced, not pushed

  await page.reload();
  await expect(pointsList(page, 'Points').getByRole('option').first()).toBeVisible();
  await expect(lang).toHaveValue('en');
  await expect(layout).toHaveValue('list');
  await expect(orderSwitch).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Посылка' })).toHaveValue('1200|30x20x10');
  const picker = page.locator('branch-picker');
  await expect(picker).toHaveAttribute('lang', 'en');
  await expect(picker).toHaveAttribute('layout', 'list');
  await expect(picker).toHaveAttribute('order', '');
  await expect(picker).toHaveAttribute('parcel-weight', '1200');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(errors).toEqual([]);
});

test('controls set back to their defaults leave a URL without a query string', async ({ page }) => {
  // The default basemap is OpenStreetMap's: no internet here, so its tiles fail fast and the picker falls back.
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
  await openPlayground(page, { lang: 'en', width: '800' });
  const lang = page.getByRole('combobox', { name: 'Язык' });
  const basemap = page.getByRole('combobox', { name: 'Подложка' });
  const width = page.getByRole('slider', { name: 'Ширина' });
  await expect(lang).toHaveValue('en');
  await expect(basemap).toHaveValue('none');
  await expect(width).toHaveValue('800');
  await expect(page.locator('branch-picker')).toHaveCSS('max-width', '800px');

  await lang.focus();
  await page.keyboard.press('ArrowUp'); // en -> uk
  expect(query(page)).toEqual({ 'tile-url': 'none', lang: 'uk', width: '800' });
  await page.keyboard.press('ArrowUp'); // uk -> ru, the default
  await basemap.focus();
  await page.keyboard.press('ArrowUp'); // none -> OpenStreetMap, the default
  await width.focus();
  await page.keyboard.press('End'); // 1200, the default
  await expect(width).toHaveValue('1200');
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).pathname).toBe('/widget/');

  await page.reload();
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  await expect(lang).toHaveValue('ru');
  await expect(basemap).toHaveValue('');
  await expect(page.locator('branch-picker')).not.toHaveAttribute('lang', /./);
});

// When things fail: a clear message, a retry that works, no frozen spinner, no blank box.
// Failures are injected per page with page.route so parallel tests never see each other's faults.
import { expect, test } from '@playwright/test';
import { events, openPlayground, pointsList, recordEvents } from './support.js';

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

test('API down: the list says so, Retry works once the API is back', async ({ page }) => {
  let down = true;
  await page.route('**/api/v1/points?**', (route) => (down ? route.fulfill({ status: 503, body: '{"error":"down"}', contentType: 'application/json' }) : route.fallback()));
  await page.goto('/widget/?tile-url=none');
  const retry = page.getByRole('button', { name: 'Повторить' }).first();
  await expect(retry).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /не удалось|Не удалось|ошибк/i })).toBeVisible();
  const errors = await events(page, 'bp-error');
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]!.detail).toMatchObject({ code: expect.stringMatching(/http|network/) });

  down = false;
  await retry.click();
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
});

test('a dropped connection is an error with a retry, not an endless spinner', async ({ page }) => {
  await page.route('**/api/v1/points?**', (route) => route.abort('connectionreset'));
  await page.goto('/widget/?tile-url=none');
  await expect(page.getByRole('button', { name: 'Повторить' }).first()).toBeVisible();
  await expect(page.locator('branch-picker').locator('[aria-busy=true]')).toHaveCount(0);
});

test('one malformed record is dropped, the good ones are still listed', async ({ page }) => {
  let total = 0;
  await page.route('**/api/v1/points?**', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { total: number; items: Array<Record<string, unknown>> };
    total = body.items.length;
    body.items[0] = { ...body.items[0], lat: 'north', hours: 'always' };
    await route.fulfill({ response, json: body });
  });
  await page.goto('/widget/?tile-url=none');
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  expect(total).toBeGreaterThan(1);
  await expect(pointsList(page).getByRole('option')).toHaveCount(total - 1);
});

test('a malformed body is reported, not rendered', async ({ page }) => {
  await page.route('**/api/v1/points?**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"total": 3, "items": [' }));
  await page.goto('/widget/?tile-url=none');
  await expect(page.getByRole('button', { name: 'Повторить' }).first()).toBeVisible();
  const errors = await events(page, 'bp-error');
  expect(errors.some((e) => (e.detail as { code: string }).code === 'bad-response')).toBe(true);
});

test('no map tiles: the built-in basemap keeps it a map, and the list still works', async ({ page }) => {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/widget/?zoom=5&center=55.7558,37.6173'); // default tile-url: OpenStreetMap, unreachable here
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  const map = page.getByRole('region', { name: 'Карта пунктов' });
  await expect(map).toContainText('Упрощённая карта');
  // The built-in basemap is drawn: land, coast and borders give at least two distinct colours over its canvas tiles.
  await expect.poll(() => page.locator('branch-picker').evaluate((el) => {
    const colours = new Set<number>();
    for (const canvas of el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('.leaflet-bp-basemap-pane canvas')) {
      if (!canvas.width) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4 * 97) if (data[i + 3]! > 0) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return colours.size;
  }), { timeout: 20_000 }).toBeGreaterThan(1);
});

test('a bad attribute is reported by name and the widget falls back to the default', async ({ page }) => {
  await page.goto('/widget/?tile-url=none&zoom=99&layout=sideways');
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  const fields = (await events(page, 'bp-error')).map((e) => (e.detail as { code: string; field?: string }));
  expect(fields).toEqual(expect.arrayContaining([
    expect.objectContaining({ code: 'invalid-attribute', field: 'zoom' }),
    expect.objectContaining({ code: 'invalid-attribute', field: 'layout' }),
  ]));
  await expect(page.getByRole('region', { name: 'Карта пунктов' })).toBeVisible();
});

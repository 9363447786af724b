// The script-tag file with tile-url="none" on a host page under a strict CSP: the built-in basemap
// is a separate file (branch-picker.basemap.js) injected on demand with SRI. It must load under
// `script-src 'self'` and draw land and sea; when it cannot load, the map keeps a plain
// background and the points stay choosable, with no uncaught error.
import { expect, test, type Page } from '@playwright/test';
import { cspViolations, events, openHostPage, pointsList, recordEvents } from './support.js';

const BASEMAP = '**/widget/dist/branch-picker.basemap.js';

/** Distinct opaque colours sampled from the basemap's canvas tiles (0 while nothing is drawn). */
function basemapColours(page: Page): Promise<number> {
  return page.locator('branch-picker').evaluate((el) => {
    const colours = new Set<number>();
    for (const canvas of el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('.leaflet-bp-basemap-pane canvas')) {
      if (!canvas.width) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4 * 97) if (data[i + 3]! > 0) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return colours.size;
  });
}

test('tile-url="none": the on-demand basemap file loads under the strict CSP with SRI and is drawn', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const loaded: string[] = [];
  page.on('response', (r) => { if (r.url().includes('/widget/dist/')) loaded.push(new URL(r.url()).pathname); });
  await openHostPage(page, 'tile-url="none" zoom="5" center="55.7558,37.6173"');
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  await expect.poll(() => basemapColours(page)).toBeGreaterThan(1);
  expect(loaded.filter((p) => p.endsWith('/branch-picker.basemap.js'))).toHaveLength(1);
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('basemap file unreachable: plain background, the list still works, no uncaught error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await recordEvents(page);
  let requested = 0;
  await page.route(BASEMAP, (route) => { requested++; return route.fulfill({ status: 404, body: 'gone' }); });
  await openHostPage(page, 'tile-url="none" zoom="5" center="55.7558,37.6173"');
  const first = pointsList(page).getByRole('option').first();
  await expect(first).toBeVisible();
  await expect.poll(() => requested).toBeGreaterThan(0);
  await first.click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  expect(await basemapColours(page)).toBe(0);
  expect(errors).toEqual([]);
});

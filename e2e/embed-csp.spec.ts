// A plain host page that embeds only the script-tag file under a strict CSP (served with a
// real Content-Security-Policy header): no inline script or style, no eval, own origin only.
import { expect, test } from '@playwright/test';
import { cspViolations, deepActiveElement, events, openHostPage, pointsList, recordEvents } from './support.js';

test('the script-tag build works under a strict CSP, registered twice without throwing', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await recordEvents(page);
  await openHostPage(page);
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Карта пунктов' })).toBeVisible();

  // Styles applied (adopted stylesheets are allowed by style-src 'self'): Leaflet's own CSS
  // positions its panes, and the widget's styles give the host a reserved height.
  const styled = await page.locator('branch-picker').evaluate((el) => ({
    pane: getComputedStyle(el.shadowRoot!.querySelector('.leaflet-map-pane')!).position,
    height: el.getBoundingClientRect().height,
  }));
  expect(styled.pane).toBe('absolute');
  expect(styled.height).toBeGreaterThan(300);

  await pointsList(page).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const id = await page.evaluate(() => String(new FormData(document.querySelector('form')!).get('pickup_point')));
  const [change] = await events(page, 'bp-change');
  expect(id).toBe((change!.detail as { branch: { id: string } }).branch.id);

  expect(await cspViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('keyboard only on the strict-CSP host page', async ({ page }) => {
  await recordEvents(page);
  await openHostPage(page);
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  await page.locator('body').focus();
  const tabTo = async (re: RegExp) => {
    for (let i = 0; i < 40 && !re.test(await deepActiveElement(page)); i++) await page.keyboard.press('Tab');
    expect(await deepActiveElement(page)).toMatch(re);
  };
  await tabTo(/role=listbox|role=option/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(/Выбрать этот пункт/);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  await tabTo(/^button Pay/);
  const [change] = await events(page, 'bp-change');
  const id = (change!.detail as { branch: { id: string } }).branch.id;
  await page.evaluate(() => document.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    (window as unknown as { __submitted: string }).__submitted = String(new FormData(e.target as HTMLFormElement).get('pickup_point'));
  }));
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __submitted?: string }).__submitted)).toBe(id);
  expect(await cspViolations(page)).toEqual([]);
});

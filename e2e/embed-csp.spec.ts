// A plain host page that embeds only the script-tag file under a strict CSP (served with a
// real Content-Security-Policy header): no inline script or style, no eval, own origin only.
import { expect, test } from '@playwright/test';
import { events, pointsList, recordEvents } from './support.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const HOST_PAGE = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Shop checkout</title>
<script src="/widget/dist/branch-picker.js"></script>
<script src="/widget/dist/branch-picker.js"></script>
</head><body>
<h1>Checkout</h1>
<form id="f" action="/never">
  <branch-picker name="pickup_point" tile-url="none" required></branch-picker>
  <button type="submit">Pay</button>
</form>
</body></html>`;

test('the script-tag build works under a strict CSP, registered twice without throwing', async ({ page }) => {
  const violations: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await recordEvents(page);
  await page.route('**/shop/checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: HOST_PAGE,
  }));
  await page.goto('/shop/checkout.html');
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

  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(await page.evaluate(() => customElements.get('branch-picker') !== undefined)).toBe(true);
});

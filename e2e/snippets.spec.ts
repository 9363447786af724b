// Every runnable snippet, taken from the constructor's own UI and pasted into a blank page served
// by the test: plain HTML (pinned file with SRI), the ES module (npm import resolved by an import
// map, as a bundler would), the checkout form (hidden fields) and the CSP header (sent for real).
// React and Vue cannot run here (no network, neither is installed): their text is unit-tested
// in constructor/src/snippet-extra.test.ts.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { events, pointsList, recordEvents } from './support.js';

const NODE_MODULES = join(import.meta.dirname, '..', 'node_modules');

/** Configure a quick widget (list only, built-in basemap) and read one snippet from its tab. */
async function snippetFromConstructor(page: Page, tab: string, blockId: string): Promise<string> {
  await page.goto('/constructor/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('radio', { name: 'List only' }).check();
  await page.getByRole('textbox', { name: 'Tile URL' }).fill('none');
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const pre = page.locator(`#code-${blockId}`);
  await expect(pre).toBeVisible();
  await expect(pre).toContainText(blockId === 'csp' ? "'sha256-" : /\S/);
  return (await pre.textContent()) ?? '';
}

async function serve(page: Page, path: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  await page.route(`**${path}`, (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    body: `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><title>Shop</title></head><body>\n${body}\n</body></html>`,
  }));
}

async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

async function choosePoint(page: Page): Promise<{ id: string; carrier: string; addressLine: string }> {
  await pointsList(page).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const [change] = await events(page, 'bp-change');
  return (change!.detail as { branch: { id: string; carrier: string; addressLine: string } }).branch;
}

test('plain HTML: the pinned script with its integrity hash loads and bp-change reaches the snippet\'s listener', async ({ page }) => {
  const snippet = await snippetFromConstructor(page, 'HTML', 'html');
  expect(snippet).toMatch(/integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"/);
  expect(snippet).toMatch(/<!-- branch-picker \d+\.\d+\.\d+/);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  await recordEvents(page);
  await serve(page, '/shop/plain.html', snippet);
  await page.goto('/shop/plain.html');
  const branch = await choosePoint(page);
  expect(branch.id).toBeTruthy();
  await expect.poll(() => logged.some((l) => l.startsWith('Branch chosen:'))).toBe(true);
  expect(errors).toEqual([]);
});

test('ES module: `import \'branch-picker/define\'` resolved to the served ESM build registers the element', async ({ page }) => {
  const element = await snippetFromConstructor(page, 'ES module', 'element');
  const module = (await page.locator('#code-module').textContent()) ?? '';
  expect(module.startsWith("import 'branch-picker/define';")).toBe(true);
  expect(await page.locator('#code-install').textContent()).toMatch(/^npm i branch-picker@\d+\.\d+\.\d+$/);
  // What a bundler does with the bare specifiers: the package's exports and its two dependencies.
  await page.route('**/vendor/**', async (route) => {
    const rel = normalize(decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/vendor\//, '')));
    if (rel.startsWith('..')) return route.fulfill({ status: 403 });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(join(NODE_MODULES, rel), 'utf8') });
  });
  const importMap = {
    imports: {
      'branch-picker/define': '/widget/dist/esm/define.js',
      lit: '/vendor/lit/index.js',
      'lit/': '/vendor/lit/',
      'lit-html': '/vendor/lit-html/lit-html.js',
      'lit-html/': '/vendor/lit-html/',
      'lit-element/': '/vendor/lit-element/',
      '@lit/reactive-element': '/vendor/@lit/reactive-element/reactive-element.js',
      '@lit/reactive-element/': '/vendor/@lit/reactive-element/',
      leaflet: '/vendor/leaflet/dist/leaflet-src.esm.js',
    },
  };
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await recordEvents(page);
  await serve(page, '/shop/esm.html', `<script type="importmap">${JSON.stringify(importMap)}</script>\n${element}\n<script type="module">\n${module}\n</script>`);
  await page.goto('/shop/esm.html');
  await choosePoint(page);
  // The ESM build, not the script-tag file, defined the element.
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.src.endsWith('/branch-picker.js')))).toBe(false);
  expect(errors).toEqual([]);
});

test('checkout form under the CSP snippet: hidden fields filled from bp-change and bp-order, no violation', async ({ page }) => {
  const checkout = await snippetFromConstructor(page, 'Checkout form', 'checkout');
  await page.getByRole('tab', { name: 'CSP', exact: true }).click();
  await expect(page.locator('#code-csp')).toContainText("'sha256-");
  const cspLine = (await page.locator('#code-csp').textContent()) ?? '';
  const policy = cspLine.replace(/^Content-Security-Policy:\s*/, '').trim();
  expect(policy).toMatch(/script-src 'self' http:\/\/127\.0\.0\.1:\d+ 'sha256-[^']+' 'sha256-[^']+'/);
  expect(policy).not.toContain('unsafe');

  const violations = await watchCsp(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await recordEvents(page);
  await serve(page, '/shop/checkout-csp.html', checkout, { 'content-security-policy': policy });
  await page.goto('/shop/checkout-csp.html');
  const branch = await choosePoint(page);
  const field = (name: string) => page.locator(`form#checkout input[name="${name}"]`);
  await expect(field('pickup_carrier')).toHaveValue(branch.carrier);
  await expect(field('pickup_address')).toHaveValue(branch.addressLine);
  // The element itself submits the point id under its name.
  expect(await page.evaluate(() => new FormData(document.querySelector('form')!).get('branch'))).toBe(branch.id);

  // The order step is being built by another engineer: fire its documented event to prove the wiring.
  await page.locator('branch-picker').evaluate((el) => el.dispatchEvent(new CustomEvent('bp-order', {
    bubbles: true, composed: true, detail: { orderId: 'ord_e2e', status: 'registered', token: 't', trackNumber: 'RA000000001RU', quote: null },
  })));
  await expect(field('order_id')).toHaveValue('ord_e2e');
  await expect(field('track_number')).toHaveValue('RA000000001RU');
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('plain HTML under the CSP snippet: its inline script is allowed by hash, nothing else is needed', async ({ page }) => {
  const html = await snippetFromConstructor(page, 'HTML', 'html');
  await page.getByRole('tab', { name: 'CSP', exact: true }).click();
  await expect(page.locator('#code-csp')).toContainText("'sha256-");
  const policy = ((await page.locator('#code-csp').textContent()) ?? '').replace(/^Content-Security-Policy:\s*/, '').trim();
  const violations = await watchCsp(page);
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  await recordEvents(page);
  await serve(page, '/shop/plain-csp.html', html, { 'content-security-policy': policy });
  await page.goto('/shop/plain-csp.html');
  await choosePoint(page);
  await expect.poll(() => logged.some((l) => l.startsWith('Branch chosen:'))).toBe(true);
  expect(await violations()).toEqual([]);
});

// The constructor's new states have zero axe violations (the widget inside the preview has its
// own a11y suite, e2e/a11y.spec.ts), at desktop and phone width, in English and Russian.
// Screenshots of each state go to test-results/ for a look by eye.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** axe on the constructor (or one part of it), without the widget: on a loaded 2-core machine a full run takes seconds. */
async function violations(page: Page, only?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).exclude('branch-picker');
  const result = await (only ? builder.include(only) : builder).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function open(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 500 ? 740 : 900 });
  await page.goto('/constructor/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('radio', { name: 'List only' }).check();
  // The first load of the widget and its points can be slow on a busy machine.
  await expect(page.locator('branch-picker').getByRole('option').first()).toBeVisible({ timeout: 30_000 });
}

for (const width of [1280, 360]) {
  test(`every embed tab, the phone preview with events, the reset dialog, Russian: no violations at ${width} px`, async ({ page }, info) => {
    test.setTimeout(300_000);
    await open(page, width);
    const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: false });
    for (const tab of ['HTML', 'ES module', 'React', 'Vue', 'Checkout form', 'CSP']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      expect(await violations(page, 'bpc-embed'), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'CSP', exact: true }).scrollIntoViewIfNeeded();
    await shot('embed-csp');

    await page.getByRole('radio', { name: 'Phone (360 px)' }).check();
    const preview = page.locator('branch-picker');
    await preview.getByRole('option').first().click();
    await preview.getByRole('button', { name: /Выбрать этот пункт|Choose this point|Обрати цей пункт/ }).click();
    await expect(page.getByRole('list', { name: 'Widget events' }).getByRole('listitem').first()).toContainText('bp-change');
    expect(await violations(page)).toEqual([]);
    await page.locator('#preview-title').scrollIntoViewIfNeeded();
    await shot('preview-phone');

    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await violations(page, 'dialog')).toEqual([]);
    await shot('reset-dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ru');
    await page.getByRole('textbox', { name: 'Масштаб' }).fill('40');
    await expect(page.getByText(/Масштаб: должно быть/)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('russian');
  });
}

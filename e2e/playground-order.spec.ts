// The playground's "Шаг заказа" switch: a buyer or developer tries <branch-picker order> without writing a page.
// Turned on from the settings panel with the keyboard, it brings the demo config and a parcel, and choosing a point
// opens the order step's recipient form.
import { expect, test, type Page } from '@playwright/test';
import { deepActiveElement, events, openPlayground, pointsList, recordEvents } from './support.js';

async function tabTo(page: Page, re: RegExp): Promise<void> {
  for (let i = 0; i < 80 && !re.test(await deepActiveElement(page)); i++) await page.keyboard.press('Tab');
  expect(await deepActiveElement(page)).toMatch(re);
}

test('the order switch, turned on with the keyboard, gives the picker an order step: choose a point, see the recipient form', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await recordEvents(page);
  await openPlayground(page);
  const orderSwitch = page.getByRole('switch', { name: 'Шаг заказа' });
  await expect(orderSwitch).not.toBeChecked();

  await page.getByRole('combobox', { name: 'Язык' }).focus();
  await tabTo(page, /role=switch/);
  await page.keyboard.press('Space');
  await expect(orderSwitch).toBeChecked();
  // The step needs a config id and a parcel: the switch brought both, and the parcel control shows the one it chose.
  const picker = page.locator('branch-picker');
  await expect(picker).toHaveAttribute('order', '');
  await expect(picker).toHaveAttribute('config-id', 'demo');
  await expect(picker).toHaveAttribute('parcel-weight', '1200');
  await expect(page.getByRole('combobox', { name: 'Посылка' })).toHaveValue('1200|30x20x10');

  await pointsList(page).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const step = picker.locator('bp-order-step');
  await expect(step.getByRole('heading', { name: 'Получатель' })).toBeVisible({ timeout: 15_000 });
  await expect(step.getByLabel('Имя')).toBeVisible();
  await expect(step.getByLabel('Телефон')).toBeVisible();
  expect((await events(page, 'bp-error')).map((e) => e.detail)).toEqual([]);
  expect(errors).toEqual([]);
});

// Everything the map does can be done from the list with the keyboard alone.
import { expect, test, type Page } from '@playwright/test';
import { deepActiveElement, events, openPlayground, pointsList, recordEvents } from './support.js';

async function tabUntil(page: Page, matcher: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (matcher.test(await deepActiveElement(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${matcher}; it is on ${await deepActiveElement(page)}`);
}

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

test('keyboard only: find a city, move through the list, open details, choose, submit', async ({ page }) => {
  await openPlayground(page);
  await page.locator('body').focus();
  await tabUntil(page, /role=combobox/);
  await page.keyboard.type('Санкт');
  const suggestions = page.getByRole('listbox', { name: 'Подсказки' });
  await expect(suggestions.getByRole('option').first()).toContainText('Санкт-Петербург');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(pointsList(page).getByRole('option').first()).toContainText('Санкт-Петербург');

  await tabUntil(page, /role=listbox|role=option/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = pointsList(page).locator('[role=option].active');
  await expect(active).toHaveCount(1);
  const chosenText = (await active.textContent())!;
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('button', { name: 'Выбрать этот пункт' });
  await expect(confirm).toBeVisible();
  await tabUntil(page, /Выбрать этот пункт/);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const [change] = await events(page, 'bp-change');
  const branch = (change!.detail as { branch: { id: string; name: string } }).branch;
  expect(chosenText).toContain(branch.name);

  await tabUntil(page, /Перейти к оплате/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#submitted')).toHaveText(`pickup_point=${branch.id}`);
});

test('modal: opens from its button, traps focus, Esc closes and focus returns', async ({ page }) => {
  await page.goto('/widget/?tile-url=none&mode=modal');
  const opener = page.getByRole('button', { name: 'Выбрать пункт выдачи' });
  await expect(opener).toBeVisible();
  await page.locator('body').focus();
  await tabUntil(page, /Выбрать пункт выдачи/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Пункт выдачи' });
  await expect(dialog).toBeVisible();
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  expect(await events(page, 'bp-open')).toHaveLength(1);

  // Focus never reaches the page behind the dialog, however far we tab (a native modal
  // <dialog> may hand focus to the browser's own UI between rounds: that shows as <body>).
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return !el || el === document.body || Boolean(el.closest('dialog'));
    });
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await deepActiveElement(page)).toMatch(/Выбрать пункт выдачи/);
  const [close] = await events(page, 'bp-close');
  expect(close?.detail).toMatchObject({ committed: false });
});

test('modal: choosing a point closes the dialog and the opener names the choice', async ({ page }) => {
  // Keyboard only, like the rest of this file: no clicks.
  await page.goto('/widget/?tile-url=none&mode=modal');
  await expect(page.getByRole('button', { name: 'Выбрать пункт выдачи' })).toBeVisible();
  await page.locator('body').focus();
  await tabUntil(page, /Выбрать пункт выдачи/);
  await page.keyboard.press('Enter');
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();
  await tabUntil(page, /role=listbox|role=option/);
  await page.keyboard.press('ArrowDown');
  await expect(pointsList(page).locator('[role=option].active')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Выбрать этот пункт' })).toBeVisible();
  await tabUntil(page, /Выбрать этот пункт/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  const [change] = await events(page, 'bp-change');
  const name = (change!.detail as { branch: { name: string } }).branch.name;
  const opener = page.locator('branch-picker').getByRole('button').first();
  await expect(opener).toContainText(name);
  // Focus is back on the opener, so the keyboard user carries on from where they started.
  await expect(opener).toBeFocused();
});

// The buyer's journeys on the playground: browse, search, filter, read details, choose.
import { expect, test } from '@playwright/test';
import { events, findPoint, markerCount, openPlayground, parseDistance, pointsList, recordEvents } from './support.js';

/** The number in "Найдено 1 234 пункта" or "Постаматы (12)", thin spaces and all. */
function countIn(text: string | null): number {
  const m = /\d[\d\s\u00a0\u202f]*/u.exec(text ?? '');
  return m ? Number(m[0].replace(/\D/g, '')) : Number.NaN;
}

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

test('lists the points in view nearest first, beside a clustered map', async ({ page }) => {
  await openPlayground(page);
  const options = pointsList(page).getByRole('option');
  expect(await options.count()).toBeGreaterThan(5);
  const distances = (await pointsList(page).locator('.dist').allTextContents()).map(parseDistance);
  expect(distances.length).toBe(await options.count());
  expect(distances.every((d) => Number.isFinite(d))).toBe(true);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));

  await expect(page.getByRole('region', { name: 'Карта пунктов' })).toBeVisible();
  await expect.poll(() => markerCount(page)).toBeGreaterThan(0);
  expect(await markerCount(page)).toBeLessThanOrEqual(300);
  const ready = await events(page, 'bp-ready');
  expect(ready).toHaveLength(1);
});

test('search tolerates the wrong keyboard layout and transliteration', async ({ page }) => {
  await openPlayground(page);
  const search = page.getByRole('combobox', { name: 'Поиск' });
  for (const typed of ['Vjcrdf', 'Moskva']) {
    await search.fill(typed);
    await expect(page.getByRole('listbox', { name: 'Подсказки' }).getByRole('option').first()).toContainText('Москва');
  }
  // A city elsewhere moves the map and the list there.
  await search.fill('Kyiv');
  const suggestion = page.getByRole('listbox', { name: 'Подсказки' }).getByRole('option', { name: /Київ/ }).first();
  await expect(suggestion).toBeVisible();
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(pointsList(page).getByRole('option').first()).toContainText('Київ');
});

test('filters narrow the list and their counts follow the view', async ({ page }) => {
  await openPlayground(page);
  const status = page.getByRole('status').filter({ hasText: /Найден/ });
  const before = countIn(await status.textContent());
  const lockers = page.getByRole('group', { name: 'Фильтры' }).getByRole('button', { name: /^Постаматы/ });
  const lockerCount = countIn(await lockers.textContent());
  expect(lockerCount).toBeGreaterThan(0);
  expect(lockerCount).toBeLessThan(before);

  await lockers.click();
  await expect(lockers).toHaveAttribute('aria-pressed', 'true');
  // The exact count, not a substring: "12" must not pass for 120 or 312.
  await expect.poll(async () => countIn(await status.textContent())).toBe(lockerCount);
  const rows = await pointsList(page).getByRole('option').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => /Постамат/.test(r))).toBe(true);

  await lockers.click();
  await expect.poll(async () => countIn(await status.textContent())).toBe(before);
});

test('details show status in the point\'s time zone, the week, holidays, payment and limits', async ({ page }) => {
  // 23:30 UTC on 30 December is 09:30 on 31 December in Vladivostok (UTC+10), the office's short pre-holiday
  // day (08:00–17:00 in the small dataset). In Moscow or UTC it would still be night and the office closed,
  // and on an ordinary Thursday it would close at 20:00: only the point's zone plus its exception give this text.
  await page.clock.setFixedTime(new Date('2026-12-30T23:30:00Z'));
  const point = await findPoint(page, '131.8,43.0,132.0,43.2', (b) => b.carrier === 'russian-post' && b.type === 'post_office' && b.name.endsWith('690014'));
  expect(point.name).toBe('Отделение почтовой связи Владивосток 690014');
  await openPlayground(page, { center: `${point.lat},${point.lng}`, zoom: '15' });
  const row = pointsList(page).getByRole('option', { name: new RegExp(point.name) });
  await row.scrollIntoViewIfNeeded();
  await row.click();
  const details = page.getByRole('region', { name: point.name });
  await expect(details.getByRole('heading', { level: 2, name: point.name })).toBeVisible();
  await expect(details.locator('.today-status')).toHaveText('Открыто до 17:00');

  await expect(details.getByRole('row')).toHaveCount(7);
  await expect(details.getByRole('rowheader', { name: 'четверг (сегодня)' })).toBeVisible();
  await expect(details.getByRole('row', { name: /понедельник/ })).toHaveText(/08:00–20:00/);
  await expect(details.getByRole('row', { name: /суббота/ })).toHaveText(/09:00–18:00/);
  await expect(details.getByRole('row', { name: /воскресенье/ })).toHaveText(/выходной/);

  // Exceptions from today on: the short day, then the New Year holidays.
  await expect(details.getByRole('heading', { name: 'Особые дни' })).toBeVisible();
  const special = details.getByRole('listitem');
  await expect(special.first()).toHaveText(/31.*: 08:00–17:00 \(Предпраздничный день: сокращённые часы\)$/);
  await expect(special.nth(1)).toHaveText(/1.*: выходной \(Новогодние праздники\)$/);

  await expect(details.getByRole('heading', { name: 'Оплата' })).toBeVisible();
  for (const method of ['Картой', 'Наличными', 'Наложенный платёж']) await expect(details.getByText(method, { exact: true })).toBeVisible();
  await expect(details.getByRole('heading', { name: 'Ограничения' })).toBeVisible();
  await expect(details.getByText('Вес до 50 кг', { exact: true })).toBeVisible();
  await expect(details.getByRole('link', { name: '+7 (423) 874-84-04' })).toHaveAttribute('href', 'tel:+74238748404');
});

test('choosing fires bp-select then a bp-change with everything the shop needs, and the form submits the id', async ({ page }) => {
  await openPlayground(page);
  await pointsList(page).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);

  // bp-select (cancelable, the shop may veto) comes first, then exactly one bp-change for the same point.
  const choice = (await events(page)).filter((e) => e.type === 'bp-select' || e.type === 'bp-change');
  expect(choice.map((e) => e.type)).toEqual(['bp-select', 'bp-change']);
  const [select, change] = choice;
  expect(select!.cancelable).toBe(true);
  const branch = (change!.detail as { branch: Record<string, unknown> }).branch;
  expect((select!.detail as { branch: { id: string } }).branch.id).toBe(branch.id);
  for (const field of ['id', 'carrier', 'type', 'name', 'address', 'addressLine', 'postcode', 'lat', 'lng', 'timeZone', 'hours', 'exceptions', 'payment', 'limits', 'status']) {
    expect(branch, `bp-change detail.branch.${field}`).toHaveProperty(field);
  }
  expect(branch.address).toMatchObject({ country: 'RU', city: 'Москва' });
  expect(typeof branch.lat).toBe('number');
  expect(branch.timeZone).toBe('Europe/Moscow');
  expect(Array.isArray(branch.hours)).toBe(true);

  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page.locator('#submitted')).toHaveText(`pickup_point=${String(branch.id)}`);
});

test('the shop can veto a choice in bp-select', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => document.querySelector('branch-picker')!.addEventListener('bp-select', (e) => e.preventDefault()));
  await pointsList(page).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect.poll(async () => (await events(page, 'bp-select')).length).toBe(1);
  expect(await events(page, 'bp-change')).toHaveLength(0);
  expect(await page.locator('branch-picker').evaluate((el) => (el as HTMLElement & { value: string }).value)).toBe('');
});

test('a required picker blocks the form until a point is chosen', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page.locator('#submitted')).not.toHaveText('');
  await expect(page.locator('#submitted')).not.toContainText('pickup_point=');
  expect(await page.locator('branch-picker').evaluate((el) => (el as HTMLElement & { validity: ValidityState }).validity.valueMissing)).toBe(true);
});

test('a temporarily closed point says why and cannot be chosen', async ({ page }) => {
  const closed = await findPoint(page, '19,41,180,82', (b) => b.status === 'temporarily_closed' && b.carrier === 'russian-post');
  await openPlayground(page, { center: `${closed.lat},${closed.lng}`, zoom: '18' });
  const row = pointsList(page).getByRole('option', { name: new RegExp(closed.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
  await row.click();
  const details = page.getByRole('region', { name: closed.name });
  await expect(details).toBeVisible();
  await expect(details).toContainText(/временно закрыт|Временно закрыт/);
  await expect(page.getByRole('button', { name: 'Выбрать этот пункт' })).toBeDisabled();
  expect(await page.locator('branch-picker').evaluate((el, id) => (el as HTMLElement & { select(id: string): Promise<boolean> }).select(id), closed.id)).toBe(false);
  expect(await events(page, 'bp-change')).toHaveLength(0);
});

test('English and Ukrainian interfaces format with Intl', async ({ page }) => {
  await openPlayground(page, { lang: 'en' });
  await expect(page.getByRole('combobox', { name: 'Search' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Points' }).getByRole('option').first()).toContainText(/\d+ m|km/);
  await page.goto('/widget/?tile-url=none&lang=uk&center=50.4501,30.5234');
  await expect(page.getByRole('listbox', { name: 'Пункти' }).getByRole('option').first()).toContainText('Київ');
  await expect(page.getByRole('combobox', { name: 'Пошук' })).toBeVisible();
});

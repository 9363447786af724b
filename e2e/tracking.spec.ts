// <bp-tracking> on the tracking page a shop links to from its order e-mail: an order placed through the order API,
// opened by its link (order id + token in the hash), refreshed on its own when the sandbox carriers' clock moves,
// stopped once final; the lookup by track number and recipient phone; a wrong token; axe; a 360x740 phone screen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { STRICT_CSP, cspViolations } from './support.js';

const PHONE = '+7 (912) 345-67-89';
/** The buyer's words for each status, with where it stands in a parcel's life (statuses only move forward). */
const RANK: Record<string, number> = {
  'Передан в службу доставки': 1, 'В пути': 2, 'Ждёт в пункте выдачи': 3, 'Получен': 4, 'Возвращается отправителю': 4, 'Возвращён отправителю': 5,
};
const FINAL = ['Получен', 'Возвращён отправителю'];
const oneOf = (texts: string[]) => new RegExp(`^(${texts.join('|')})$`);
const laterThan = (text: string) => Object.keys(RANK).filter((t) => RANK[t]! > RANK[text]!);

interface Placed { id: string; token: string; pointName: string; trackNumber: string }

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('bp-tracking').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A Russian Post order to an open office near Moscow, placed through the order API and registered at the carrier. */
async function placeOrder(request: APIRequestContext, tag: string): Promise<Placed> {
  const res = await request.get('/api/v1/points?bbox=37.5,55.6,37.8,55.9&carriers=russian-post&types=post_office&limit=20');
  const points = ((await res.json()) as { items: Array<{ id: string; status: string }> }).items.filter((p) => p.status === 'open');
  for (const point of points) {
    const r = await request.post('/api/v1/orders', {
      headers: { 'idempotency-key': `"${crypto.randomUUID()}"` },
      data: {
        orderNumber: `TRK-${tag}-${Date.now().toString(36)}`, configId: 'demo', pointId: point.id, carrier: 'russian-post',
        parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } },
        recipient: { givenName: 'Анна', surname: 'Иванова', phone: PHONE },
      },
    });
    if (r.status() === 422) continue; // this office does not take the parcel: the next one
    expect(r.status(), await r.text()).toBe(201);
    const order = (await r.json()) as { id: string; token: string; pointName: string };
    // The dispatcher sends it at once; the track number follows within a second or two.
    let trackNumber = '';
    await expect.poll(async () => {
      const o = await request.get(`/api/v1/orders/${order.id}`, { headers: { authorization: `Bearer ${order.token}` } });
      trackNumber = ((await o.json()) as { trackNumber?: string }).trackNumber ?? '';
      return trackNumber;
    }, { timeout: 15_000 }).not.toBe('');
    return { ...order, trackNumber };
  }
  throw new Error('no open office took the parcel');
}

const advanceCarriers = (request: APIRequestContext, minutes: number) =>
  request.post('/__sandbox/clock', { data: { advanceMinutes: minutes } }).then((r) => expect(r.ok()).toBe(true));

function statusText(tracking: Locator): Locator {
  return tracking.locator('[part=status] [role=heading]');
}

test('the e-mail link shows status, timeline and point; refreshes as the parcel moves; stops when final', async ({ page, request }) => {
  // Two jumps of the carriers' clock, each waited out through the tracker and the page's own polling.
  test.setTimeout(150_000);
  const order = await placeOrder(request, 'link');
  const tracking = page.locator('bp-tracking');
  const tracked: string[] = [];
  page.on('request', (r) => { if (r.url().includes(`/orders/${order.id}/tracking`)) tracked.push(r.url()); });
  await page.goto(`/widget/track.html#order=${order.id}&token=${order.token}&poll=1000`);

  await expect(page.getByRole('heading', { name: 'Отслеживание посылки' })).toBeVisible();
  await expect(tracking.getByText(order.trackNumber)).toBeVisible();
  await expect(tracking.getByText('Почта России')).toBeVisible();
  // The status in the buyer's words (the demo's carriers move parcels 60x faster than real time: it may already
  // be on its way), announced in the live region.
  const shown = statusText(tracking);
  await expect(shown).toHaveText(oneOf(['Передан в службу доставки', 'В пути']));
  const first = (await shown.textContent())!;
  await expect(tracking.getByRole('status')).toHaveText(/^Статус посылки: /);
  // The timeline: a list of events (none yet while the carrier has only registered the parcel).
  const history = tracking.getByRole('list', { name: 'История' });
  const before = await history.getByRole('listitem').count();
  if (before === 0) await expect(tracking.getByText('Событий пока нет: служба доставки сообщит, когда посылка отправится в путь.')).toBeVisible();
  // The point as it was ordered: name, address and today's hours.
  const point = tracking.locator('[part=point]');
  await expect(point.getByText(order.pointName, { exact: true })).toBeVisible();
  await expect(point).toContainText(/Сегодня: (\d{2}:\d{2}–\d{2}:\d{2}|выходной|круглосуточно)/i);
  expect(await violations(page)).toEqual([]);

  // Two days later on the carriers' clock the parcel has moved: the page refreshes on its own (no reload, no click).
  await advanceCarriers(request, 2 * 24 * 60);
  await expect(shown).toHaveText(oneOf(laterThan(first)), { timeout: 30_000 });
  await expect.poll(() => history.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(before);
  // Newest first, each on the clock of the place it happened ("2 дек., 14:30", with "(UTC+5)" outside Moscow time).
  const times = await history.locator('time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  await tracking.screenshot({ path: '/tmp/bp-tracking-moved.png' });
  await expect(history.getByRole('listitem').first().locator('time')).toHaveText(/^\d{1,2} [а-я]+\.?,? \d{2}:\d{2}( \(UTC[+−]\d+(:\d\d)?\))?/);
  await expect(tracking.getByRole('status')).toHaveText(`Статус посылки: ${(await shown.textContent()) ?? ''}`);

  // Forty days on, the story has ended: final status, the Refresh button gone, and no more requests.
  await advanceCarriers(request, 40 * 24 * 60);
  await expect(shown).toHaveText(oneOf(FINAL), { timeout: 30_000 });
  await expect(tracking.getByRole('button', { name: 'Обновить' })).toHaveCount(0);
  const requestsAtFinal = tracked.length;
  await page.waitForTimeout(3_500);
  expect(tracked.length).toBe(requestsAtFinal);
});

test('a wrong token shows "not found" without polling; the page is in English with lang=en', async ({ page, request }) => {
  const order = await placeOrder(request, 'wrong');
  let calls = 0;
  page.on('request', (r) => { if (r.url().includes(`/api/v1/orders/${order.id}/tracking`)) calls++; });
  await page.goto(`/widget/track.html#order=${order.id}&token=not-the-token-000000&poll=1000&lang=en`);
  const tracking = page.locator('bp-tracking');
  await expect(tracking.locator('[part=banner] span')).toHaveText('Order not found: the link is wrong or has expired.');
  await expect(tracking.getByRole('status')).toHaveText('Order not found: the link is wrong or has expired.');
  expect(await violations(page)).toEqual([]);
  await page.waitForTimeout(2_500);
  expect(calls).toBe(1);
  // A way forward: the lookup form, focused on the track number.
  await tracking.getByRole('button', { name: 'Find by track number' }).click();
  await expect(tracking.getByRole('textbox', { name: 'Track number' })).toBeFocused();
});

test('track number + phone: checked before sending, then found; a wrong phone is "not found"', async ({ page, request }) => {
  const order = await placeOrder(request, 'phone');
  await page.goto('/widget/track.html');
  const tracking = page.locator('bp-tracking');
  await expect(tracking.getByRole('heading', { name: 'Где моя посылка?' })).toBeVisible();
  const track = tracking.getByRole('textbox', { name: 'Трек-номер' });
  const phone = tracking.getByRole('textbox', { name: 'Телефон получателя' });
  const find = tracking.getByRole('button', { name: 'Найти посылку' });
  let lookups = 0;
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/tracking/lookup')) lookups++; });

  // Empty form: both fields named, the first one focused; nothing sent.
  await find.click();
  await expect(track).toHaveAccessibleDescription('Трек-номер: введите номер из письма о заказе.');
  await expect(phone).toHaveAccessibleDescription('Телефон получателя: введите номер, указанный в заказе.');
  await expect(track).toBeFocused();
  // A typo in the last digit is caught by the check digit.
  const typo = `${order.trackNumber.slice(0, -1)}${(Number(order.trackNumber.at(-1)) + 1) % 10}`;
  await track.fill(typo);
  await phone.fill(PHONE);
  await find.click();
  await expect(track).toHaveAccessibleDescription('Трек-номер: контрольная цифра не сходится, проверьте номер.');
  expect(await violations(page)).toEqual([]);
  expect(lookups).toBe(0);

  // The right number with someone else's phone: the same answer as an unknown number.
  await track.fill(order.trackNumber);
  await phone.fill('+7 912 000-00-00');
  await find.click();
  await expect(tracking.locator('[part=banner]')).toHaveText('Посылка не найдена. Проверьте трек-номер и телефон получателя.');
  expect(lookups).toBe(1);

  // The recipient's phone, typed the way people do.
  await phone.fill('8 912 345 67 89');
  await phone.press('Enter');
  // (Another test may have moved the carriers' clock on: any status of the parcel's life.)
  await expect(statusText(tracking)).toHaveText(oneOf(Object.keys(RANK)));
  await expect(tracking.getByText(order.trackNumber)).toBeVisible();
  await expect(tracking.getByRole('heading', { name: 'Отслеживание посылки' })).toBeFocused();
  await expect(tracking.getByText(order.pointName, { exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // The phone never appears in a URL.
  expect(page.url()).not.toContain('912');

  // "Another parcel" goes back to the form.
  await tracking.getByRole('button', { name: 'Другая посылка' }).click();
  await expect(tracking.getByRole('heading', { name: 'Где моя посылка?' })).toBeVisible();
});

test('offline keeps the last known status with a banner, and refreshes when the connection is back', async ({ page, context, request }) => {
  const order = await placeOrder(request, 'offline');
  await page.goto(`/widget/track.html#order=${order.id}&token=${order.token}&poll=60000`);
  const tracking = page.locator('bp-tracking');
  await expect(statusText(tracking)).toBeVisible();
  const shownBefore = (await statusText(tracking).textContent())!;
  await context.setOffline(true);
  const banner = tracking.locator('[part=banner]');
  await expect(banner).toHaveText('Нет соединения с интернетом: показан последний известный статус.');
  await expect(tracking.getByRole('status')).toHaveText('Нет соединения с интернетом: показан последний известный статус.');
  await expect(statusText(tracking)).toHaveText(shownBefore);
  expect(await violations(page)).toEqual([]);
  // Back online: asked at once (not after the 60 s poll), the banner goes.
  const asked = page.waitForRequest((r) => r.url().includes(`/api/v1/orders/${order.id}/tracking`));
  await context.setOffline(false);
  await asked;
  await expect(banner).toHaveCount(0);
});

test('bp-tracking.js alone on a shop page under a strict CSP: no picker, no inline code, no violations', async ({ page, request }) => {
  const order = await placeOrder(request, 'tag');
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const scripts: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
  await page.route('**/shop/order-status.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
    body: `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>Shop: your order</title>
<script src="/widget/dist/bp-tracking.js"></script></head>
<body><h1>Your order</h1><bp-tracking order-id="${order.id}" token="${order.token}"></bp-tracking></body></html>`,
  }));
  await page.goto('/shop/order-status.html');
  const tracking = page.locator('bp-tracking');
  await expect(tracking.getByRole('heading', { name: 'Відстеження посилки' })).toBeVisible();
  await expect(statusText(tracking)).toHaveText(/^(Передано службі доставки|У дорозі|Чекає у пункті видачі|Отримано|Повертається відправнику|Повернуто відправнику)$/);
  await expect(tracking.getByText(order.trackNumber)).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(scripts).toEqual(['/widget/dist/bp-tracking.js']);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

  test('360x740: the tracking page fits without sideways scrolling', async ({ page, request }) => {
    const order = await placeOrder(request, 'mobile');
    await page.goto(`/widget/track.html#order=${order.id}&token=${order.token}`);
    const tracking = page.locator('bp-tracking');
    await expect(statusText(tracking)).toBeVisible();
    await expect(tracking.locator('[part=point]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = (await tracking.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/bp-tracking-360x740.png', fullPage: true });
    expect(await violations(page)).toEqual([]);
  });
});

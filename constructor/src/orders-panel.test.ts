// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Fetch } from './api.js';
import { UI_STRINGS } from './i18n/index.js';
import { sampleOrder, sampleTracking } from './orders-fixture.js';
import './orders-panel.js';
import type { OrdersPanel } from './orders-panel.js';
import { OWNER_KEYS } from './owner-keys.js';

function memory(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers by URL prefix, records the URLs asked. */
function routes(table: Array<[string, () => Response]>): Fetch & { urls: string[] } {
  const urls: string[] = [];
  const fn = (async (url: string) => {
    urls.push(url);
    const hit = table.find(([prefix]) => url.startsWith(prefix));
    if (!hit) throw new Error(`unexpected ${url}`);
    return hit[1]();
  }) as Fetch & { urls: string[] };
  fn.urls = urls;
  return fn;
}

async function mount(fetchFn: Fetch, keys: Record<string, string> = { cfg_a: 'ok_1' }, lang?: 'uk' | 'ru'): Promise<OrdersPanel> {
  const el = document.createElement('bpc-orders');
  if (lang) el.t = UI_STRINGS[lang];
  el.fetchFn = fetchFn;
  el.apiRoot = '/api';
  el.storage = memory({ [OWNER_KEYS]: JSON.stringify(keys) });
  el.preferredId = 'cfg_a';
  document.body.append(el);
  await settle(el);
  return el;
}

async function settle(el: OrdersPanel): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

const rows = (el: OrdersPanel) => [...el.querySelectorAll('tbody tr:not(.details-row) th')].map((th) => th.textContent?.trim());
const status = (el: OrdersPanel) => el.querySelector('.orders-count')?.textContent?.trim();

afterEach(() => document.body.replaceChildren());

describe('<bpc-orders>', () => {
  it('lists the orders, skips and counts a malformed one, and loads more with the cursor', async () => {
    let page = 0;
    const f = routes([['/api/orders?', () => (page++ === 0
      ? json(200, { items: [sampleOrder({ id: 'ord_2', orderNumber: 'B-2' }), { ...sampleOrder(), quote: null }], nextCursor: '2.ord_2' })
      : json(200, { items: [sampleOrder({ id: 'ord_1', orderNumber: 'A-1', pointName: '<img src=x onerror=alert(1)>' })] }))]]);
    const el = await mount(f);
    expect(rows(el)).toEqual(['B-2']);
    expect(status(el)).toBe('1 order shown, more available. 1 order was left out: the server sent it in a form this page cannot read.');
    expect(f.urls[0]).toBe('/api/orders?config=cfg_a&limit=50');

    el.querySelector<HTMLButtonElement>('.load-more')!.click();
    await settle(el);
    expect(f.urls[1]).toBe('/api/orders?config=cfg_a&cursor=2.ord_2&limit=50');
    expect(rows(el)).toEqual(['B-2', 'A-1']);
    expect(el.querySelector('.load-more')).toBeNull();
    // Carrier text is text, never markup.
    expect(el.querySelector('tbody img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('explains a key the API does not accept', async () => {
    const el = await mount(routes([['/api/orders?', () => json(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'owner_key_required' })]]));
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('The owner key this browser keeps for cfg_a is not accepted');
  });

  it('opens details with the timeline and shows a refused cancel as text', async () => {
    const f = routes([
      ['/api/orders?', () => json(200, { items: [sampleOrder({ id: 'ord_1', orderNumber: 'A-1' })] })],
      ['/api/orders/ord_1/tracking', () => json(200, sampleTracking({ orderId: 'ord_1', status: 'registered' }))],
      ['/api/orders/ord_1/cancel', () => json(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'not_cancellable', detail: 'the parcel was accepted' })],
    ]);
    const el = await mount(f);
    el.querySelector<HTMLButtonElement>('[data-order="ord_1"]')!.click();
    await settle(el);
    expect(el.querySelectorAll('.timeline li')).toHaveLength(2);
    [...el.querySelectorAll<HTMLButtonElement>('.order-details button')].find((b) => b.textContent?.includes('Cancel this order'))!.click();
    await settle(el);
    [...el.querySelectorAll<HTMLButtonElement>('.order-details button')].find((b) => b.textContent?.includes('Yes, cancel'))!.click();
    await settle(el);
    expect(el.querySelector('.cancel-box [role="status"]')?.textContent).toBe('Not cancelled: the carrier no longer allows it (the parcel was accepted).');
  });

  it('without a key asks to sign in, and a 403 marks the key field', async () => {
    const f = routes([['/api/orders?', () => json(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'owner_key_required' })]]);
    const el = await mount(f, {});
    expect(f.urls).toEqual([]);
    const form = el.querySelector<HTMLFormElement>('#signin-form')!;
    const id = el.querySelector<HTMLInputElement>('#signin-id')!;
    const key = el.querySelector<HTMLInputElement>('#signin-key')!;
    id.value = 'cfg_b';
    id.dispatchEvent(new Event('input'));
    key.value = 'ok_wrong';
    key.dispatchEvent(new Event('input'));
    await settle(el);
    form.requestSubmit();
    await settle(el);
    expect(f.urls).toEqual(['/api/orders?config=cfg_b&limit=1']);
    expect(el.querySelector('#signin-key')?.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#signin-key-error')?.textContent).toContain('This key does not open widget cfg_b');
  });

  it('speaks Ukrainian: headings, filters, table, statuses, details, cancel question, CSV button, counts; and follows a switch', async () => {
    const f = routes([
      ['/api/orders?', () => json(200, { items: [sampleOrder({ id: 'ord_1', orderNumber: 'A-1', carrier: 'nova-poshta', status: 'registered', trackNumber: undefined })] })],
      ['/api/orders/ord_1/tracking', () => json(200, sampleTracking({ orderId: 'ord_1', status: 'registered' }))],
      ['/api/orders/ord_1/cancel', () => { throw new TypeError('Failed to fetch'); }],
    ]);
    const el = await mount(f, undefined, 'uk');
    const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(el.querySelector('#orders-list-title')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Замовлення віджета cfg_a');
    expect(el.querySelector('label[for="of-q"]')?.textContent).toBe('Номер замовлення або трек-номер');
    expect(el.querySelector('form.orders-filters')?.getAttribute('aria-label')).toBe('Фільтр замовлень');
    expect([...el.querySelectorAll('#of-status option')].map((o) => o.textContent)).toContain('Зареєстровано в перевізника');
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Замовлення', 'Створено', 'Статус', 'Перевізник', 'Пункт', 'Трек-номер', 'Ціна']);
    expect(el.querySelector('tbody .status-badge')?.textContent).toBe('Зареєстровано в перевізника');
    expect(el.querySelector('tbody td.nowrap:nth-of-type(3)')?.textContent).toBe('Нова Пошта');
    expect(status(el)).toBe('Показано 1 замовлення.');
    expect(text()).toContain('Завантажити CSV');
    expect(text()).toContain('ще немає');
    // Dates in Ukrainian too (Intl with the interface language).
    expect(el.querySelector('tbody td.nowrap')?.textContent).toMatch(/бер/);

    el.querySelector<HTMLButtonElement>('[data-order="ord_1"]')!.click();
    await settle(el);
    expect(el.querySelector('[data-order="ord_1"]')?.getAttribute('aria-label')).toBe('A-1: подробиці');
    expect(el.querySelector('#order-details-title')?.textContent).toBe('Замовлення A-1');
    expect(el.querySelector('.details-tracking h4')?.textContent).toBe('Відстеження');
    expect(el.querySelector('.timeline')?.getAttribute('aria-label')).toBe('Події відстеження, спочатку нові');
    expect(el.querySelector('.timeline .what')?.textContent).toBe('У дорозі');
    expect(text()).toContain('(2–4 дні)');
    [...el.querySelectorAll<HTMLButtonElement>('.order-details button')].find((b) => b.textContent?.includes('Скасувати це замовлення'))!.click();
    await settle(el);
    expect(el.querySelector('.cancel-box p')?.textContent?.replace(/\s+/g, ' ')).toBe('Скасувати замовлення A-1 у перевізника «Нова Пошта»? Посилку не буде відправлено.');
    [...el.querySelectorAll<HTMLButtonElement>('.order-details button')].find((b) => b.textContent?.includes('Так, скасувати'))!.click();
    await settle(el);
    // Our own words about a network failure are translated too; the browser's cause stays as it is.
    expect(el.querySelector('.cancel-box [role="status"]')?.textContent).toBe('Не скасовано: сервер недоступний (Failed to fetch).');

    // The language switch re-renders what is already shown, messages included.
    el.t = UI_STRINGS.en;
    await settle(el);
    expect(el.querySelector('.cancel-box [role="status"]')?.textContent).toBe('Not cancelled: could not reach the server (Failed to fetch).');
    expect(el.querySelector('#order-details-title')?.textContent).toBe('Order A-1');
    expect(status(el)).toBe('1 order shown.');
  });
});

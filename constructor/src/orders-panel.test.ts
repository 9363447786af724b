// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Fetch } from './api.js';
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

async function mount(fetchFn: Fetch, keys: Record<string, string> = { cfg_a: 'ok_1' }): Promise<OrdersPanel> {
  const el = document.createElement('bpc-orders');
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
});

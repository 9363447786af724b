// @vitest-environment jsdom
// <bp-order-step> against the real order API (api-mock's OMS behind a real HTTP server on a fresh SQLite
// database, re-pricing through the sandbox's tariff API); only the network in between is made to fail.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_BRANCHES, FIXTURE_NOW } from '../../../api-mock/src/test-support/fixture.js';
import { fakeCarrier } from '../../../api-mock/src/oms/testing/fake-connector.js';
import { startHarness, type Harness } from '../../../api-mock/src/oms/testing/harness.js';
import type { Branch } from '../model/branch.js';
import type { CreatedOrder } from '../model/order.js';
import type { Quote } from '../model/quote.js';
import type { FetchLike } from '../orders/request.js';
import { MapStorage } from '../orders/test-fixtures.js';
import { defineOrderStep, type OrderStep } from './element.js';
import { orderStore, pendingOrder } from './order-store.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => FIXTURE_NOW, connectors: () => [['russian-post', fakeCarrier('russian-post')]] });
  defineOrderStep();
});
afterAll(() => h.close());
afterEach(() => {
  document.body.replaceChildren();
  setOnline(true);
});

const MOSCOW = FIXTURE_BRANCHES.find((b) => b.id === 'rp-101000')!;
const PARCEL = { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } };

let online = true;
Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
function setOnline(v: boolean) {
  online = v;
  if (v) window.dispatchEvent(new Event('online'));
}

interface Wire { posts: Array<{ key: string; body: Record<string, unknown> }>; fetch: FetchLike; }
/** Real fetch to the harness, recording each POST; `fail` decides per POST whether the network eats it. */
function wire(fail: (n: number) => 'ok' | 'refuse' | 'hang-after-commit' = () => 'ok'): Wire {
  const posts: Wire['posts'] = [];
  const f: FetchLike = async (url, init) => {
    if (init.method === 'POST') {
      posts.push({ key: String((init.headers as Record<string, string>)['Idempotency-Key']), body: JSON.parse(String(init.body)) as Record<string, unknown> });
      const mode = fail(posts.length);
      if (mode === 'refuse') throw new TypeError('Failed to fetch');
      if (mode === 'hang-after-commit') {
        await fetch(url, init); // the server commits; the answer never reaches this tab
        return new Promise<Response>(() => {});
      }
    }
    return fetch(url, init);
  };
  return { posts, fetch: f };
}

function mount(props: Partial<OrderStep> & { storage?: MapStorage } = {}): OrderStep {
  const { storage = new MapStorage(), ...rest } = props;
  const el = document.createElement('bp-order-step');
  Object.assign(el, {
    branch: MOSCOW, parcel: PARCEL, apiBase: h.base, configId: 'demo', lang: 'ru',
    store: orderStore('demo', storage), retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, ...rest,
  });
  document.body.append(el);
  return el;
}

const root = (el: OrderStep) => el.shadowRoot!;
const input = (el: OrderStep, f: string) => root(el).querySelector<HTMLInputElement>(`#bp-order-${f}`)!;
const button = (el: OrderStep, text: RegExp) =>
  [...root(el).querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;
const text = (el: OrderStep) => root(el).textContent!.replace(/\s+/g, ' ');

async function until(cond: () => unknown, what: string, ms = 8000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function type(el: OrderStep, values: Record<string, string>): Promise<void> {
  await el.updateComplete;
  for (const [f, v] of Object.entries(values)) {
    const i = input(el, f);
    i.value = v;
    i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

async function submitForm(el: OrderStep): Promise<void> {
  root(el).querySelector('form')!.requestSubmit();
  await el.updateComplete;
  await el.updateComplete;
}

const ANNA = { givenName: 'Анна', surname: 'Иванова', phone: '8 912 345 67 89' };
const doneEvents = (el: OrderStep) => {
  const list: CreatedOrder[] = [];
  el.addEventListener('bp-order-step-done', (e) => list.push((e as CustomEvent<CreatedOrder>).detail));
  return list;
};

describe('<bp-order-step> form', () => {
  it('shows a bad phone next to its field, marks it invalid, moves focus to it and keeps what was typed', async () => {
    const el = mount();
    await type(el, { givenName: 'Анна', surname: '', phone: '+380 67 123 4567', email: '' });
    await submitForm(el);
    const phone = input(el, 'phone');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const described = phone.getAttribute('aria-describedby')!.split(' ').map((id) => root(el).getElementById(id)?.textContent);
    expect(described).toEqual(['Например, +7 912 345-67-89', 'Телефон: нужен российский номер, например +7 912 345-67-89']);
    expect(input(el, 'surname').getAttribute('aria-invalid')).toBe('true');
    // The first bad field in form order gets focus.
    expect(root(el).activeElement).toBe(input(el, 'surname'));
    expect(input(el, 'givenName').getAttribute('aria-invalid')).toBe('false');
    expect([input(el, 'givenName').value, phone.value]).toEqual(['Анна', '+380 67 123 4567']);
  });

  it('for a Ukrainian point wants +380 and says so in Ukrainian', async () => {
    const kyiv = FIXTURE_BRANCHES.find((b) => b.id === 'np-kyiv-25')!;
    const el = mount({ branch: kyiv, lang: 'uk' });
    await type(el, { ...ANNA, phone: '+7 912 345-67-89' });
    await submitForm(el);
    expect(root(el).getElementById('bp-order-phone-error')?.textContent).toBe('Телефон: потрібен український номер, наприклад +380 67 123 4567');
    await type(el, { phone: '067 123 4567' });
    await submitForm(el);
    expect(text(el)).toContain('+380671234567');
    expect(button(el, /Підтвердити замовлення/)).toBeTruthy();
  });
});

describe('<bp-order-step> submission', () => {
  it('a double click and a third click while in flight send ONE order; the review shows point, price, COD', async () => {
    const w = wire();
    const el = mount({ fetch: w.fetch, cod: { amount: 150000, currency: 'RUB' } });
    const done = doneEvents(el);
    await type(el, ANNA);
    await submitForm(el);
    const t = text(el);
    expect(t).toContain('Москва 101000');
    expect(t).toContain(MOSCOW.addressLine);
    expect(t).toContain('Анна Иванова');
    expect(t).toMatch(/Оплата при получении\s?1\s500\s₽/u);
    const before = await h.oms.store.countOrders();
    const confirm = button(el, /Подтвердить заказ/);
    confirm.click();
    confirm.click();
    await el.updateComplete;
    expect(button(el, /Подтвердить заказ/).disabled).toBe(true);
    button(el, /Подтвердить заказ/).click();
    await until(() => done.length, 'the order');
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toHaveLength(1);
    expect(w.posts).toHaveLength(1);
    expect(await h.oms.store.countOrders()).toBe(before + 1);
    expect(w.posts[0]!.body).toMatchObject({ configId: 'demo', pointId: 'rp-101000', recipient: { phone: '+79123456789' }, parcel: { cashOnDelivery: { amount: 150000, currency: 'RUB' } } });
    expect(String(w.posts[0]!.body.orderNumber)).toMatch(/^bp-[a-z0-9]{12}$/);
    await el.updateComplete;
    expect(text(el)).toContain('Заказ оформлен');
    expect(text(el)).toContain(done[0]!.orderNumber);
    expect(root(el).activeElement?.id).toBe('bp-order-heading');
  });

  it('a recipient from the shop skips the form; the shop order number is used', async () => {
    const el = mount({ recipient: { givenName: 'Иван', surname: 'Петров', phone: '+7 912 345-67-80' }, orderNumber: 'SHOP-77' });
    const done = doneEvents(el);
    await el.updateComplete;
    expect(root(el).querySelector('form')).toBeNull();
    button(el, /Подтвердить заказ/).click();
    await until(() => done.length, 'the order');
    expect(done[0]).toMatchObject({ orderNumber: 'SHOP-77', recipient: { phone: '+79123456780' } });
    await el.updateComplete;
    const track: unknown[] = [];
    el.addEventListener('bp-order-step-track', (e) => track.push((e as CustomEvent).detail));
    button(el, /Отследить посылку/).click();
    expect(track).toEqual([{ orderId: done[0]!.id, token: done[0]!.token }]);
  });

  it('resumes after a reload: a new element with the same store finishes the intent with its key; one order', async () => {
    const storage = new MapStorage();
    const lost = wire(() => 'hang-after-commit');
    const first = mount({ storage, fetch: lost.fetch });
    await type(first, ANNA);
    await submitForm(first);
    const before = await h.oms.store.countOrders();
    button(first, /Подтвердить заказ/).click();
    await until(() => lost.posts.length === 1, 'the first POST');
    await until(async () => (await h.oms.store.countOrders()) === before + 1, 'the commit');
    const pending = await pendingOrder('demo', orderStore('demo', storage));
    expect(pending?.input.recipient.givenName).toBe('Анна');
    first.remove(); // the tab is gone

    const w = wire();
    const second = mount({ storage, fetch: w.fetch, resume: true, branch: undefined, parcel: undefined });
    const done = doneEvents(second);
    await until(() => done.length, 'the resumed order');
    expect(w.posts.map((p) => p.key)).toEqual([lost.posts[0]!.key]);
    expect(done[0]!.orderNumber).toBe(pending!.input.orderNumber);
    expect(await h.oms.store.countOrders()).toBe(before + 1);
    expect(await pendingOrder('demo', orderStore('demo', storage))).toBeUndefined();
    await second.updateComplete;
    expect(text(second)).toContain(pending!.input.orderNumber);
    expect(text(second)).toContain('Москва 101000'); // from the API's answer: the element had no branch
  });

  it('without resume set, a pending intent is still finished first instead of starting a second order', async () => {
    const storage = new MapStorage();
    const before = await h.oms.store.countOrders();
    const cut = wire(() => 'refuse');
    const first = mount({ storage, fetch: cut.fetch });
    await type(first, ANNA);
    await submitForm(first);
    button(first, /Подтвердить заказ/).click();
    await until(() => text(first).includes('Нет соединения'), 'the offline notice');
    const pending = await pendingOrder('demo', orderStore('demo', storage));
    first.remove();
    const w = wire();
    const second = mount({ storage, fetch: w.fetch });
    const done = doneEvents(second);
    await until(() => done.length, 'the adopted order');
    expect(done[0]!.orderNumber).toBe(pending!.input.orderNumber);
    expect(w.posts.map((p) => p.key)).toEqual([cut.posts[0]!.key]);
    expect(await h.oms.store.countOrders()).toBe(before + 1);
  });

  it('a pending intent older than the API keeps keys is sent again under a new key (the order number guards against a double)', async () => {
    const storage = new MapStorage();
    const store = orderStore('demo', storage);
    const input = {
      orderNumber: 'bp-expired00001', configId: 'demo', pointId: 'rp-101000', carrier: 'russian-post', parcel: PARCEL,
      recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+79123456789' },
    };
    await store.save({ intentId: input.orderNumber, key: 'old-key-never-sent', input, createdAt: Date.now() - 25 * 3600_000 });
    const w = wire();
    const el = mount({ storage, fetch: w.fetch });
    const done = doneEvents(el);
    await until(() => done.length, 'the renewed order');
    expect(done[0]!.orderNumber).toBe('bp-expired00001');
    expect(w.posts.map((p) => p.key)).not.toContain('"old-key-never-sent"');
    expect(w.posts).toHaveLength(1);
    expect(await pendingOrder('demo', store)).toBeUndefined();
  });

  it('offline: says so at once, keeps the intent, and sends it with the same key when the browser is online again', async () => {
    setOnline(false);
    const w = wire(() => (online ? 'ok' : 'refuse'));
    const el = mount({ fetch: w.fetch });
    const done = doneEvents(el);
    await type(el, ANNA);
    await submitForm(el);
    button(el, /Подтвердить заказ/).click();
    await el.updateComplete;
    expect(text(el)).toContain('Нет соединения с интернетом');
    await until(() => !el.submission.inFlight, 'the attempts to give up');
    await el.updateComplete;
    expect(text(el)).toContain('Нет соединения с интернетом');
    expect(input(el, 'givenName')).toBeNull(); // still the review, nothing lost
    expect(done).toHaveLength(0);
    setOnline(true);
    await until(() => done.length, 'the order after going online');
    expect(new Set(w.posts.map((p) => p.key)).size).toBe(1);
    expect(w.posts.length).toBeGreaterThanOrEqual(3);
  });

  it('409: shows the new price, the buyer confirms it, a new key sends the order at that price', async () => {
    const w = wire();
    const stale: Quote = {
      carrier: 'russian-post', service: '23030', pointId: 'rp-101000', currency: 'RUB', total: 100, breakdown: [{ kind: 'delivery', amount: 100 }],
      vat: { rate: 20, amount: 17 }, deliveryDays: { min: 2, max: 4 }, estimatedDate: '2026-11-29', expiresAt: '2026-11-25T12:30:00+03:00',
    };
    const el = mount({ fetch: w.fetch, quote: stale });
    const done = doneEvents(el);
    await type(el, ANNA);
    await submitForm(el);
    expect(text(el)).toMatch(/Срок\s?2–4 дня, до 29 ноября/u);
    button(el, /Подтвердить заказ за 1\s₽/u).click();
    await until(() => text(el).includes('Цена доставки изменилась'), 'the 409');
    await el.updateComplete;
    expect(w.posts).toHaveLength(1);
    const confirmNew = button(el, /Подтвердить новую цену/);
    expect(root(el).activeElement?.id).toBe('bp-order-alert');
    expect(done).toHaveLength(0);
    confirmNew.click();
    await until(() => done.length, 'the order at the new price');
    expect(w.posts).toHaveLength(2);
    expect(w.posts[1]!.key).not.toBe(w.posts[0]!.key);
    expect(w.posts[1]!.body.orderNumber).toBe(w.posts[0]!.body.orderNumber);
    const newTotal = (w.posts[1]!.body.quote as Quote).total;
    expect(newTotal).not.toBe(100);
    expect(done[0]!.quote.total).toBe(newTotal);
    expect(confirmNew.textContent).toContain(`${Math.round(newTotal / 100)}`);
  });

  it('a refusal names the field, and everything typed survives it', async () => {
    const noCod = FIXTURE_BRANCHES.find((b) => b.id === 'rp-pm-101000')!;
    const el = mount({ branch: noCod, cod: { amount: 50000, currency: 'RUB' } });
    await type(el, { ...ANNA, email: 'anna@example.ru' });
    await submitForm(el);
    button(el, /Подтвердить заказ/).click();
    await until(() => text(el).includes('Заказ не принят'), 'the refusal');
    await el.updateComplete;
    expect(root(el).getElementById('bp-order-alert')?.textContent).toMatch(/^Заказ не принят\. parcel\.cashOnDelivery: .*cash on delivery/);
    button(el, /Изменить получателя/).click();
    await el.updateComplete;
    expect(['givenName', 'surname', 'phone', 'email'].map((f) => input(el, f).value)).toEqual(['Анна', 'Иванова', '8 912 345 67 89', 'anna@example.ru']);
  });

  it('a refusal of a recipient field goes back to the form with the message next to that field', async () => {
    const refusing: FetchLike = async () => new Response(JSON.stringify({
      type: 'about:blank', title: 'Unprocessable Content', status: 422, code: 'invalid_field', field: 'recipient.surname', detail: 'must not be empty',
    }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
    const el = mount({ fetch: refusing });
    await type(el, ANNA);
    await submitForm(el);
    button(el, /Подтвердить заказ/).click();
    await until(() => input(el, 'surname')?.getAttribute('aria-invalid') === 'true', 'the form with the error');
    await el.updateComplete;
    expect(root(el).getElementById('bp-order-surname-error')?.textContent).toBe('Фамилия: must not be empty');
    expect(root(el).activeElement).toBe(input(el, 'surname'));
    expect(input(el, 'givenName').value).toBe('Анна');
  });
});

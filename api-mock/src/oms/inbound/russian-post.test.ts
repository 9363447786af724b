// The inbound Russian Post connector against a real server and database: a shop's Otpravka backlog becomes orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../../test-support/fixture.js';
import { DEMO_OWNER_KEY } from '../index.js';
import { storedOrder } from '../orders.js';
import { fakeCarrier } from '../testing/fake-connector.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { rpBacklogId } from './russian-post.js';

let h: Harness;
let now = FIXTURE_NOW;

beforeAll(async () => {
  h = await startHarness({ now: () => now, connectors: () => [['russian-post', fakeCarrier('russian-post')]] });
});
afterAll(() => h.close());

interface Shop { configId: string; ownerKey: string }

async function newShop(): Promise<Shop> {
  const res = await fetch(`${h.base}/api/v1/configs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'RP shop' }) });
  const body = await res.json() as { id: string; ownerKey: string };
  return { configId: body.id, ownerKey: body.ownerKey };
}

const basic = (user: string) => `Basic ${Buffer.from(user).toString('base64')}`;
const authOf = (s: Shop): Record<string, string> => ({ authorization: `AccessToken ${s.ownerKey}`, 'x-user-authorization': basic(`${s.configId}:whatever`) });

async function put(body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${h.base}/api/v1/connectors/russian-post/1.0/user/backlog`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

/** A position as an Otpravka client sends it: to the Moscow office 101000. */
function position(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'order-num': 'RP-1',
    'mail-type': 'POSTAL_PARCEL',
    'mail-category': 'ORDINARY',
    'mail-direct': 643,
    mass: 1200,
    dimension: { length: 30, width: 20, height: 10 },
    'address-type-to': 'DEFAULT',
    'index-to': 101000,
    'region-to': 'Москва',
    'place-to': 'Москва',
    'street-to': 'Мясницкая ул',
    'house-to': '26',
    'given-name': 'Анна',
    surname: 'Иванова',
    'recipient-name': 'Иванова Анна',
    'tel-address': 79123456789,
    ...overrides,
  };
}

/** The widget's orders by order number (the fixed clock gives them all one creation time). */
const ordersOf = async (s: Shop) => (await h.oms.store.listOrders({ configId: s.configId, limit: 100 }))
  .sort((a, b) => a.order_number.localeCompare(b.order_number));

describe('PUT /api/v1/connectors/russian-post/1.0/user/backlog', () => {
  it('turns the good positions into orders and names the bad one, Russian Post style', async () => {
    const shop = await newShop();
    const { 'index-to': _i, ...noIndex } = position({ 'order-num': 'RP-2' });
    const body = [position({ 'order-num': 'RP-1' }), noIndex, position({ 'order-num': 'RP-3', 'index-to': '115551' })];
    const r = await put(body, authOf(shop));
    expect(r.status).toBe(200);
    const rows = await ordersOf(shop);
    expect(rows.map((o) => [o.order_number, o.point_id, o.status])).toEqual([['RP-1', 'rp-101000', 'created'], ['RP-3', 'rp-115551', 'created']]);
    expect(r.json).toEqual({
      'result-ids': rows.map((o) => rpBacklogId(o.id)),
      errors: [{ 'error-codes': [{ code: 'EMPTY_INDEX_TO', description: 'expected a 6-digit index', details: 'index-to: expected a 6-digit index' }], position: 1 }],
    });
    for (const id of r.json['result-ids'] as number[]) expect(String(id)).toMatch(/^\d{1,15}$/);
  });

  it('re-sending the same backlog creates nothing and answers the same ids; a changed payload is a position error', async () => {
    const shop = await newShop();
    const body = [position({ 'order-num': 'A-1' }), position({ 'order-num': 'A-2', mass: 2500 })];
    const first = await put(body, authOf(shop));
    expect(first.json).toEqual({ 'result-ids': (await ordersOf(shop)).map((o) => rpBacklogId(o.id)) });
    const before = await h.oms.store.countOrders();

    // Key order and number-vs-string forms do not make another order.
    const again = await put([{ ...body[0], 'index-to': '101000', 'tel-address': '79123456789' }, Object.fromEntries(Object.entries(body[1]!).reverse())], authOf(shop));
    expect(again.text).toBe(first.text);
    expect(await h.oms.store.countOrders()).toBe(before);

    const [id1] = first.json['result-ids'] as number[];
    const changed = await put([position({ 'order-num': 'A-1', mass: 1300 }), body[1]], authOf(shop));
    expect(changed.json).toEqual({
      'result-ids': [(first.json['result-ids'] as number[])[1]],
      errors: [{
        'error-codes': [{
          code: 'DUPLICATE_ORDER_NUM', description: 'Заказ с таким номером уже принят с другими данными',
          details: `order-num: order number "A-1" already has an order in this widget (id ${id1}) with other data`,
        }],
        position: 0,
      }],
    });
    expect(await h.oms.store.countOrders()).toBe(before);
    // The original order is untouched.
    expect(storedOrder((await ordersOf(shop))[0]!).input.parcel.weightG).toBe(1200);
  });

  it('a repeated order-num inside one backlog answers the same order twice', async () => {
    const shop = await newShop();
    const r = await put([position({ 'order-num': 'D-1' }), position({ 'order-num': 'D-1' })], authOf(shop));
    const rows = await ordersOf(shop);
    expect(rows).toHaveLength(1);
    expect(r.json).toEqual({ 'result-ids': [rpBacklogId(rows[0]!.id), rpBacklogId(rows[0]!.id)] });
  });

  it('two identical backlogs racing make each order once and get the same answer', async () => {
    const shop = await newShop();
    const body = [position({ 'order-num': 'R-1' }), position({ 'order-num': 'R-2', 'index-to': 190000 })];
    const [a, b] = await Promise.all([put(body, authOf(shop)), put(body, authOf(shop))]);
    const rows = await ordersOf(shop);
    expect(rows).toHaveLength(2);
    const ids = rows.map((o) => rpBacklogId(o.id));
    expect(a!.json).toEqual({ 'result-ids': ids });
    expect(b!.json).toEqual({ 'result-ids': ids });
  });

  it('after the 24 h key retention an identical position still answers its order, a changed one is refused', async () => {
    const shop = await newShop();
    const first = await put([position({ 'order-num': 'T-1' })], authOf(shop));
    const before = await h.oms.store.countOrders();
    now = new Date(FIXTURE_NOW.getTime() + 25 * 3600_000);
    try {
      expect((await put([position({ 'order-num': 'T-1' })], authOf(shop))).json).toEqual(first.json);
      expect((await put([position({ 'order-num': 'T-1' })], authOf(shop))).json).toEqual(first.json);
      const changed = await put([position({ 'order-num': 'T-1', mass: 999 })], authOf(shop));
      expect(changed.json).toEqual({
        'result-ids': [],
        errors: [{
          'error-codes': [{
            code: 'DUPLICATE_ORDER_NUM', description: 'Заказ с таким номером уже принят с другими данными',
            details: `order-num: order number "T-1" already has an order in this widget (id ${(first.json['result-ids'] as number[])[0]}) with other data`,
          }],
          position: 0,
        }],
      });
      expect(await h.oms.store.countOrders()).toBe(before);
    } finally {
      now = FIXTURE_NOW;
    }
  });

  it('maps a position field by field', async () => {
    const shop = await newShop();
    const { 'given-name': _g, surname: _s, ...byFullName } = position({
      'order-num': 'M-7/2024',
      'mail-category': 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY',
      mass: 2750,
      dimension: { length: 31, width: 21, height: 11 },
      'recipient-name': '  Петрова   Мария Ивановна ',
      'tel-address': '89161234567',
      'insr-value': 250000,
      payment: 150000,
      'postoffice-code': '190000',
      comment: 'хрупкое',
    });
    const r = await put([byFullName], authOf(shop));
    const [row] = await ordersOf(shop);
    expect(r.json).toEqual({ 'result-ids': [rpBacklogId(row!.id)] });
    const { point, ...stored } = storedOrder(row!);
    expect(point?.id).toBe('rp-101000'); // the point as it was at acceptance, kept with the order
    expect(stored).toEqual({
      input: {
        orderNumber: 'M-7/2024',
        configId: shop.configId,
        pointId: 'rp-101000',
        carrier: 'russian-post',
        parcel: {
          weightG: 2750,
          dimensionsCm: { length: 31, width: 21, height: 11 },
          declaredValue: { amount: 250000, currency: 'RUB' },
          cashOnDelivery: { amount: 150000, currency: 'RUB' },
        },
        recipient: { givenName: 'Мария', surname: 'Петрова', phone: '+79161234567' },
        origin: { country: 'RU', postcode: '190000', city: 'Санкт-Петербург' },
        comment: 'хрупкое',
      },
      origin: { country: 'RU', postcode: '190000', city: 'Санкт-Петербург' },
    });
    // The same order through the order API: the shop's owner key reads it.
    const view = await (await fetch(`${h.base}/api/v1/orders/${row!.id}`, { headers: { authorization: `Bearer ${shop.ownerKey}` } })).json() as Record<string, unknown>;
    expect(view).toMatchObject({ orderNumber: 'M-7/2024', configId: shop.configId, pointName: 'Москва 101000', cashOnDelivery: { amount: 150000, currency: 'RUB' } });
  });

  it('given-name and surname win over recipient-name; no postoffice-code leaves the origin to the widget', async () => {
    const shop = await newShop();
    await put([position({ 'order-num': 'N-1', 'recipient-name': 'Сидоров Пётр', 'tel-address': 9123456789 })], authOf(shop));
    const [row] = await ordersOf(shop);
    const stored = storedOrder(row!);
    expect(stored.input.recipient).toEqual({ givenName: 'Анна', surname: 'Иванова', phone: '+79123456789' });
    expect(stored.input.origin).toBeUndefined();
    expect(stored.input.parcel).toEqual({ weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } });
    expect(stored.origin).toEqual({ country: 'RU', postcode: '101000', city: 'Москва' });
  });

  it('ecom-data.delivery-point-index sends it to the parcel locker of that index, index-to alone to the office', async () => {
    const shop = await newShop();
    const r = await put([
      position({ 'order-num': 'L-1', 'mail-type': 'ECOM', 'ecom-data': { 'delivery-point-index': '101000' } }),
      position({ 'order-num': 'L-2', 'mail-type': 'ECOM' }),
      position({ 'order-num': 'L-3', 'mail-type': 'ECOM', 'ecom-data': { 'delivery-point-index': 115551 } }),
      position({ 'order-num': 'L-4', 'ecom-data': { 'delivery-point-index': 101000 }, mass: 16000 }),
    ], authOf(shop));
    const rows = await ordersOf(shop);
    expect(rows.map((o) => [o.order_number, o.point_id, o.point_name])).toEqual([['L-1', 'rp-pm-101000', 'Почтомат на Мясницкой']]);
    expect(r.json).toEqual({
      'result-ids': [rpBacklogId(rows[0]!.id)],
      errors: [
        { 'error-codes': [{ code: 'EMPTY_DELIVERY_POINT_INDEX', description: 'Для ECOM нужен индекс пункта выдачи (ecom-data.delivery-point-index)', details: 'ecom-data.delivery-point-index: mail-type ECOM needs it' }], position: 1 },
        { 'error-codes': [{ code: 'UNDEFINED_DELIVERY_POINT_INDEX', description: 'Пункт выдачи не найден', details: 'ecom-data.delivery-point-index: no Russian Post parcel locker or pickup point 115551' }], position: 2 },
        { 'error-codes': [{ code: 'MAX_MASS_EXCEEDED', description: 'Превышен предельный вес отправления', details: 'mass: the parcel is heavier than the 15000 g allowed at point "rp-pm-101000"' }], position: 3 },
      ],
    });
  });

  it('our order API\'s refusals come back as Russian Post codes with our detail, and make no order', async () => {
    const shop = await newShop();
    const r = await put([
      position({ 'order-num': 'E-1', 'index-to': 690000 }),
      position({ 'order-num': 'E-2', 'index-to': 123456 }),
      position({ 'order-num': 'E-3', 'tel-address': 380671234567 }),
      position({ 'order-num': 'E-4', 'mail-type': 'ECOM', 'ecom-data': { 'delivery-point-index': '101000' }, 'mail-category': 'WITH_DECLARED_VALUE_AND_CASH_ON_DELIVERY', 'insr-value': 100000, payment: 50000 }),
      position({ 'order-num': 'Заказ-5' }),
      position({ 'order-num': 'E-6', payment: 50000 }),
      position({ 'order-num': 'E-7', dimension: undefined, 'tel-address': undefined }),
    ], authOf(shop));
    expect(await ordersOf(shop)).toEqual([]);
    expect(r.json['result-ids']).toEqual([]);
    const errors = r.json.errors as Array<{ 'error-codes': Array<{ code: string; details: string }>; position: number }>;
    expect(errors.map((e) => [e.position, e['error-codes'].map((c) => [c.code, c.details])])).toEqual([
      [0, [['CLOSED_INDEX_TO', 'index-to: point "rp-690000" is not accepting parcels (temporarily_closed)']]],
      [1, [['UNDEFINED_INDEX_TO', 'index-to: no Russian Post point 123456']]],
      [2, [['ILLEGAL_TEL_ADDRESS', 'tel-address: expected a RU number, e.g. +7 912 345-67-89']]],
      [3, [['COD_NOT_AVAILABLE', 'payment: point "rp-pm-101000" does not take cash on delivery']]],
      [4, [['ILLEGAL_ORDER_NUM', 'order-num: expected letters, digits, ".", "_", "/" or "-"']]],
      [5, [['ILLEGAL_PAYMENT', 'payment with mail-category ORDINARY']]],
      [6, [['EMPTY_TEL_ADDRESS', 'tel-address: the order API needs the recipient\'s phone'], ['EMPTY_DIMENSION', 'dimension: length, width and height in cm are required']]],
    ]);
    expect(errors[2]!['error-codes'][0]).toMatchObject({ description: 'Некорректное значение поля tel-address' });
  });

  it('a position refused after pricing can be corrected under the same order-num', async () => {
    const shop = await newShop();
    const heavy = await put([position({ 'order-num': 'F-1', mass: 50000 })], authOf(shop));
    expect(heavy.json).toEqual({
      'result-ids': [],
      errors: [{ 'error-codes': [{ code: 'NOT_DELIVERABLE', description: 'Доставка в указанный пункт невозможна', details: 'mass: russian-post: Превышен предельный вес отправления' }], position: 0 }],
    });
    // The refusal is stored under the order-num's key; the same position gets the same refusal, not another try.
    expect((await put([position({ 'order-num': 'F-1', mass: 50000 })], authOf(shop))).text).toBe(heavy.text);
    const fixed = await put([position({ 'order-num': 'F-1', mass: 5000 })], authOf(shop));
    const rows = await ordersOf(shop);
    expect(rows.map((o) => [o.order_number, storedOrder(o).input.parcel.weightG])).toEqual([['F-1', 5000]]);
    expect(fixed.json).toEqual({ 'result-ids': [rpBacklogId(rows[0]!.id)] });
    expect((await put([position({ 'order-num': 'F-1', mass: 5000 })], authOf(shop))).text).toBe(fixed.text);
    expect(await ordersOf(shop)).toHaveLength(1);
  });

  describe('auth like Otpravka: 401 in its error shape, nothing created', () => {
    let shop: Shop;
    let other: Shop;
    beforeAll(async () => {
      shop = await newShop();
      other = await newShop();
    });
    const cases: Array<[string, () => Record<string, string>, string, string]> = [
      ['no Authorization', () => ({ 'x-user-authorization': basic(`${shop.configId}:x`) }), 'Authorization', 'Authorization: AccessToken <ownerKey> is required'],
      ['a Bearer token', () => ({ ...authOf(shop), authorization: `Bearer ${shop.ownerKey}` }), 'Authorization', 'Authorization: AccessToken <ownerKey> is required'],
      ['no X-User-Authorization', () => ({ authorization: `AccessToken ${shop.ownerKey}` }), 'X-User-Authorization', 'X-User-Authorization: Basic base64("<configId>:<password>") is required'],
      ['a user that is no widget id', () => ({ ...authOf(shop), 'x-user-authorization': basic('shop owner:x') }), 'X-User-Authorization', 'X-User-Authorization must name the widget: Basic base64("<configId>:<password>")'],
      ['an unknown widget', () => ({ ...authOf(shop), 'x-user-authorization': basic('no-such-widget:x') }), 'Authorization', 'the access token is not the owner key of this widget'],
      ['another widget\'s owner key', () => ({ ...authOf(shop), authorization: `AccessToken ${other.ownerKey}` }), 'Authorization', 'the access token is not the owner key of this widget'],
      ['a wrong key for the demo widget', () => ({ authorization: `AccessToken ${DEMO_OWNER_KEY}x`, 'x-user-authorization': basic('demo:') }), 'Authorization', 'the access token is not the owner key of this widget'],
    ];
    it.each(cases)('%s', async (_name, headers, field, desc) => {
      const before = await h.oms.store.countOrders();
      const r = await put([position({ 'order-num': 'U-1' })], headers());
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ code: 'UNAUTHORIZED', desc, 'sub-code': 'UNAUTHORIZED', field });
      expect(await h.oms.store.countOrders()).toBe(before);
    });

    it('the demo widget with its owner key and an empty password is let in', async () => {
      const r = await put([position({ 'order-num': 'DEMO-RP-1' })], { authorization: `AccessToken ${DEMO_OWNER_KEY}`, 'x-user-authorization': basic('demo:') });
      expect(r.status).toBe(200);
      const rows = await h.oms.store.listOrders({ configId: 'demo', q: 'DEMO-RP-1', limit: 5 });
      expect(r.json).toEqual({ 'result-ids': rows.map((o) => rpBacklogId(o.id)) });
      expect(rows).toHaveLength(1);
    });
  });

  it.each([
    ['an object instead of an array', JSON.stringify(position()), 'expected a JSON array of orders'],
    ['broken JSON', '[{"order-num":', 'expected a JSON array of orders'],
    ['an empty array', '[]', 'expected 1-500 orders'],
    ['501 positions', JSON.stringify(Array.from({ length: 501 }, () => ({}))), 'expected 1-500 orders'],
  ])('answers 400 for %s', async (_name, body, desc) => {
    const shop = await newShop();
    const r = await put(body, authOf(shop));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 'BAD_REQUEST', desc, 'sub-code': 'BAD_REQUEST', field: 'body' });
  });
});

describe('rpBacklogId', () => {
  it('is 1 + the first 48 bits of the order id', () => {
    expect(rpBacklogId('ord_000000000000ffffffff')).toBe(1);
    expect(rpBacklogId('ord_0000000000ff00000000')).toBe(256);
    expect(rpBacklogId('ord_ffffffffffff00000000')).toBe(281_474_976_710_656);
    expect(() => rpBacklogId('nope')).toThrow('not an order id');
  });
});

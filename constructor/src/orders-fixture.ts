// A valid order and tracking answer for the Orders tab's unit tests.
import type { OrderView, TrackingView } from '../../widget/src/model/order.js';

export function sampleOrder(overrides: Partial<OrderView> = {}): OrderView {
  const id = overrides.id ?? 'ord_0123456789abcdef0123';
  return {
    id,
    orderNumber: 'SHOP-1',
    configId: 'cfg_a',
    status: 'registered',
    carrier: 'russian-post',
    pointId: 'rp-101000',
    pointName: 'Москва 101000',
    pointAddress: 'Мясницкая ул., 26',
    parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } },
    recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+79123456789' },
    quote: {
      carrier: 'russian-post', service: '23030', pointId: 'rp-101000', currency: 'RUB', total: 34550,
      breakdown: [{ kind: 'delivery', amount: 34550 }], vat: { rate: 20, amount: 5758 },
      deliveryDays: { min: 2, max: 4 }, expiresAt: '2025-03-01T12:00:00Z',
    },
    trackNumber: '80081234567890',
    createdAt: '2025-03-01T09:30:00.000Z',
    updatedAt: '2025-03-01T09:31:00.000Z',
    links: { self: `/api/v1/orders/${id}`, tracking: `/api/v1/orders/${id}/tracking`, cancel: `/api/v1/orders/${id}/cancel` },
    ...overrides,
  };
}

export function sampleTracking(overrides: Partial<TrackingView> = {}): TrackingView {
  return {
    orderId: 'ord_0123456789abcdef0123',
    status: 'in_transit',
    carrier: 'russian-post',
    trackNumber: '80081234567890',
    eta: '2025-03-04',
    pointId: 'rp-101000',
    pointName: 'Москва 101000',
    pointAddress: 'Мясницкая ул., 26',
    events: [
      { status: 'in_transit', carrierCode: '8/2', description: 'Покинуло место приёма', at: '2025-03-02T08:15:00+03:00', place: 'Москва' },
      { status: 'registered', carrierCode: '1/1', description: 'Приём', at: '2025-03-01T12:40:00+03:00' },
    ],
    checkedAt: '2025-03-02T05:20:00.000Z',
    ...overrides,
  };
}

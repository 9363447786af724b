// The public `bp-order` event: what the shop's page hears once the buyer's order exists. Free of Lit and zod
// (type imports only), so the main script-tag file can import it without pulling in the order step.
import type { CreatedOrder, OrderStatus } from '../model/order.js';
import type { Quote } from '../model/quote.js';

export interface BpOrderDetail {
  orderId: string;
  orderNumber: string;
  status: OrderStatus;
  /** Bearer token for reading, tracking and cancelling this order (given only once, by the order API). */
  token: string;
  trackNumber?: string;
  /** The price the order was accepted at (the API's re-checked quote). */
  quote: Quote;
}

/** Fired by `<branch-picker>` when the order step created the order. Bubbles out of shadow roots. */
export class BpOrderEvent extends Event {
  static readonly type = 'bp-order';
  readonly detail: BpOrderDetail;

  constructor(detail: BpOrderDetail) {
    super(BpOrderEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The event's detail from the order API's answer. */
export function orderEventDetail(order: CreatedOrder): BpOrderDetail {
  const detail: BpOrderDetail = {
    orderId: order.id, orderNumber: order.orderNumber, status: order.status, token: order.token, quote: order.quote,
  };
  if (order.trackNumber) detail.trackNumber = order.trackNumber;
  return detail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bp-order': BpOrderEvent;
  }
}

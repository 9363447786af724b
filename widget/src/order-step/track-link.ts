// The "Track parcel" link of a created order, from the shop's template, e.g.
// "https://shop.example/track?order={orderId}&token={token}". Values are URL-encoded; only http(s) links are made,
// so a template can never become a javascript: URL.
import type { CreatedOrder } from '../model/order.js';

const PLACEHOLDERS = ['orderId', 'orderNumber', 'token', 'trackNumber'] as const;

export function trackLink(template: string | undefined, order: CreatedOrder, base: string): string | undefined {
  if (!template) return undefined;
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    orderId: order.id, orderNumber: order.orderNumber, token: order.token, trackNumber: order.trackNumber ?? '',
  };
  const href = template.replace(/\{(\w+)\}/g, (all, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? encodeURIComponent(values[name as keyof typeof values]) : all);
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// Orders as CSV for spreadsheets: RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel reads Cyrillic right.
import type { OrderView } from '../../../widget/src/model/order.js';

const COLUMNS: ReadonlyArray<[string, (o: OrderView) => string]> = [
  ['order_id', (o) => o.id],
  ['order_number', (o) => o.orderNumber],
  ['created_at', (o) => o.createdAt],
  ['status', (o) => o.status],
  ['carrier', (o) => o.carrier],
  ['track_number', (o) => o.trackNumber ?? ''],
  ['point_id', (o) => o.pointId],
  ['point_name', (o) => o.pointName],
  ['point_address', (o) => o.pointAddress],
  ['recipient', (o) => `${o.recipient.givenName} ${o.recipient.surname}`],
  ['phone', (o) => o.recipient.phone],
  ['email', (o) => o.recipient.email ?? ''],
  ['weight_g', (o) => String(o.parcel.weightG)],
  ['price', (o) => (o.quote.total / 100).toFixed(2)],
  ['currency', (o) => o.quote.currency],
  ['cash_on_delivery', (o) => (o.cashOnDelivery ? (o.cashOnDelivery.amount / 100).toFixed(2) : '')],
  ['error', (o) => o.error ?? ''],
];

export function csvField(value: string): string {
  // A leading = @ (or + - before anything but a plain number) would run as a formula: carrier text is untrusted.
  const safe = /^[=@\t\r]|^[+-](?![\d ]*$)/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ordersCsv(orders: readonly OrderView[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const o of orders) lines.push(COLUMNS.map(([, get]) => csvField(get(o))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// Formats of the Orders tab: prices from minor units, times, status tones. The words live in i18n/*.ts (orders).
import type { OrderStatus, OrderView } from '../../widget/src/model/order.js';
import { CARRIER_OPTIONS } from './defaults.js';
import { en, type UiStrings } from './i18n/en.js';

/** The English status words; the Orders tab reads them from the interface language's table. */
export const STATUS_WORDS: Readonly<Record<OrderStatus, string>> = en.orders.status;

/** Tone of the status badge: where the parcel stands for the shop. */
export function statusTone(s: OrderStatus): 'progress' | 'waiting' | 'done' | 'problem' | 'ended' {
  if (s === 'delivered') return 'done';
  if (s === 'arrived_at_point') return 'waiting';
  if (s === 'rejected' || s === 'returning' || s === 'returned') return 'problem';
  if (s === 'cancelled') return 'ended';
  return 'progress';
}

/** The API cancels while the carrier still allows it: before hand-over, i.e. while created or registered. */
export function mayCancel(o: Pick<OrderView, 'status'>): boolean {
  return o.status === 'created' || o.status === 'registered';
}

/** The carrier's name in the interface language when `names` has it, else in English, else its id. */
export function carrierLabel(id: string, names: Readonly<Record<string, string>> = {}): string {
  return names[id] ?? CARRIER_OPTIONS.find((c) => c.value === id)?.label ?? id;
}

/** Minor units to "345.50 RUB" in the owner's locale (the currency code, never a guessed symbol). */
export function formatPrice(minor: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** An instant in the owner's own time zone, e.g. "1 Mar 2025, 12:30". */
export function formatInstant(iso: string, locale?: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(t);
}

/**
 * A carrier event at the local time of the place where it happened ("2 Mar 2025, 08:15 UTC+03:00"): the
 * timestamp's own offset, not the viewer's time zone.
 */
export function formatLocal(iso: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi, off] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(wall);
  return `${text} ${off === 'Z' || off === '+00:00' ? 'UTC' : `UTC${off}`}`;
}

/** A calendar date YYYY-MM-DD as "4 Mar 2025". */
export function formatDate(ymd: string, locale?: string): string {
  const t = Date.parse(`${ymd}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || !Number.isFinite(t)) return ymd;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(t);
}

export function countText(n: number, more: boolean, words: UiStrings['orders'] = en.orders): string {
  return words.count(n, more);
}

export function skippedText(n: number, words: UiStrings['orders'] = en.orders): string {
  return words.skipped(n);
}

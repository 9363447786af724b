// Small helpers shared by the carrier adapters.
import type { Parcel } from '../model/index.js';

/** Carrier numbers arrive as numbers or numeric strings ("30", "50.509762", "12,5"). */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.replace(',', '.'));
  return undefined;
}

/** Major units (UAH "45.5") -> minor units (4550), rounding away binary fractions. */
export function toMinor(major: number): number {
  return Math.round(major * 100);
}

/** Local dates and day counts: one copy, in core/calendar.ts (the sandbox uses it too). */
export { daysBetween, localIsoDate } from '../core/calendar.js';

/** A stable fingerprint of the parcel fields that change a price. */
export function parcelKey(p: Parcel): string {
  const d = [p.dimensionsCm.length, p.dimensionsCm.width, p.dimensionsCm.height].sort((a, b) => a - b).join('x');
  const v = p.declaredValue ? `${p.declaredValue.amount}${p.declaredValue.currency}` : '-';
  const c = p.cashOnDelivery ? `${p.cashOnDelivery.amount}${p.cashOnDelivery.currency}` : '-';
  return `${p.weightG}g|${d}|v${v}|c${c}`;
}

/** "HH:MM:SS.sss" / "HH:MM" -> "HH:MM", or undefined. */
export function hhmm(v: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})/.exec(v.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

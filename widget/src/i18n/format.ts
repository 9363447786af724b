// Intl-based formatters. Intl objects are costly to build, so each is cached per language.
import type { Lang } from '../model/index.js';
import type { TodayStatus } from '../core/hours.js';
import { LOCALES } from './plural.js';
import type { Messages } from './types.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import { en } from './en.js';

const MESSAGES: Record<Lang, Messages> = { ru, uk, en };

export function getMessages(lang: Lang): Messages {
  return MESSAGES[lang] ?? ru;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/**
 * The widget's one cache of Intl formatters (also used by tracking/view-model.ts): `key` must name
 * everything `make` depends on. A `make` that throws (an unknown zone) caches nothing and rethrows.
 */
export function cachedFormat<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) { f = make(); cache.set(key, f); }
  return f;
}

function moneyFormat(currency: string, lang: Lang, whole: boolean): Intl.NumberFormat {
  return cachedFormat(`money|${lang}|${currency}|${whole}`, () => {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency, currencyDisplay: 'narrowSymbol' };
    if (whole) options.minimumFractionDigits = 0;
    return new Intl.NumberFormat(LOCALES[lang], options);
  });
}

/**
 * Money from minor units (kopecks, kopiyky): "1 234,50 ₽", "350 ₴", "£12.00".
 * Whole amounts drop the zero minor part, as shops print prices.
 */
export function formatMoney(minor: number, currency: string, lang: Lang): string {
  let digits: number;
  try {
    digits = moneyFormat(currency, lang, false).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown currency code from a carrier: show the number and the code, never throw.
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
  const scale = 10 ** digits;
  const whole = minor % scale === 0;
  return moneyFormat(currency, lang, whole).format(minor / scale);
}

/** Display name of a carrier slug; unknown carriers show their slug. */
export function carrierName(slug: string, lang: Lang): string {
  return getMessages(lang).carrierNames[slug] ?? slug;
}

/** "14:30" in the buyer's clock (for "price valid until"). */
export function formatTime(date: Date, lang: Lang): string {
  return cachedFormat(`t|${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit' })).format(date);
}

/** "350 м", "1,3 км", "12 km": metres under 1 km (rounded to 10), one decimal under 10 km. */
export function formatDistance(m: number, lang: Lang): string {
  if (m < 1000) {
    const metres = Math.max(10, Math.round(m / 10) * 10);
    if (metres < 1000) {
      return cachedFormat(`m|${lang}`, () =>
        new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: 'meter', maximumFractionDigits: 0 })).format(metres);
    }
  }
  const km = m / 1000;
  const digits = km < 9.95 ? 1 : 0;
  return cachedFormat(`km|${lang}|${digits}`, () =>
    new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: 'kilometer', maximumFractionDigits: digits })).format(km);
}

function calendarDate(date: string | Date): Date {
  // A bare "YYYY-MM-DD" is a calendar date: format it in UTC so no zone shifts the day.
  return typeof date === 'string' ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
}

/**
 * A calendar date: "2 марта", "2 березня", "2 March" (style 'long', default),
 * "пн, 2 марта" ('weekday'), "пт, 14 нояб." ('short'), or "02.03.2026" ('numeric').
 * Date objects are shown in `timeZone` (default UTC, matching "YYYY-MM-DD" strings).
 */
export function formatDate(
  date: string | Date, lang: Lang, style: 'long' | 'weekday' | 'short' | 'numeric' = 'long', timeZone = 'UTC',
): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'numeric' ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : style === 'weekday' ? { weekday: 'short', day: 'numeric', month: 'long' }
    : style === 'short' ? { weekday: 'short', day: 'numeric', month: 'short' }
    : { day: 'numeric', month: 'long' };
  return cachedFormat(`date|${lang}|${style}|${timeZone}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone })).format(calendarDate(date));
}

/** Weekday name of ISO weekday 1 (Monday) .. 7 (Sunday): "пн" / "понедельник", "Mon" / "Monday". */
export function formatWeekday(weekday: number, lang: Lang, style: 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, weekday));
  return cachedFormat(`wd|${lang}|${style}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang], { weekday: style, timeZone: 'UTC' })).format(day);
}

/** One line for the list and the details: "Открыто до 20:00 · обед 13:00–14:00". */
export function formatTodayStatus(status: TodayStatus, lang: Lang): string {
  const m = getMessages(lang);
  switch (status.kind) {
    case 'always':
      return m.open247;
    case 'unavailable':
      return status.status === 'temporarily_closed' ? m.temporarilyClosed : m.permanentlyClosed;
    case 'break':
      return m.onBreakUntil(status.until);
    case 'open': {
      // A night shift ending tomorrow morning reads as plain "until 02:00"; longer runs name the day.
      const d = status.untilDay;
      const named = d && (d.inDays > 1 || status.until >= '12:00');
      const text = named ? m.openUntilDay(formatWeekday(d.weekday, lang), status.until) : m.openUntil(status.until);
      return status.nextBreak ? `${text} · ${m.lunch(status.nextBreak.from, status.nextBreak.to)}` : text;
    }
    case 'closed': {
      const o = status.opensAt;
      if (!o) return m.closedNow;
      if (o.inDays === 0) return m.closedOpensToday(o.time);
      if (o.inDays === 1) return m.closedOpensTomorrow(o.time);
      if (o.inDays < 7) return m.closedOpensOn(formatWeekday(o.weekday, lang), o.time);
      return m.closedOpensOnDate(formatDate(o.date, lang), o.time);
    }
  }
}

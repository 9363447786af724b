// Display helpers for the widget's chrome: dates, weekdays, statuses and distances come from the
// i18n module (one cache of Intl formatters, i18n/format.ts); this adds the tone used for colour.
import type { TodayStatus } from '../core/hours.js';
import type { Lang } from '../model/index.js';
import { formatDate, formatTodayStatus, formatWeekday } from '../i18n/index.js';

/** Weekday name for ISO weekday 1..7 (long by default, as the opening-hours table shows it). */
export function weekdayName(isoDay: number, lang: Lang, style: 'long' | 'short' = 'long'): string {
  return formatWeekday(isoDay, lang, style);
}

/** "пн, 2 марта": a "YYYY-MM-DD" date with its weekday. */
export function formatIsoDate(date: string, lang: Lang): string {
  return formatDate(date, lang, 'weekday');
}

export type StatusTone = 'open' | 'break' | 'closed' | 'off';

export function describeStatus(s: TodayStatus, lang: Lang, note?: string): { text: string; tone: StatusTone } {
  const text = formatTodayStatus(s, lang);
  switch (s.kind) {
    case 'open':
    case 'always':
      return { text, tone: 'open' };
    case 'break':
      return { text, tone: 'break' };
    case 'closed':
      return { text, tone: 'closed' };
    case 'unavailable':
      return { text: note ? `${text}: ${note}` : text, tone: 'off' };
  }
}

export { formatDistance } from '../i18n/index.js';

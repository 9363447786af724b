// Display helpers for the widget's chrome via Intl (cached formatters); statuses and
// distances come from the shared i18n module, this adds the tone used for colour.
import type { TodayStatus } from '../core/hours.js';
import type { Lang } from '../model/index.js';
import { formatTodayStatus } from '../i18n/index.js';

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Weekday name for ISO weekday 1..7. */
export function weekdayName(isoDay: number, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const key = `w|${lang}|${style}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { weekday: style, timeZone: 'UTC' });
    cache.set(key, f);
  }
  // 2024-01-01 was a Monday.
  return f.format(new Date(Date.UTC(2024, 0, isoDay)));
}

export function formatIsoDate(date: string, lang: Lang): string {
  const key = `d|${lang}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', weekday: 'short', timeZone: 'UTC' });
    cache.set(key, f);
  }
  const [y, m, d] = date.split('-').map(Number);
  return f.format(new Date(Date.UTC(y!, m! - 1, d!)));
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

// Display formatting for the widget's chrome via Intl (cached formatters).
// A local adapter: the shared i18n module was not there when this was written; the
// wording of statuses lives in ./strings.ts so it stays consistent with the UI.
import type { TodayStatus } from '../core/hours.js';
import type { Lang } from '../model/index.js';
import type { UiStrings } from './strings.js';

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function nf(lang: Lang, unit: 'meter' | 'kilometer', digits: number): Intl.NumberFormat {
  const key = `n|${lang}|${unit}|${digits}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

export function formatDistance(m: number, lang: Lang): string {
  if (m < 950) return nf(lang, 'meter', 0).format(Math.max(10, Math.round(m / 10) * 10));
  return nf(lang, 'kilometer', m < 9_950 ? 1 : 0).format(m / 1000);
}

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

export function describeStatus(s: TodayStatus, t: UiStrings, lang: Lang, note?: string): { text: string; tone: StatusTone } {
  switch (s.kind) {
    case 'open':
      return {
        text: s.untilDay && s.untilDay.inDays > 0
          ? t.openUntil(`${weekdayName(s.untilDay.weekday, lang, 'short')} ${s.until}`)
          : t.openUntil(s.until === '24:00' ? '00:00' : s.until),
        tone: 'open',
      };
    case 'break':
      return { text: t.breakUntil(s.until), tone: 'break' };
    case 'always':
      return { text: t.allDay, tone: 'open' };
    case 'closed':
      return {
        text: s.opensAt ? t.opensAt(s.opensAt.time, s.opensAt.inDays, weekdayName(s.opensAt.weekday, lang, 'short')) : t.closedNow,
        tone: 'closed',
      };
    case 'unavailable': {
      const base = s.status === 'temporarily_closed' ? t.temporarilyClosed : t.closedPermanently;
      return { text: note ? `${base}: ${note}` : base, tone: 'off' };
    }
  }
}

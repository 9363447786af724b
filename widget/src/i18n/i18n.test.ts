import { describe, expect, it } from 'vitest';
import type { TodayStatus } from '../core/hours.js';
import {
  en, formatDate, formatDistance, formatMoney, formatTodayStatus, formatWeekday, getMessages, plural, ru, toLang, uk,
  type Messages,
} from './index.js';

// Intl separates groups and units with no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('messages', () => {
  it('every language defines every key with the same kind of value', () => {
    const keys = Object.keys(ru).sort();
    for (const m of [uk, en] as Messages[]) {
      expect(Object.keys(m).sort()).toEqual(keys);
      for (const k of keys) expect(typeof m[k as keyof Messages]).toBe(typeof ru[k as keyof Messages]);
    }
    expect(getMessages('uk')).toBe(uk);
    expect(getMessages('en').typeNames.parcel_locker).toBe('Parcel locker');
    expect(getMessages('ru').typeNames.parcel_locker).toBe('Постамат');
    expect(getMessages('uk').typeNames.parcel_locker).toBe('Поштомат');
  });
});

describe('plurals', () => {
  it('Russian one/few/many', () => {
    expect(plain(ru.pointsFound(1))).toBe('Найдено: 1 пункт');
    expect(plain(ru.pointsFound(3))).toBe('Найдено: 3 пункта');
    expect(plain(ru.pointsFound(5))).toBe('Найдено: 5 пунктов');
    expect(plain(ru.pointsFound(11))).toBe('Найдено: 11 пунктов');
    expect(plain(ru.pointsFound(21))).toBe('Найдено: 21 пункт');
    expect(plain(ru.pointsFound(12_345))).toBe('Найдено: 12 345 пунктов');
    expect(ru.pointsFound(0)).toBe('Ничего не найдено');
    expect(plain(ru.deliveryDays(1, 2))).toBe('1–2 дня');
    expect(plain(ru.deliveryDays(2, 5))).toBe('2–5 дней');
    expect(plain(ru.deliveryDays(1, 1))).toBe('1 день');
  });
  it('Ukrainian one/few/many', () => {
    expect(plain(uk.pointsFound(1))).toBe('Знайдено: 1 пункт');
    expect(plain(uk.pointsFound(4))).toBe('Знайдено: 4 пункти');
    expect(plain(uk.pointsFound(12))).toBe('Знайдено: 12 пунктів');
    expect(plain(uk.pointsFound(22))).toBe('Знайдено: 22 пункти');
    expect(plain(uk.deliveryDays(3, 3))).toBe('3 дні');
    expect(plain(uk.deliveryDays(5, 7))).toBe('5–7 днів');
  });
  it('English one/other', () => {
    expect(en.pointsFound(1)).toBe('1 point found');
    expect(en.pointsFound(2)).toBe('2 points found');
    expect(en.pointsFound(1234)).toBe('1,234 points found');
    expect(en.deliveryDays(1, 1)).toBe('1 day');
    expect(en.clusterLabel(21)).toBe('Group of 21 points, zoom in');
  });
  it('plural() falls back to "other" when a form is missing', () => {
    expect(plural('ru', 5, { one: 'a', other: 'b' })).toBe('b');
    expect(plural('ru', 1, { one: 'a', other: 'b' })).toBe('a');
  });
});

describe('formatMoney', () => {
  it('formats minor units in RUB and UAH', () => {
    expect(plain(formatMoney(123_450, 'RUB', 'ru'))).toBe('1 234,50 ₽');
    expect(plain(formatMoney(35_000, 'RUB', 'ru'))).toBe('350 ₽');
    expect(plain(formatMoney(4_599, 'UAH', 'uk'))).toBe('45,99 ₴');
    expect(plain(formatMoney(123_450, 'UAH', 'en'))).toBe('₴1,234.50');
    expect(plain(formatMoney(0, 'RUB', 'ru'))).toBe('0 ₽');
  });
  it('respects currencies without minor units and survives unknown codes', () => {
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
    expect(formatMoney(1234, 'NOPE1', 'en')).toBe('12.34 NOPE1');
  });
});

describe('formatDistance', () => {
  it('metres below a kilometre, one decimal below ten', () => {
    expect(plain(formatDistance(343, 'ru'))).toBe('340 м');
    expect(plain(formatDistance(3, 'en'))).toBe('10 m');
    expect(plain(formatDistance(1250, 'ru'))).toBe('1,3 км');
    expect(plain(formatDistance(998, 'en'))).toBe('1 km');
    expect(plain(formatDistance(12_345, 'uk'))).toBe('12 км');
    expect(plain(formatDistance(4_560, 'en'))).toBe('4.6 km');
  });
});

describe('dates and weekdays', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2026-03-02', 'ru')).toBe('2 марта');
    expect(formatDate('2026-03-02', 'uk')).toBe('2 березня');
    expect(formatDate('2026-03-02', 'en')).toBe('2 March');
    expect(formatDate('2026-03-02', 'ru', 'numeric')).toBe('02.03.2026');
  });
  it('names ISO weekdays', () => {
    expect(formatWeekday(1, 'ru')).toBe('пн');
    expect(formatWeekday(7, 'uk', 'long')).toBe('неділя');
    expect(formatWeekday(5, 'en', 'long')).toBe('Friday');
  });
});

describe('formatTodayStatus', () => {
  const cases: Array<[TodayStatus, string, string]> = [
    [{ kind: 'open', until: '20:00' }, 'Открыто до 20:00', 'Open until 20:00'],
    [{ kind: 'open', until: '20:00', nextBreak: { from: '13:00', to: '14:00' } },
      'Открыто до 20:00 · обед 13:00–14:00', 'Open until 20:00 · lunch 13:00–14:00'],
    [{ kind: 'open', until: '02:00', untilDay: { weekday: 6, date: '2026-03-07', inDays: 1 } },
      'Открыто до 02:00', 'Open until 02:00'],
    [{ kind: 'open', until: '24:00', untilDay: { weekday: 5, date: '2026-03-06', inDays: 4 } },
      'Открыто до 24:00, пт', 'Open until Fri 24:00'],
    [{ kind: 'break', until: '14:00' }, 'Перерыв до 14:00', 'On a break until 14:00'],
    [{ kind: 'closed', opensAt: { weekday: 1, time: '08:00', date: '2026-03-02', inDays: 0 } },
      'Закрыто, откроется в 08:00', 'Closed, opens at 08:00'],
    [{ kind: 'closed', opensAt: { weekday: 2, time: '09:00', date: '2026-03-03', inDays: 1 } },
      'Закрыто, откроется завтра в 09:00', 'Closed, opens tomorrow at 09:00'],
    [{ kind: 'closed', opensAt: { weekday: 1, time: '08:00', date: '2026-03-09', inDays: 3 } },
      'Закрыто, откроется пн в 08:00', 'Closed, opens Mon 08:00'],
    [{ kind: 'closed', opensAt: { weekday: 3, time: '10:00', date: '2026-03-18', inDays: 10 } },
      'Закрыто, откроется 18 марта в 10:00', 'Closed, opens 18 March at 10:00'],
    [{ kind: 'closed' }, 'Закрыто', 'Closed'],
    [{ kind: 'always' }, 'Круглосуточно', 'Open 24/7'],
    [{ kind: 'unavailable', status: 'temporarily_closed' }, 'Временно закрыто', 'Temporarily closed'],
    [{ kind: 'unavailable', status: 'closed' }, 'Закрыто навсегда', 'Permanently closed'],
  ];
  it.each(cases)('%j', (status, ruText, enText) => {
    expect(formatTodayStatus(status, 'ru')).toBe(ruText);
    expect(formatTodayStatus(status, 'en')).toBe(enText);
    expect(formatTodayStatus(status, 'uk')).not.toBe(ruText);
  });
});

describe('toLang', () => {
  it('maps BCP 47 tags to supported languages', () => {
    expect(toLang('ru-RU')).toBe('ru');
    expect(toLang('uk_UA')).toBe('uk');
    expect(toLang('UA')).toBe('uk');
    expect(toLang('en-GB')).toBe('en');
    expect(toLang('de')).toBeNull();
    expect(toLang('')).toBeNull();
    expect(toLang(null)).toBeNull();
  });
});

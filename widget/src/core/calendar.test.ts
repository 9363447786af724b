import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays, daysBetween, localIsoDate, wallClockOffsetMs, zonedDateTime, zonedDateTimeStrict, zonedWallClockToMs, zoneOffsetMs,
} from './calendar.js';

// The per-call formatters this module replaced (widget localIsoDate, the sandbox's Russian Post tariff
// and tracking copies, the Nova Poshta store's and connector's Kyiv clocks): the cached one must answer exactly as they did.
const oldDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const oldDateTime = (at: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string): string => parts.find((x) => x.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hhmm: Number(get('hour') + get('minute')) };
};

// The sandbox's second-resolution copies (Russian Post OperDate in en-US, Nova Poshta Kyiv in en-GB) and their offset.
const oldSecondFormats = new Map<string, Intl.DateTimeFormat>();
const oldWallClock = (at: Date, timeZone: string, locale: 'en-US' | 'en-GB') => {
  const p: Record<string, number> = {};
  let f = oldSecondFormats.get(`${locale} ${timeZone}`);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    oldSecondFormats.set(`${locale} ${timeZone}`, f);
  }
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const offsetMs = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    - Math.floor(at.getTime() / 1000) * 1000;
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second, offsetMs };
};

const ZONES = ['UTC', 'Europe/Moscow', 'Europe/Kyiv', 'Asia/Kamchatka', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];

describe('calendar', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the same local date and HHMM as a fresh en-CA formatter, across midnights, DST and odd offsets', () => {
    // Every 7 h 17 min (every hour of the day comes round) for 40 days over the spring DST switches, and over a new year.
    const starts = [Date.UTC(2026, 2, 1), Date.UTC(2025, 11, 20)];
    for (const start of starts) {
      for (let t = start; t < start + 40 * 86_400_000; t += 437 * 60_000) {
        const at = new Date(t);
        for (const zone of ZONES) {
          const local = zonedDateTime(at, zone)!;
          expect(local.date).toBe(oldDate(at, zone));
          expect({ date: local.date, hhmm: local.hour * 100 + local.minute }).toEqual(oldDateTime(at, zone));
          expect(localIsoDate(at, zone)).toBe(oldDate(at, zone));
        }
      }
    }
  });

  it('gives the same seconds and UTC offset as the sandbox\'s old second-resolution formatters', () => {
    // Every 7 h 17 min 13.457 s: seconds and milliseconds vary too. Kyiv's 2026 switches, a new year, and
    // Moscow's and Vladivostok's last DST (2010) and 2014 offset change.
    const starts = [Date.UTC(2026, 2, 1), Date.UTC(2026, 9, 1), Date.UTC(2025, 11, 20), Date.UTC(2010, 2, 1), Date.UTC(2014, 9, 1)];
    for (const start of starts) {
      for (let t = start; t < start + 40 * 86_400_000; t += 26_233_457) {
        const at = new Date(t);
        for (const zone of [...ZONES, 'Asia/Vladivostok']) {
          const local = zonedDateTime(at, zone)!;
          for (const locale of ['en-US', 'en-GB'] as const) {
            const old = oldWallClock(at, zone, locale);
            const [y, mo, d] = local.date.split('-').map(Number);
            expect({ y, mo, d, h: local.hour, mi: local.minute, s: local.second }).toEqual({ y: old.y, mo: old.mo, d: old.d, h: old.h, mi: old.mi, s: old.s });
            expect(zoneOffsetMs(at, zone)).toBe(old.offsetMs);
          }
        }
      }
    }
  });

  it('reads a zone\'s offset at an instant and at a wall clock, DST included', () => {
    expect(zoneOffsetMs(new Date('2026-07-01T12:00:00.999Z'), 'Europe/Kyiv')).toBe(3 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-01-01T12:00:00Z'), 'Europe/Kyiv')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2013-01-01T12:00:00Z'), 'Europe/Moscow')).toBe(4 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-01-01T12:00:00Z'), 'Pacific/Chatham')).toBe(13.75 * 3_600_000);
    // Kyiv, 29 March 2026: 03:00..03:59 does not exist (01:00Z jumps +02:00 -> +03:00); a skipped time keeps +02:00.
    expect(wallClockOffsetMs('2026-03-29', 2, 59, 59, 'Europe/Kyiv')).toBe(2 * 3_600_000);
    expect(wallClockOffsetMs('2026-03-29', 3, 30, 0, 'Europe/Kyiv')).toBe(2 * 3_600_000);
    expect(wallClockOffsetMs('2026-03-29', 4, 0, 0, 'Europe/Kyiv')).toBe(3 * 3_600_000);
    expect(zonedWallClockToMs('2026-03-29', 4, 0, 0, 'Europe/Kyiv')).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(zonedWallClockToMs('2026-03-02', 0, 0, 0, 'Asia/Vladivostok')).toBe(Date.parse('2026-03-01T14:00:00Z'));
    expect(() => zoneOffsetMs(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedWallClockToMs('2026-03-02', 0, 0, 0, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('names the zone\'s own day near midnight', () => {
    const at = new Date('2026-03-01T21:30:00Z');
    expect(localIsoDate(at, 'Europe/Moscow')).toBe('2026-03-02');
    expect(localIsoDate(at, 'America/New_York')).toBe('2026-03-01');
    expect(zonedDateTime(at, 'Asia/Kolkata')).toEqual({ date: '2026-03-02', hour: 3, minute: 0, second: 0 });
    expect(zonedDateTime(new Date('2026-03-01T21:00:00Z'), 'Europe/Moscow')).toEqual({ date: '2026-03-02', hour: 0, minute: 0, second: 0 });
  });

  it('an unknown zone: localIsoDate gives the UTC date, zonedDateTime undefined, the strict form throws', () => {
    const at = new Date('2026-03-01T23:30:00Z');
    expect(localIsoDate(at, 'Mars/Olympus')).toBe('2026-03-01');
    expect(zonedDateTime(at, 'Mars/Olympus')).toBeUndefined();
    expect(() => zonedDateTimeStrict(at, 'Mars/Olympus')).toThrow(RangeError);
    expect(zonedDateTimeStrict(at, 'Europe/Moscow')).toEqual({ date: '2026-03-02', hour: 2, minute: 30, second: 0 });
  });

  it('an invalid Date throws, as the per-call formatters did', () => {
    expect(() => localIsoDate(new Date('nope'), 'Europe/Moscow')).toThrow(RangeError);
    expect(() => localIsoDate(new Date('nope'), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('builds one formatter per zone, not one per call (also for an unknown zone)', () => {
    const Real = Intl.DateTimeFormat;
    const spy = vi.spyOn(Intl, 'DateTimeFormat')
      .mockImplementation(function (...args: ConstructorParameters<typeof Real>) { return new Real(...args); } as typeof Real);
    const at = new Date('2026-03-01T12:00:00Z');
    for (let i = 0; i < 5; i++) {
      localIsoDate(at, 'Asia/Yakutsk');
      zonedDateTime(at, 'Asia/Yakutsk');
      localIsoDate(at, 'Venus/Maxwell');
    }
    const built = (zone: string) => spy.mock.calls.filter((c) => c[1]?.timeZone === zone).length;
    expect(built('Asia/Yakutsk')).toBe(1);
    expect(built('Venus/Maxwell')).toBe(1);
  });

  it('does zone-free calendar arithmetic', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
  });
});

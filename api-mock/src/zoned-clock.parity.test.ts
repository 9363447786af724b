// The sandbox's three own per-zone clocks (Russian Post OperDate, the Nova Poshta store's Kyiv wall clock, the NP
// connector's Kyiv offset) now go through widget/src/core/calendar.ts. The old code is frozen here: every output
// must stay exactly what it was, across DST switches, offset changes and midnights.
import { describe, expect, it } from 'vitest';
import { localIso } from './handlers/russian-post/otpravka-timeline.js';
import { kyivIsoDate, kyivToUtcMs, npDateTime } from './handlers/nova-poshta/documents-store.js';
import { kyivIso } from './oms/connectors/nova-poshta.js';

// --- old otpravka-timeline.ts localIso -------------------------------------------------------------------------
const oldFormatters = new Map<string, Intl.DateTimeFormat>();
function oldLocalIso(ms: number, timeZone: string): string {
  let f = oldFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    oldFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? '0');
  const y = get('year'), mo = get('month'), d = get('day'), h = get('hour'), mi = get('minute'), s = get('second');
  const millis = ((ms % 1000) + 1000) % 1000;
  const offsetMin = Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - (ms - millis)) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}.${String(millis).padStart(3, '0')}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

// --- old documents-store.ts kyivWallClock and its users ----------------------------------------------------------
const oldKyivFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Kyiv', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
function oldKyivWallClock(at: Date | number) {
  const p: Record<string, number> = {};
  for (const part of oldKyivFormat.formatToParts(typeof at === 'number' ? new Date(at) : at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year ?? 0, mo: p.month ?? 0, d: p.day ?? 0, h: p.hour ?? 0, mi: p.minute ?? 0, s: p.second ?? 0 };
}
function oldKyivToUtcMs(isoDate: string, hour = 0, minute = 0): number {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, mo - 1, d, hour, minute);
  const offsetAt = (ms: number): number => {
    const w = oldKyivWallClock(ms);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
  };
  const first = local - offsetAt(local);
  return local - offsetAt(first);
}
const p2 = (n: number): string => String(n).padStart(2, '0');
function oldKyivIsoDate(at: Date | number): string {
  const w = oldKyivWallClock(at);
  return `${w.y}-${p2(w.mo)}-${p2(w.d)}`;
}
function oldNpDateTime(at: Date | number): string {
  const w = oldKyivWallClock(at);
  return `${p2(w.d)}.${p2(w.mo)}.${w.y} ${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}`;
}

// --- old oms/connectors/nova-poshta.ts kyivOffsetMs / kyivIso -----------------------------------------------------
interface Wall { date: string; h: number; mi: number; s: number }
function oldValidWall(w: Wall): boolean {
  const inRange = (n: number, max: number): boolean => Number.isInteger(n) && n >= 0 && n <= max;
  if (!inRange(w.h, 23) || !inRange(w.mi, 59) || !inRange(w.s, 59)) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w.date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
function oldKyivOffsetMs(ms: number): number {
  const p: Record<string, number> = {};
  for (const part of oldKyivFormat.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) - Math.floor(ms / 1000) * 1000;
}
function oldKyivIso(w: Wall): string | undefined {
  if (!oldValidWall(w)) return undefined;
  const [y, mo, d] = w.date.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, mo - 1, d, w.h, w.mi, w.s);
  const offset = oldKyivOffsetMs(local - oldKyivOffsetMs(local));
  const mins = Math.round(offset / 60_000);
  const sign = mins < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(mins) / 60)).padStart(2, '0');
  const mm = String(Math.abs(mins) % 60).padStart(2, '0');
  const iso = `${w.date}T${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}${sign}${hh}:${mm}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

// ------------------------------------------------------------------------------------------------------------------
const DAY = 86_400_000;
// Two days either side of: Kyiv's 2026 spring and autumn switches; Moscow's and Vladivostok's last DST (2010) and
// their 2014 offset change; a new year (every zone's midnight comes round on both sides of it).
const WINDOWS = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2010-03-27T23:00:00Z', '2010-10-30T23:00:00Z',
  '2014-10-25T22:00:00Z', '2025-12-31T22:00:00Z'].map((s) => Date.parse(s));
const ZONES = ['Europe/Kyiv', 'Europe/Moscow', 'Asia/Vladivostok'];

/** Instants every 7 min 13.457 s over each window: minutes, seconds and milliseconds all vary. */
function* instants(): Generator<number> {
  for (const centre of WINDOWS) {
    for (let t = centre - 2 * DAY; t <= centre + 2 * DAY; t += 433_457) yield t;
  }
}

describe('per-zone clocks through core/calendar keep their old outputs', () => {
  it('Russian Post OperDate (localIso): Kyiv, Moscow, Vladivostok', () => {
    let n = 0;
    for (const t of instants()) {
      for (const zone of ZONES) {
        expect(localIso(t, zone)).toBe(oldLocalIso(t, zone));
        n++;
      }
    }
    expect(n).toBeGreaterThan(4000);
    // Spot checks of the offset: summer and winter Kyiv, Moscow's +4 before 2014, Vladivostok at midnight.
    expect(localIso(Date.parse('2026-07-01T10:00:00.250Z'), 'Europe/Kyiv')).toBe('2026-07-01T13:00:00.250+03:00');
    expect(localIso(Date.parse('2026-01-01T10:00:00Z'), 'Europe/Kyiv')).toBe('2026-01-01T12:00:00.000+02:00');
    expect(localIso(Date.parse('2013-01-01T10:00:00Z'), 'Europe/Moscow')).toBe('2013-01-01T14:00:00.000+04:00');
    expect(localIso(Date.parse('2026-03-01T14:00:00Z'), 'Asia/Vladivostok')).toBe('2026-03-02T00:00:00.000+10:00');
  });

  it('an unknown zone still throws RangeError in localIso', () => {
    expect(() => oldLocalIso(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localIso(0, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('Nova Poshta store: Kyiv date, "dd.mm.yyyy HH:MM:SS", and Kyiv wall clock -> instant', () => {
    for (const t of instants()) {
      expect(kyivIsoDate(t)).toBe(oldKyivIsoDate(t));
      expect(kyivIsoDate(new Date(t))).toBe(oldKyivIsoDate(new Date(t)));
      expect(npDateTime(t)).toBe(oldNpDateTime(t));
    }
    // Every hour and some minutes of the days around both 2026 switches, including the skipped and the repeated hour.
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      for (let h = 0; h < 24; h++) {
        for (const mi of [0, 17, 59]) expect(kyivToUtcMs(date, h, mi)).toBe(oldKyivToUtcMs(date, h, mi));
      }
      expect(kyivToUtcMs(date)).toBe(oldKyivToUtcMs(date));
    }
    expect(kyivToUtcMs('2026-07-01', 9)).toBe(Date.parse('2026-07-01T06:00:00Z'));
  });

  it('NP connector: Kyiv wall clock -> ISO with its offset, impossible wall clocks refused', () => {
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2025-12-31', '2026-01-01']) {
      for (let h = 0; h < 24; h++) {
        for (const [mi, s] of [[0, 0], [30, 15], [59, 59]] as const) {
          const w = { date, h, mi, s };
          expect(kyivIso(w)).toBe(oldKyivIso(w));
        }
      }
    }
    for (const w of [{ date: '2026-02-31', h: 1, mi: 0, s: 0 }, { date: '2026-03-29', h: 24, mi: 0, s: 0 }, { date: '2026-03-29', h: 3, mi: 60, s: 0 }]) {
      expect(kyivIso(w)).toBeUndefined();
      expect(oldKyivIso(w)).toBeUndefined();
    }
    expect(kyivIso({ date: '2026-03-29', h: 2, mi: 59, s: 59 })).toBe('2026-03-29T02:59:59+02:00');
    expect(kyivIso({ date: '2026-03-29', h: 4, mi: 0, s: 0 })).toBe('2026-03-29T04:00:00+03:00');
  });
});

// Calendar dates as "YYYY-MM-DD" (arithmetic done in UTC, zone-free), and the one conversion from
// an instant to a zone's local date and time, its UTC offset, and back (one cached formatter per zone). Shared by the widget (hours, carrier adapters) and the sandbox
// (quotes, carrier handlers, OMS connectors) through api-mock/src/shared-logic.ts.

/** A zone's wall clock at an instant. */
export interface ZonedDateTime {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** 0..23. */
  hour: number;
  /** 0..59. */
  minute: number;
  /** 0..59. */
  second: number;
}

// Intl.DateTimeFormat construction costs tens of microseconds: one per zone, forever (null: the zone is unknown).
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let f = zoneFormats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
      });
    } catch {
      f = null;
    }
    zoneFormats.set(timeZone, f);
  }
  return f;
}

/**
 * Local date and time of an instant in a zone; undefined when the zone is unknown (callers choose: fall
 * back to UTC or throw). An invalid Date throws, as Intl does.
 */
export function zonedDateTime(at: Date, timeZone: string): ZonedDateTime | undefined {
  const f = zoneFormat(timeZone);
  if (!f) return undefined;
  let year = '1970', month = '01', day = '01', hour = 0, minute = 0, second = 0;
  for (const p of f.formatToParts(at)) {
    switch (p.type) {
      case 'year': year = p.value; break;
      case 'month': month = p.value; break;
      case 'day': day = p.value; break;
      // Some engines write midnight as "24" even with h23.
      case 'hour': hour = Number(p.value) % 24; break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      default: break;
    }
  }
  return { date: `${year}-${month}-${day}`, hour, minute, second };
}

/** zonedDateTime() where the zone must be known: an unknown one throws RangeError, as Intl does. */
export function zonedDateTimeStrict(at: Date, timeZone: string): ZonedDateTime {
  const local = zonedDateTime(at, timeZone);
  if (!local) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
  return local;
}

/** A wall clock read as if it were UTC, in ms (the zone offset is the gap between this and the instant). */
function wallClockMs(date: string, hour: number, minute: number, second: number): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, hour, minute, second);
}

/** The zone's UTC offset at an instant, in ms (east positive); an unknown zone throws RangeError. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const w = zonedDateTimeStrict(at, timeZone);
  // The formatter drops the milliseconds, so compare against the instant cut to its second.
  return wallClockMs(w.date, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The UTC offset (ms) in force when a zone's wall clock shows "date hour:minute:second"; an unknown zone throws
 * RangeError. Two passes, so a time near an offset change takes the offset in force there; a skipped or repeated
 * time gets the offset the second pass lands on (the one before the change, for a skipped time).
 */
export function wallClockOffsetMs(date: string, hour: number, minute: number, second: number, timeZone: string): number {
  const local = wallClockMs(date, hour, minute, second);
  return zoneOffsetMs(new Date(local - zoneOffsetMs(new Date(local), timeZone)), timeZone);
}

/** The instant (ms) a zone's wall clock shows "date hour:minute:second" (offset as wallClockOffsetMs). */
export function zonedWallClockToMs(date: string, hour: number, minute: number, second: number, timeZone: string): number {
  return wallClockMs(date, hour, minute, second) - wallClockOffsetMs(date, hour, minute, second, timeZone);
}

/** Local calendar date "YYYY-MM-DD" of an instant in a zone; an unknown zone gives the UTC date. */
export function localIsoDate(at: Date, timeZone: string): string {
  return zonedDateTime(at, timeZone)?.date ?? at.toISOString().slice(0, 10);
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whole days from one "YYYY-MM-DD" to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Calendar dates as "YYYY-MM-DD" (arithmetic done in UTC, zone-free), and the one conversion from
// an instant to a zone's local date and time (one cached formatter per zone). Shared by the widget (hours, carrier adapters) and the sandbox
// (quotes, carrier handlers, OMS connectors) through api-mock/src/shared-logic.ts.

/** A zone's wall clock at an instant. */
export interface ZonedDateTime {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** 0..23. */
  hour: number;
  /** 0..59. */
  minute: number;
}

// Intl.DateTimeFormat construction costs tens of microseconds: one per zone, forever (null: the zone is unknown).
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let f = zoneFormats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
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
  let year = '1970', month = '01', day = '01', hour = 0, minute = 0;
  for (const p of f.formatToParts(at)) {
    switch (p.type) {
      case 'year': year = p.value; break;
      case 'month': month = p.value; break;
      case 'day': day = p.value; break;
      // Some engines write midnight as "24" even with h23.
      case 'hour': hour = Number(p.value) % 24; break;
      case 'minute': minute = Number(p.value); break;
      default: break;
    }
  }
  return { date: `${year}-${month}-${day}`, hour, minute };
}

/** zonedDateTime() where the zone must be known: an unknown one throws RangeError, as Intl does. */
export function zonedDateTimeStrict(at: Date, timeZone: string): ZonedDateTime {
  const local = zonedDateTime(at, timeZone);
  if (!local) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
  return local;
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

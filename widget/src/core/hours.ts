// Opening hours, evaluated in the point's own IANA time zone (not the buyer's).
// Hours are wall-clock minutes of the point's local day; every "at: Date" is first
// converted into the point's local date/weekday/minute via Intl.
import type { Branch, BranchStatus, TimeRange } from '../model/index.js';
import { addDays, zonedDateTime } from './calendar.js';

export const MINUTES_PER_DAY = 1440;
/** How far ahead todayStatus looks for the next opening (covers long holidays). */
export const LOOKAHEAD_DAYS = 14;

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

export interface DayHoursResolved {
  open: string;
  close: string;
  breaks: TimeRange[];
}

export interface NextOpening {
  weekday: number;
  time: string;
  date: string;
  /** 0 = later today, 1 = tomorrow, ... */
  inDays: number;
}

export type TodayStatus =
  | {
      kind: 'open';
      /** Local "HH:MM" when the current working period ends ("24:00" = end of that day). */
      until: string;
      /** Present only when the period ends on a later day (overnight or round-the-clock weekdays). */
      untilDay?: { weekday: number; date: string; inDays: number };
      /** The next lunch break before closing, if any. */
      nextBreak?: TimeRange;
    }
  | { kind: 'break'; until: string }
  | { kind: 'closed'; opensAt?: NextOpening }
  | { kind: 'always' }
  | { kind: 'unavailable'; status: Exclude<BranchStatus, 'open'> };

type HoursInput = Pick<Branch, 'hours' | 'exceptions'>;
type StatusInput = Pick<Branch, 'hours' | 'exceptions' | 'timeZone' | 'status'>;

// ---------------------------------------------------------------------------
// Local time in a zone

// Filtering 100k points "open now" asks for the same instant in a handful of zones:
// remember the last answer per zone, keyed by the minute.
const lastLocal = new Map<string, { minute: number; value: LocalTime }>();

export function localTime(at: Date, timeZone: string): LocalTime {
  const minute = Math.floor(at.getTime() / 60_000);
  const cached = lastLocal.get(timeZone);
  if (cached && cached.minute === minute) return cached.value;
  // Carrier data is untrusted: an unknown zone must not break the widget; UTC is a visible, harmless fallback.
  const local = zonedDateTime(at, timeZone) ?? zonedDateTime(at, 'UTC')!;
  const value: LocalTime = { date: local.date, weekday: weekdayOf(local.date), minutes: local.hour * 60 + local.minute };
  lastLocal.set(timeZone, { minute, value });
  return value;
}

// ---------------------------------------------------------------------------
// Calendar arithmetic on "YYYY-MM-DD" (zone-free: done in UTC)

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateToUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const js = dateToUtc(date).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Calendar arithmetic lives in ./calendar.ts; re-exported for this module's users. */
export { addDays };

export function toMinutes(hhmm: string): number {
  // Char arithmetic, not slice/Number: this runs for every point on every "open now" filter pass.
  return ((hhmm.charCodeAt(0) - 48) * 10 + hhmm.charCodeAt(1) - 48) * 60
    + (hhmm.charCodeAt(3) - 48) * 10 + hhmm.charCodeAt(4) - 48;
}

/** Minutes to "HH:MM"; 1440 stays "24:00" (end of day). */
export function toHHMM(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

// ---------------------------------------------------------------------------
// Hours of a date

/** Hours on a local date, dated exceptions first; null when closed that day. */
export function hoursOn(b: HoursInput, date: string): DayHoursResolved | null {
  return hoursOnDay(b, date, weekdayOf(date));
}

function hoursOnDay(b: HoursInput, date: string, weekday: number): DayHoursResolved | null {
  const regular = b.hours.find((h) => h.day === weekday);
  const exception = b.exceptions.find((e) => e.date === date);
  if (!exception) return regular ? { open: regular.open, close: regular.close, breaks: regular.breaks } : null;
  if (exception.closed) return null;
  const open = exception.open ?? regular?.open;
  const close = exception.close ?? regular?.close;
  // "Not closed" without hours on a day that is normally closed: nothing to show, treat as closed.
  if (!open || !close) return null;
  const o = toMinutes(open);
  const c = close <= open ? MINUTES_PER_DAY : toMinutes(close);
  // Shortened days keep the regular lunch only where it still falls inside the new hours.
  const breaks: TimeRange[] = [];
  for (const br of regular?.breaks ?? []) {
    const from = Math.max(toMinutes(br.from), o);
    const to = Math.min(toMinutes(br.to), c);
    if (to > from) breaks.push({ from: toHHMM(from), to: toHHMM(to) });
  }
  return { open, close, breaks };
}

export function isOpenOnDate(b: HoursInput, date: string): boolean {
  return hoursOn(b, date) !== null;
}

/** A working period of one date in minutes from that date's midnight; end may pass 1440 (overnight). */
interface Shift {
  start: number;
  end: number;
  /** Breaks in the same minute frame, sorted. */
  breaks: Array<{ from: number; to: number }>;
}

function shiftOn(b: HoursInput, date: string): Shift | null {
  const h = hoursOn(b, date);
  if (!h) return null;
  const start = toMinutes(h.open);
  let end = toMinutes(h.close);
  // close <= open means the shift runs past midnight ("00:00"-"00:00" is a full day).
  if (end <= start) end += MINUTES_PER_DAY;
  const breaks = h.breaks
    .map((br) => {
      let from = toMinutes(br.from);
      let to = toMinutes(br.to);
      if (from < start) { from += MINUTES_PER_DAY; to += MINUTES_PER_DAY; }
      if (to <= from) to += MINUTES_PER_DAY;
      return { from, to: Math.min(to, end) };
    })
    .filter((br) => br.to > br.from && br.from < end)
    .sort((x, y) => x.from - y.from);
  return { start, end, breaks };
}

function inBreak(shift: Shift, m: number): { from: number; to: number } | undefined {
  return shift.breaks.find((br) => m >= br.from && m < br.to);
}

/** Whether minute m of `date` falls in a shift of `date` or in the overnight tail of the day before. */
function activeShift(b: HoursInput, date: string, m: number): { shift: Shift; offset: number } | null {
  const today = shiftOn(b, date);
  if (today && m >= today.start && m < today.end) return { shift: today, offset: 0 };
  const yesterday = shiftOn(b, addDays(date, -1));
  if (yesterday && m + MINUTES_PER_DAY < yesterday.end) return { shift: yesterday, offset: -MINUTES_PER_DAY };
  return null;
}

function hasOvernight(b: HoursInput): boolean {
  for (const h of b.hours) if (h.close <= h.open) return true;
  for (const e of b.exceptions) if (e.open && e.close && e.close <= e.open) return true;
  return false;
}

export function isOpenAt(b: StatusInput, at: Date): boolean {
  if (b.status !== 'open') return false;
  const now = localTime(at, b.timeZone);
  // Fast path without allocations for the usual same-day schedule: filtering 100k points
  // "open now" must fit in a 100 ms interaction.
  if (!hasOvernight(b)) {
    const h = hoursOnDay(b, now.date, now.weekday);
    if (!h) return false;
    const m = now.minutes;
    if (m < toMinutes(h.open) || m >= toMinutes(h.close)) return false;
    for (const br of h.breaks) if (m >= toMinutes(br.from) && m < toMinutes(br.to)) return false;
    return true;
  }
  const active = activeShift(b, now.date, now.minutes);
  if (!active) return false;
  return !inBreak(active.shift, now.minutes - active.offset);
}

export function worksOnWeekends(b: Pick<Branch, 'hours'>): boolean {
  return b.hours.some((h) => h.day === 6 || h.day === 7);
}

function isFullDay(h: { open: string; close: string; breaks: TimeRange[] } | null | undefined): boolean {
  return !!h && h.open === '00:00' && (h.close === '24:00' || h.close === '00:00') && h.breaks.length === 0;
}

/** Round the clock every day of the week and today not shortened by an exception. */
function isAlwaysOpen(b: HoursInput, today: string): boolean {
  for (let d = 1; d <= 7; d++) if (!isFullDay(b.hours.find((h) => h.day === d))) return false;
  return isFullDay(hoursOn(b, today));
}

function describeMoment(base: string, absMinutes: number): { date: string; weekday: number; inDays: number; time: string } {
  // An end exactly at midnight reads better as "24:00" of the previous day.
  const inDays = absMinutes > 0 && absMinutes % MINUTES_PER_DAY === 0
    ? absMinutes / MINUTES_PER_DAY - 1
    : Math.floor(absMinutes / MINUTES_PER_DAY);
  const time = toHHMM(absMinutes - inDays * MINUTES_PER_DAY);
  const date = addDays(base, inDays);
  return { date, weekday: weekdayOf(date), inDays, time };
}

/** What the point is doing right now, as data (i18n turns it into text). */
export function todayStatus(b: StatusInput, at: Date): TodayStatus {
  if (b.status !== 'open') return { kind: 'unavailable', status: b.status };
  const now = localTime(at, b.timeZone);
  if (isAlwaysOpen(b, now.date)) return { kind: 'always' };

  const active = activeShift(b, now.date, now.minutes);
  if (active) {
    const { shift, offset } = active;
    const m = now.minutes - offset; // minute in the shift's own frame
    const br = inBreak(shift, m);
    if (br) return { kind: 'break', until: toHHMM(br.to % MINUTES_PER_DAY) };
    // Follow shifts that continue seamlessly into the next day (closes 24:00, opens 00:00).
    let end = shift.end + offset; // relative to today's midnight
    for (let d = 1; d <= LOOKAHEAD_DAYS && end === d * MINUTES_PER_DAY; d++) {
      const next = shiftOn(b, addDays(now.date, d));
      if (!next || next.start !== 0 || next.breaks.some((x) => x.from === 0)) break;
      end = d * MINUTES_PER_DAY + next.end;
    }
    const until = describeMoment(now.date, end);
    const nb = shift.breaks.find((x) => x.from > m);
    const status: TodayStatus = { kind: 'open', until: until.time };
    if (until.inDays > 0) status.untilDay = { weekday: until.weekday, date: until.date, inDays: until.inDays };
    if (nb) status.nextBreak = { from: toHHMM(nb.from % MINUTES_PER_DAY), to: toHHMM(nb.to % MINUTES_PER_DAY) };
    return status;
  }

  for (let d = 0; d <= LOOKAHEAD_DAYS; d++) {
    const date = addDays(now.date, d);
    const shift = shiftOn(b, date);
    if (!shift || (d === 0 && shift.start <= now.minutes)) continue;
    // A shift opening with a break starts when the break ends.
    let start = shift.start;
    for (const br of shift.breaks) if (br.from <= start && br.to > start) start = br.to;
    return { kind: 'closed', opensAt: { weekday: weekdayOf(date), time: toHHMM(start % MINUTES_PER_DAY), date, inDays: d } };
  }
  return { kind: 'closed' };
}

import { describe, expect, it } from 'vitest';
import type { Branch, DayHours } from '../model/index.js';
import {
  addDays, hoursOn, isOpenAt, isOpenOnDate, localTime, todayStatus, weekdayOf, worksOnWeekends,
} from './hours.js';

type Hours = Pick<Branch, 'hours' | 'exceptions' | 'timeZone' | 'status'>;

const lunch = [{ from: '13:00', to: '14:00' }];
function week(days: number[], open = '08:00', close = '20:00', breaks = lunch): DayHours[] {
  return days.map((day) => ({ day, open, close, breaks }));
}
function point(over: Partial<Hours> = {}): Hours {
  return { hours: week([1, 2, 3, 4, 5]), exceptions: [], timeZone: 'Europe/Moscow', status: 'open', ...over };
}
// 2026-03-02 is a Monday. Moscow is UTC+3 all year.
const msk = (local: string) => new Date(`${local}+03:00`);

describe('localTime', () => {
  it('converts one instant into each zone\'s own date, weekday and minute', () => {
    const at = new Date('2026-03-01T23:30:00Z'); // Sunday in UTC
    expect(localTime(at, 'Asia/Vladivostok')).toEqual({ date: '2026-03-02', weekday: 1, minutes: 9 * 60 + 30 });
    expect(localTime(at, 'Europe/Kaliningrad')).toEqual({ date: '2026-03-02', weekday: 1, minutes: 1 * 60 + 30 });
    expect(localTime(at, 'America/New_York')).toEqual({ date: '2026-03-01', weekday: 7, minutes: 18 * 60 + 30 });
  });
  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(localTime(new Date('2026-03-02T10:15:00Z'), 'Mars/Olympus').minutes).toBe(10 * 60 + 15);
  });
  it('follows daylight saving time', () => {
    expect(localTime(new Date('2026-01-15T12:00:00Z'), 'Europe/Kyiv').minutes).toBe(14 * 60);
    expect(localTime(new Date('2026-07-15T12:00:00Z'), 'Europe/Kyiv').minutes).toBe(15 * 60);
  });
});

describe('calendar helpers', () => {
  it('adds days across month and year ends and knows ISO weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-08')).toBe(7);
  });
});

describe('isOpenAt', () => {
  it('same instant: open in Vladivostok, closed in Kaliningrad', () => {
    const at = new Date('2026-03-02T00:30:00Z'); // 10:30 Vladivostok, 02:30 Kaliningrad
    expect(isOpenAt(point({ timeZone: 'Asia/Vladivostok' }), at)).toBe(true);
    expect(isOpenAt(point({ timeZone: 'Europe/Kaliningrad' }), at)).toBe(false);
  });
  it('is closed during the lunch break and open around it', () => {
    const p = point();
    expect(isOpenAt(p, msk('2026-03-02T12:59:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-02T13:30:00'))).toBe(false);
    expect(isOpenAt(p, msk('2026-03-02T14:00:00'))).toBe(true);
  });
  it('opening minute is open, closing minute is closed', () => {
    const p = point();
    expect(isOpenAt(p, msk('2026-03-02T07:59:00'))).toBe(false);
    expect(isOpenAt(p, msk('2026-03-02T08:00:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-02T19:59:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-02T20:00:00'))).toBe(false);
  });
  it('is closed on a day without hours', () => {
    expect(isOpenAt(point(), msk('2026-03-07T12:00:00'))).toBe(false); // Saturday
  });
  it('treats 24:00 as the end of the day', () => {
    const p = point({ hours: week([1], '10:00', '24:00', []) });
    expect(isOpenAt(p, msk('2026-03-02T23:59:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-03T00:00:00'))).toBe(false);
  });
  it('handles an overnight shift without crashing', () => {
    const p = point({ hours: week([5], '20:00', '02:00', []) }); // Friday night
    expect(isOpenAt(p, msk('2026-03-06T21:00:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-07T01:30:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-07T02:30:00'))).toBe(false);
  });
  it('is never open unless the status is open', () => {
    const at = msk('2026-03-02T10:00:00');
    expect(isOpenAt(point({ status: 'temporarily_closed' }), at)).toBe(false);
    expect(isOpenAt(point({ status: 'closed' }), at)).toBe(false);
  });
  it('honours a holiday and shortened hours', () => {
    const p = point({
      exceptions: [
        { date: '2026-03-02', closed: true },
        { date: '2026-03-03', closed: false, close: '16:00' },
      ],
    });
    expect(isOpenAt(p, msk('2026-03-02T10:00:00'))).toBe(false);
    expect(isOpenAt(p, msk('2026-03-03T15:59:00'))).toBe(true);
    expect(isOpenAt(p, msk('2026-03-03T16:30:00'))).toBe(false);
  });
});

describe('hoursOn / isOpenOnDate / worksOnWeekends', () => {
  it('applies exceptions over the weekly schedule', () => {
    const p = point({
      exceptions: [
        { date: '2026-03-03', closed: false, open: '09:00', close: '13:30' },
        { date: '2026-03-07', closed: false, open: '10:00', close: '15:00' }, // a working Saturday
        { date: '2026-03-09', closed: true, note: 'holiday' },
      ],
    });
    expect(hoursOn(p, '2026-03-02')).toEqual({ open: '08:00', close: '20:00', breaks: lunch });
    // The lunch is clipped to the shortened day.
    expect(hoursOn(p, '2026-03-03')).toEqual({ open: '09:00', close: '13:30', breaks: [{ from: '13:00', to: '13:30' }] });
    expect(hoursOn(p, '2026-03-07')).toEqual({ open: '10:00', close: '15:00', breaks: [] });
    expect(hoursOn(p, '2026-03-08')).toBeNull();
    expect(isOpenOnDate(p, '2026-03-09')).toBe(false);
    expect(isOpenOnDate(p, '2026-03-10')).toBe(true);
  });
  it('knows weekend work from Saturday or Sunday hours', () => {
    expect(worksOnWeekends(point())).toBe(false);
    expect(worksOnWeekends({ hours: week([1, 7]) })).toBe(true);
    expect(worksOnWeekends({ hours: week([6]) })).toBe(true);
  });
});

describe('todayStatus', () => {
  it('open: until closing, with the next lunch', () => {
    expect(todayStatus(point(), msk('2026-03-02T10:00:00'))).toEqual({
      kind: 'open', until: '20:00', nextBreak: { from: '13:00', to: '14:00' },
    });
    expect(todayStatus(point(), msk('2026-03-02T15:00:00'))).toEqual({ kind: 'open', until: '20:00' });
  });
  it('on a lunch break: until the end of the break', () => {
    expect(todayStatus(point(), msk('2026-03-02T13:30:00'))).toEqual({ kind: 'break', until: '14:00' });
  });
  it('closed before opening: opens later today', () => {
    expect(todayStatus(point(), msk('2026-03-02T06:00:00'))).toEqual({
      kind: 'closed', opensAt: { weekday: 1, time: '08:00', date: '2026-03-02', inDays: 0 },
    });
  });
  it('closed on Friday evening: opens on Monday across the weekend', () => {
    expect(todayStatus(point(), msk('2026-03-06T21:00:00'))).toEqual({
      kind: 'closed', opensAt: { weekday: 1, time: '08:00', date: '2026-03-09', inDays: 3 },
    });
  });
  it('skips a multi-day holiday, including a shortened first working day', () => {
    const p = point({
      exceptions: [
        { date: '2026-03-09', closed: true },
        { date: '2026-03-10', closed: true },
        { date: '2026-03-11', closed: false, open: '11:00', close: '17:00' },
      ],
    });
    expect(todayStatus(p, msk('2026-03-06T21:00:00'))).toEqual({
      kind: 'closed', opensAt: { weekday: 3, time: '11:00', date: '2026-03-11', inDays: 5 },
    });
  });
  it('closed with no opening in the next 14 days', () => {
    const p = point({ hours: [] });
    expect(todayStatus(p, msk('2026-03-02T10:00:00'))).toEqual({ kind: 'closed' });
  });
  it('24/7 is "always", unless today is an exception', () => {
    const allDay = point({ hours: week([1, 2, 3, 4, 5, 6, 7], '00:00', '24:00', []) });
    expect(todayStatus(allDay, msk('2026-03-02T03:00:00'))).toEqual({ kind: 'always' });
    const withHoliday = { ...allDay, exceptions: [{ date: '2026-03-02', closed: false, close: '18:00' }] };
    expect(todayStatus(withHoliday, msk('2026-03-02T03:00:00'))).toEqual({ kind: 'open', until: '18:00' });
  });
  it('round the clock on weekdays: open until Friday 24:00', () => {
    const p = point({ hours: week([1, 2, 3, 4, 5], '00:00', '24:00', []) });
    expect(todayStatus(p, msk('2026-03-02T12:00:00'))).toEqual({
      kind: 'open', until: '24:00', untilDay: { weekday: 5, date: '2026-03-06', inDays: 4 },
    });
  });
  it('unavailable points report their status', () => {
    expect(todayStatus(point({ status: 'temporarily_closed' }), msk('2026-03-02T10:00:00')))
      .toEqual({ kind: 'unavailable', status: 'temporarily_closed' });
  });
  it('evaluates in the point\'s zone, not the caller\'s', () => {
    const at = new Date('2026-03-02T00:30:00Z');
    expect(todayStatus(point({ timeZone: 'Asia/Vladivostok' }), at).kind).toBe('open');
    expect(todayStatus(point({ timeZone: 'Europe/Kaliningrad' }), at)).toEqual({
      kind: 'closed', opensAt: { weekday: 1, time: '08:00', date: '2026-03-02', inDays: 0 },
    });
  });
});

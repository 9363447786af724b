import { describe, expect, it } from 'vitest';
import { arrivalCheck, arrivalDateOf } from './arrival.js';
import { makeBranch } from '../carriers/fixtures/branches.js';

// makeBranch: open Monday-Friday 09:00-20:00, Europe/Moscow.
const weekdays = makeBranch({ id: 'p1' });
const days = (n: number) => ({ deliveryDays: { min: n, max: n } });

describe('arrivalCheck', () => {
  it('counts delivery days from today in the point zone', () => {
    // 2026-10-05 22:30 UTC is already Tuesday 6 Oct (01:30) in Moscow.
    const now = new Date('2026-10-05T22:30:00Z');
    expect(arrivalDateOf(weekdays, days(2), now)).toBe('2026-10-08');
    expect(arrivalDateOf({ timeZone: 'UTC' }, days(2), now)).toBe('2026-10-07');
  });

  it('prefers the quote estimated date', () => {
    expect(arrivalCheck(weekdays, { ...days(9), estimatedDate: '2026-10-07' }, new Date('2026-10-06T09:00:00Z')))
      .toEqual({ openOnArrival: true, arrivalDate: '2026-10-07' });
  });

  it('warns when arriving on a closed day and names the first open day', () => {
    // Friday 9 Oct + 1 day = Saturday 10 Oct: closed until Monday 12 Oct.
    expect(arrivalCheck(weekdays, days(1), new Date('2026-10-09T09:00:00Z')))
      .toEqual({ openOnArrival: false, arrivalDate: '2026-10-10', firstOpenDate: '2026-10-12' });
  });

  it('honours dated exceptions (holidays, and extra working days)', () => {
    const holiday = makeBranch({ id: 'p2', exceptions: [{ date: '2026-11-04', closed: true }] });
    expect(arrivalCheck(holiday, { ...days(1), estimatedDate: '2026-11-04' }, new Date('2026-11-03T09:00:00Z')))
      .toEqual({ openOnArrival: false, arrivalDate: '2026-11-04', firstOpenDate: '2026-11-05' });
    const saturdayShift = makeBranch({ id: 'p3', exceptions: [{ date: '2026-10-10', closed: false, open: '10:00', close: '15:00' }] });
    expect(arrivalCheck(saturdayShift, { ...days(0), estimatedDate: '2026-10-10' }, new Date()).openOnArrival).toBe(true);
  });

  it('a point never open gives no first open date; a closed point is never open on arrival', () => {
    const never = makeBranch({ id: 'p4', hours: [] });
    expect(arrivalCheck(never, { ...days(1), estimatedDate: '2026-10-07' }, new Date()))
      .toEqual({ openOnArrival: false, arrivalDate: '2026-10-07' });
    const closed = makeBranch({ id: 'p5', status: 'temporarily_closed' });
    expect(arrivalCheck(closed, { ...days(1), estimatedDate: '2026-10-07' }, new Date()).openOnArrival).toBe(false);
  });
});

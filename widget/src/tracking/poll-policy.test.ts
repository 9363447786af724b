import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../model/order.js';
import { afterAnswer, afterFailure, nextPollDelay, type PollOptions, type PollState } from './poll-policy.js';

const o: PollOptions = { baseMs: 30_000, maxMs: 600_000, errorBaseMs: 5_000, random: () => 0.5 };
const start: PollState = { status: undefined, unchanged: 0, failures: 0 };

describe('nextPollDelay', () => {
  it('stops for good on a final status, and only there', () => {
    const stops = ORDER_STATUSES.filter((status) => nextPollDelay({ status, unchanged: 0, failures: 0 }, o) === null);
    expect(stops).toEqual(['delivered', 'returned', 'cancelled', 'rejected']);
    // Even while failing: a final status never changes.
    expect(nextPollDelay({ status: 'delivered', unchanged: 0, failures: 3 }, o)).toBeNull();
  });

  it('doubles while nothing changes, caps, and starts over after a change', () => {
    let s = afterAnswer(start, 'in_transit');
    const delays: Array<number | null> = [nextPollDelay(s, o)];
    for (let i = 0; i < 6; i++) {
      s = afterAnswer(s, 'in_transit');
      delays.push(nextPollDelay(s, o));
    }
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    s = afterAnswer(s, 'arrived_at_point');
    expect(nextPollDelay(s, o)).toBe(30_000);
  });

  it('backs off from the error base while requests fail, keeping the last status', () => {
    let s = afterAnswer(afterAnswer(start, 'registered'), 'registered');
    s = afterFailure(s);
    expect(s.status).toBe('registered');
    expect(nextPollDelay(s, o)).toBe(5_000);
    s = afterFailure(afterFailure(s));
    expect(nextPollDelay(s, o)).toBe(20_000);
    // The first answer after the failures: back to the unchanged schedule (same status: doubled).
    expect(nextPollDelay(afterAnswer(s, 'registered'), o)).toBe(120_000);
  });

  it('spreads pages opened together by ±20%', () => {
    const s = afterAnswer(start, 'created');
    expect(nextPollDelay(s, { ...o, random: () => 0 })).toBe(24_000);
    expect(nextPollDelay(s, { ...o, random: () => 0.999999 })).toBe(36_000);
  });
});

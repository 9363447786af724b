// Carrier and server text in the order and tracking answers is capped by truncation (capped-text.ts), so one
// absurd string neither hides the answer nor grows a row; identifiers are never cut.
import { describe, expect, it } from 'vitest';
import { created, orderView, problem, TRACKING } from '../orders/test-fixtures.js';
import { TEXT_CAPS } from './capped-text.js';
import { CreatedOrder, OrderView, Problem, TrackingView } from './order.js';
import { TrackingAnswer } from './tracking-point.js';

const HUGE = 'Прибыло в место вручения, '.repeat(400); // 10,400 characters

function expectCapped(shown: string | undefined, cap: number): void {
  expect(shown).toHaveLength(cap);
  expect(shown!.endsWith('…')).toBe(true);
  expect(HUGE.startsWith(shown!.slice(0, -1))).toBe(true);
}

const POINT = {
  type: 'post_office', timeZone: 'Europe/Moscow', hours: [{ day: 1, open: '09:00', close: '20:00', breaks: [] }],
  exceptions: [], phone: '8 (800) 1000000',
} as const;

describe('tracking answers', () => {
  it('a 10,000-character event text, place and point text are capped, the answer kept', () => {
    const raw = {
      ...TRACKING,
      pointName: HUGE,
      pointAddress: HUGE,
      events: [{ ...TRACKING.events[0]!, description: HUGE, place: HUGE }, TRACKING.events[0]!],
      point: { ...POINT, phone: HUGE },
    };
    const a = TrackingAnswer.parse(raw);
    expectCapped(a.events[0]!.description, TEXT_CAPS.note);
    expectCapped(a.events[0]!.place, TEXT_CAPS.addressLine);
    expectCapped(a.pointName, TEXT_CAPS.name);
    expectCapped(a.pointAddress, TEXT_CAPS.addressLine);
    expectCapped(a.point!.phone, TEXT_CAPS.phone);
    expect(a.events[1]).toEqual(TRACKING.events[0]);
    // The base view caps the same way.
    expect(TrackingView.parse(raw).events[0]!.description).toBe(a.events[0]!.description);
  });

  it('a real answer is unchanged', () => {
    const raw = { ...TRACKING, events: [{ ...TRACKING.events[0]!, place: 'Москва 101000' }], point: POINT };
    expect(TrackingAnswer.parse(raw)).toEqual(raw);
  });

  it('identifiers are never cut', () => {
    const long = 'X'.repeat(1000);
    const a = TrackingAnswer.parse({ ...TRACKING, orderId: long, trackNumber: long, pointId: long, events: [{ ...TRACKING.events[0]!, carrierCode: long }] });
    expect([a.orderId, a.trackNumber, a.pointId, a.events[0]!.carrierCode]).toEqual([long, long, long, long]);
  });
});

describe('order answers', () => {
  it('the point name and address and the carrier\'s refusal reason are capped', () => {
    const v = OrderView.parse(orderView('ord_1', 'A-1001', { status: 'rejected', pointName: HUGE, pointAddress: HUGE, error: HUGE }));
    expectCapped(v.pointName, TEXT_CAPS.name);
    expectCapped(v.pointAddress, TEXT_CAPS.addressLine);
    expectCapped(v.error, TEXT_CAPS.note);
    expectCapped(CreatedOrder.parse({ ...created(), pointName: HUGE }).pointName, TEXT_CAPS.name);
  });

  it('a problem\'s title and detail are capped; its field and code are not', () => {
    const p = Problem.parse(problem(422, HUGE, { detail: HUGE, field: 'recipient.phone', code: 'carrier_rejected' }));
    expectCapped(p.title, TEXT_CAPS.note);
    expectCapped(p.detail, TEXT_CAPS.note);
    expect([p.field, p.code]).toEqual(['recipient.phone', 'carrier_rejected']);
  });

  it('real answers are unchanged', () => {
    const v = orderView('ord_1', 'A-1001', { status: 'rejected', error: 'Адрес не найден' });
    expect(OrderView.parse(v)).toEqual(v);
    expect(CreatedOrder.parse(created())).toEqual(created());
    const p = problem(409, 'Quote changed', { detail: 'The price went up.', code: 'quote_changed' });
    expect(Problem.parse(p)).toEqual(p);
  });
});

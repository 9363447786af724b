import { describe, expect, it, vi } from 'vitest';
import type { TrackingAnswer } from '../model/tracking-point.js';
import { trackingMessages } from './messages.js';
import { buildTrackingModel, formatEventTime } from './view-model.js';

const MOSCOW_POINT = {
  type: 'post_office' as const,
  timeZone: 'Europe/Moscow',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '20:00', breaks: [{ from: '13:00', to: '14:00' }] })),
  exceptions: [{ date: '2026-12-04', closed: false, open: '08:00', close: '16:00' }],
};

function answer(over: Partial<TrackingAnswer> = {}): TrackingAnswer {
  return {
    orderId: 'ord_1', status: 'in_transit', carrier: 'russian-post', trackNumber: '10100012000013',
    eta: '2026-12-07', storageUntil: '2026-12-14', pointId: 'rp-101000', pointName: 'Москва 101000', pointAddress: 'Мясницкая ул, 26, Москва, 101000',
    events: [
      // Oldest first on purpose: the model must not trust the list's order.
      { status: 'registered', carrierCode: '1', description: 'Принято', at: '2026-12-01T09:00:00+03:00', timeZone: 'Europe/Moscow' },
      { status: 'in_transit', carrierCode: '8/2', description: 'Сортировочный центр', at: '2026-12-02T07:40:00+05:00', place: 'Екатеринбург' },
    ],
    point: MOSCOW_POINT,
    ...over,
  };
}

const ru = trackingMessages('ru');
const en = trackingMessages('en');

describe('formatEventTime: the clock of the place where it happened', () => {
  it('uses the event zone and names its offset when the buyer lives elsewhere', () => {
    // 08:15 in Moscow is 10:15 in Yekaterinburg (UTC+5).
    expect(formatEventTime('2026-12-02T08:15:00+03:00', 'Asia/Yekaterinburg', 'en', 'Europe/Moscow'))
      .toEqual({ text: '2 Dec, 10:15', datetime: '2026-12-02T08:15:00+03:00', offset: 'UTC+5' });
    expect(formatEventTime('2026-12-02T08:15:00+03:00', 'Asia/Yekaterinburg', 'en', 'Asia/Yekaterinburg').offset).toBeUndefined();
  });

  it('without a zone (or with a bogus one) reads the offset the carrier wrote, even across midnight UTC', () => {
    // 23:30 at UTC+5 is 18:30 UTC and 21:30 in Moscow: the place's own clock says 23:30 on the 2nd.
    expect(formatEventTime('2026-12-02T23:30:00+05:00', undefined, 'en', 'Europe/Moscow')).toMatchObject({ text: '2 Dec, 23:30', offset: 'UTC+5' });
    expect(formatEventTime('2026-12-03T00:30:00+05:30', 'Not/AZone', 'en', 'UTC')).toMatchObject({ text: '3 Dec, 00:30', offset: 'UTC+5:30' });
    expect(formatEventTime('2026-12-02T01:00:00-03:00', undefined, 'en', 'UTC')).toMatchObject({ text: '2 Dec, 01:00', offset: 'UTC−3' });
  });

  it('builds its Intl formatters once (the i18n cache), not per event', () => {
    const first = formatEventTime('2026-12-02T08:15:00+03:00', 'Asia/Magadan', 'ru', 'Asia/Omsk');
    const Real = Intl.DateTimeFormat;
    const spy = vi.spyOn(Intl, 'DateTimeFormat')
      .mockImplementation(function (...args: ConstructorParameters<typeof Real>) { return new Real(...args); } as typeof Real);
    try {
      for (let i = 0; i < 3; i++) expect(formatEventTime('2026-12-02T08:15:00+03:00', 'Asia/Magadan', 'ru', 'Asia/Omsk')).toEqual(first);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('follows daylight saving: Kyiv shares Moscow\'s clock in summer, not in winter', () => {
    expect(formatEventTime('2026-07-01T12:00:00+03:00', 'Europe/Kyiv', 'uk', 'Europe/Moscow').offset).toBeUndefined();
    expect(formatEventTime('2026-12-01T12:00:00+02:00', 'Europe/Kyiv', 'uk', 'Europe/Moscow')).toMatchObject({ offset: 'UTC+2' });
    expect(formatEventTime('2026-12-01T12:00:00+02:00', 'Europe/Kyiv', 'uk', 'Europe/Moscow').text).toContain('12:00');
  });

  it('writes the date in the buyer\'s language', () => {
    expect(formatEventTime('2026-12-02T08:15:00+03:00', 'Europe/Moscow', 'ru', 'Europe/Moscow').text).toMatch(/^2 дек\.?,? 08:15$/);
    expect(formatEventTime('2026-12-02T08:15:00+03:00', 'Europe/Moscow', 'uk', 'Europe/Moscow').text).toMatch(/^2 груд\.?,? 08:15$/);
  });
});

describe('buildTrackingModel', () => {
  const now = new Date('2026-12-02T10:00:00Z'); // Wednesday, 13:00 in Moscow: lunch break

  it('maps the status to the buyer\'s words and tone, timeline newest first with each place\'s clock', () => {
    const m = buildTrackingModel(answer(), ru, 'ru', now, 'Europe/Moscow');
    expect(m).toMatchObject({ status: 'in_transit', statusText: 'В пути', tone: 'moving', final: false, carrier: 'Почта России', trackNumber: '10100012000013' });
    expect(m.events.map((e) => [e.status, e.description, e.place, e.time.offset])).toEqual([
      ['В пути', 'Сортировочный центр', 'Екатеринбург', 'UTC+5'],
      ['Передан в службу доставки', 'Принято', undefined, undefined],
    ]);
    expect(m.events[0]!.time.text).toMatch(/^2 дек\.?,? 07:40$/);
  });

  it('shows the ETA while the parcel moves and the storage deadline once it waits at the point', () => {
    const moving = buildTrackingModel(answer(), en, 'en', now, 'Europe/Moscow');
    expect(moving.eta).toBe('Mon 7 December');
    expect(moving.storageUntil).toBeUndefined();
    const waiting = buildTrackingModel(answer({ status: 'arrived_at_point' }), en, 'en', now, 'Europe/Moscow');
    expect(waiting).toMatchObject({ statusText: 'Waiting at the pickup point', tone: 'ready', eta: undefined, storageUntil: 'Mon 14 December' });
  });

  it('marks final statuses final (and problem statuses as problems)', () => {
    const final = (['delivered', 'returned', 'cancelled', 'rejected'] as const).map((status) => buildTrackingModel(answer({ status }), en, 'en', now, 'UTC'));
    expect(final.map((m) => [m.final, m.tone])).toEqual([[true, 'done'], [true, 'problem'], [true, 'problem'], [true, 'problem']]);
    const live = (['created', 'registered', 'in_transit', 'arrived_at_point', 'returning'] as const).map((status) => buildTrackingModel(answer({ status }), en, 'en', now, 'UTC').final);
    expect(live).toEqual([false, false, false, false, false]);
  });

  it('gives the point\'s hours for its own local today, exceptions included', () => {
    const wed = buildTrackingModel(answer(), ru, 'ru', now, 'Asia/Vladivostok').point;
    expect(wed).toEqual({
      name: 'Москва 101000', address: 'Мясницкая ул, 26, Москва, 101000', phone: undefined,
      openNow: 'Перерыв до 14:00', openTone: 'break', hoursToday: '08:00–20:00, перерыв 13:00–14:00',
    });
    // Friday 4 Dec is shortened; the break still falls inside.
    expect(buildTrackingModel(answer(), en, 'en', new Date('2026-12-04T06:00:00Z'), 'UTC').point)
      .toMatchObject({ openNow: 'Open until 16:00 · lunch 13:00–14:00', openTone: 'open', hoursToday: '08:00–16:00, break 13:00–14:00' });
    // 22:00 UTC on Saturday is already Sunday in Moscow: closed all day, opens Monday.
    expect(buildTrackingModel(answer(), en, 'en', new Date('2026-12-05T22:00:00Z'), 'UTC').point)
      .toMatchObject({ hoursToday: 'closed', openNow: 'Closed, opens tomorrow at 08:00', openTone: 'closed' });
  });

  it('without a point snapshot shows name and address only', () => {
    const m = buildTrackingModel(answer({ point: undefined }), en, 'en', now, 'UTC');
    expect(m.point).toEqual({ name: 'Москва 101000', address: 'Мясницкая ул, 26, Москва, 101000', phone: undefined, openNow: undefined, openTone: undefined, hoursToday: undefined });
  });
});

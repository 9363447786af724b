import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../widget/src/model/order.js';
import { carrierLabel, countText, formatDate, formatInstant, formatLocal, formatPrice, mayCancel, skippedText, STATUS_WORDS, statusTone } from './order-format.js';

describe('order formats', () => {
  it('has words for every status', () => {
    for (const s of ORDER_STATUSES) {
      expect(STATUS_WORDS[s]).toMatch(/^[A-Z]/);
      expect(statusTone(s)).toBeTruthy();
    }
    expect(mayCancel({ status: 'created' })).toBe(true);
    expect(mayCancel({ status: 'registered' })).toBe(true);
    expect(mayCancel({ status: 'in_transit' })).toBe(false);
  });

  it('names carriers and keeps an unknown id as it is', () => {
    expect(carrierLabel('nova-poshta')).toBe('Nova Poshta');
    expect(carrierLabel('dhl')).toBe('dhl');
  });

  it('formats prices from minor units', () => {
    expect(formatPrice(34550, 'RUB', 'en-GB').replace(/\s/g, ' ')).toBe('RUB 345.50');
    expect(formatPrice(100, 'XX', 'en-GB')).toBe('1.00 XX');
  });

  it('formats instants in the viewer zone and events at their own offset', () => {
    expect(formatInstant('2025-03-01T09:30:00.000Z', 'en-GB', 'Europe/Moscow')).toBe('1 Mar 2025, 12:30');
    expect(formatInstant('nope', 'en-GB')).toBe('nope');
    expect(formatLocal('2025-03-02T08:15:00+03:00', 'en-GB')).toBe('2 Mar 2025, 08:15 UTC+03:00');
    expect(formatLocal('2025-03-02T08:15:00.123Z', 'en-GB')).toBe('2 Mar 2025, 08:15 UTC');
    expect(formatDate('2025-03-04', 'en-GB')).toBe('4 Mar 2025');
    expect(formatDate('2025-02-31x', 'en-GB')).toBe('2025-02-31x');
  });

  it('counts', () => {
    expect(countText(0, false)).toBe('No orders match.');
    expect(countText(1, false)).toBe('1 order shown.');
    expect(countText(50, true)).toBe('50 orders shown, more available.');
    expect(skippedText(0)).toBe('');
    expect(skippedText(2)).toMatch(/^2 orders were left out/);
  });
});

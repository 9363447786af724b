import { describe, expect, it } from 'vitest';
import { makeBranch, PARCEL } from '../carriers/fixtures/branches.js';
import { carrierError } from '../carriers/types.js';
import { arrivalCheck } from '../core/arrival.js';
import type { QuoteState } from '../quotes/scheduler.js';
import { sortPoints } from '../core/sort.js';
import type { Quote } from '../model/index.js';
import { listRows, pointView } from './quote-view.js';

// Thursday 2026-11-12, 10:00 Moscow.
const NOW = new Date('2026-11-12T07:00:00Z');
const plain = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

function quote(pointId: string, over: Partial<Quote> = {}): Quote {
  return {
    carrier: 'russian-post', service: '23030', pointId, currency: 'RUB', total: 34_500,
    breakdown: [{ kind: 'delivery', amount: 34_500 }], vat: { rate: 20, amount: 5750 },
    deliveryDays: { min: 2, max: 4 }, estimatedDate: '2026-11-14', expiresAt: '2026-11-12T08:00:00Z', ...over,
  };
}
const ready = (q: Quote): QuoteState => ({ state: 'ready', quote: q });
// What the loaded tariff layer hands the list (quotes/layer.ts).
const TOOLS = { arrivalCheck, sortPoints };

describe('pointView', () => {
  it('without a parcel says nothing (no spinner, no fit)', () => {
    expect(pointView(makeBranch({ id: 'a' }), undefined, { state: 'loading' }, NOW, 'ru', TOOLS)).toEqual({ fits: true, quote: 'none' });
  });

  it('words a ready quote: money via Intl, days, arrival date', () => {
    const v = pointView(makeBranch({ id: 'a', hours: [1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '09:00', close: '20:00', breaks: [] })) }),
      PARCEL, ready(quote('a')), NOW, 'ru', TOOLS);
    expect(plain(v.price)).toBe('345 ₽');
    expect(plain(v.days)).toBe('2–4 дня');
    expect(plain(v.arrives)).toBe('Прибудет к сб, 14 нояб.');
    expect(v.openOnArrival).toBe(true);
    expect(v.closedOnArrival).toBeUndefined();
    expect(plain(pointView(makeBranch({ id: 'a' }), PARCEL, ready(quote('a', { total: 0, currency: 'UAH' })), NOW, 'uk', TOOLS).price)).toBe('Безкоштовно');
  });

  it('warns when the point is closed on the arrival day and names the next open day', () => {
    // Mon-Fri only; arrival Saturday 14 Nov -> opens Monday 16 Nov.
    const v = pointView(makeBranch({ id: 'a' }), PARCEL, ready(quote('a')), NOW, 'ru', TOOLS);
    expect(v.openOnArrival).toBe(false);
    expect(plain(v.closedOnArrival)).toBe('Закрыто в день доставки (сб, 14 нояб.), откроется пн, 16 нояб.');
  });

  it('a parcel too heavy for a locker: not fit, reason worded, no quote state shown', () => {
    const locker = makeBranch({ id: 'l', type: 'parcel_locker', limits: { maxWeightG: 20_000 } });
    const v = pointView(locker, { ...PARCEL, weightG: 25_000 }, { state: 'loading' }, NOW, 'ru', TOOLS);
    expect(v).toEqual({ fits: false, unfit: 'Посылка слишком тяжёлая для этого постамата: макс. 20 кг', quote: 'none' });
    expect(pointView(locker, { ...PARCEL, weightG: 25_000 }, undefined, NOW, 'en', TOOLS).unfit).toBe('The parcel is too heavy for this parcel locker: max 20 kg');
  });

  it('passes loading and unavailable through', () => {
    const b = makeBranch({ id: 'a' });
    expect(pointView(b, PARCEL, { state: 'loading' }, NOW, 'ru', TOOLS).quote).toBe('loading');
    const off: QuoteState = { state: 'unavailable', error: carrierError('russian-post', 'timeout', 'slow'), retry: () => {} };
    expect(pointView(b, PARCEL, off, NOW, 'ru', TOOLS).quote).toBe('unavailable');
  });

  it('before the tariff layer has loaded a ready quote still shows as loading', () => {
    expect(pointView(makeBranch({ id: 'a' }), PARCEL, ready(quote('a')), NOW, 'ru', undefined)).toEqual({ fits: true, quote: 'loading' });
  });
});

describe('listRows', () => {
  const near = makeBranch({ id: 'near', lat: 55.75, lng: 37.61 });
  const far = makeBranch({ id: 'far', lat: 55.9, lng: 37.61 });
  const unquoted = makeBranch({ id: 'none', lat: 55.751, lng: 37.61 });
  const locker = makeBranch({ id: 'lk', type: 'parcel_locker', limits: { maxWeightG: 1000 }, lat: 55.7505, lng: 37.61 });
  const states: Record<string, QuoteState> = {
    near: ready(quote('near', { total: 50_000 })),
    far: ready(quote('far', { total: 20_000, deliveryDays: { min: 1, max: 1 }, estimatedDate: '2026-11-13' })),
  };
  const base = { parcel: PARCEL, stateOf: (b: { id: string }) => states[b.id], onlyFit: false, openOnArrival: false, order: 'nearest' as const, from: { lat: 55.75, lng: 37.61 }, now: NOW, tools: TOOLS };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('keeps the API order for nearest and never drops unfit points unless asked', () => {
    expect(ids(listRows([near, locker, unquoted, far], base))).toEqual(['near', 'lk', 'none', 'far']);
    expect(ids(listRows([near, locker, unquoted, far], { ...base, onlyFit: true }))).toEqual(['near', 'none', 'far']);
  });

  it('cheapest: quoted first by price, points without quotes after, never missing', () => {
    expect(ids(listRows([near, unquoted, far], { ...base, order: 'cheapest' }))).toEqual(['far', 'near', 'none']);
  });

  it('open on arrival hides only points known to be closed that day', () => {
    // near arrives Saturday (closed), far Friday (open), unquoted unknown.
    expect(ids(listRows([near, unquoted, far], { ...base, openOnArrival: true }))).toEqual(['none', 'far']);
  });

  it('before the tariff layer has loaded: fit still applies, price orders fall back to distance, nothing hidden on arrival', () => {
    const early = { ...base, tools: undefined };
    expect(ids(listRows([far, locker, unquoted, near], { ...early, order: 'cheapest' }))).toEqual(['near', 'lk', 'none', 'far']);
    expect(ids(listRows([far, locker, unquoted, near], { ...early, order: 'fastest', onlyFit: true }))).toEqual(['near', 'none', 'far']);
    expect(ids(listRows([near, unquoted, far], { ...early, openOnArrival: true }))).toEqual(['near', 'none', 'far']);
  });
});

import { describe, expect, it } from 'vitest';
import { Branch, Quote } from '../model/index.js';
import { createRussianPostAdapter, packClass } from './russian-post.js';
import { isCarrierError, type CarrierError } from './types.js';
import offices from './fixtures/rp-offices.json' with { type: 'json' };
import tariff from './fixtures/rp-tariff.json' with { type: 'json' };
import insured from './fixtures/rp-tariff-insured.json' with { type: 'json' };
import rpError from './fixtures/rp-error.json' with { type: 'json' };
import { makeBranch, ORIGIN, PARCEL } from './fixtures/branches.js';

const rp = createRussianPostAdapter({ apiBase: 'https://sandbox.test' });
const fetchedAt = new Date('2026-10-06T09:00:00Z');
const branch = makeBranch({ id: 'rp-115162', address: { country: 'RU', region: '', city: 'Москва', street: '', house: '', postcode: '115162' } });
const ctx = { branch, parcel: PARCEL, origin: ORIGIN, fetchedAt };

function ok<T>(v: T | CarrierError): T {
  if (isCarrierError(v)) throw new Error(`unexpected error: ${v.message}`);
  return v;
}

describe('Russian Post adapter: offices', () => {
  it('maps an office to a valid Branch with hours, lunches and phone', () => {
    const b = ok(rp.toBranch(offices[0]));
    expect(Branch.safeParse(b).success).toBe(true);
    expect(b).toMatchObject({ id: 'rp-115551', carrier: 'russian-post', type: 'post_office', status: 'open', lat: 55.612772 });
    expect(b.address).toMatchObject({ country: 'RU', city: 'Москва', postcode: '115551', house: 'k.3' });
    expect(b.hours).toEqual([
      { day: 1, open: '08:00', close: '20:00', breaks: [{ from: '13:00', to: '14:00' }] },
      { day: 2, open: '08:00', close: '20:00', breaks: [] },
      { day: 6, open: '09:00', close: '18:00', breaks: [] },
    ]);
    expect(b.phone).toBe('8 (800) 1000000');
  });

  it('maps a temporarily closed 24h locker with string coordinates', () => {
    const b = ok(rp.toBranch(offices[1], { timeZoneOf: () => 'Europe/Moscow' }));
    expect(b).toMatchObject({ type: 'parcel_locker', status: 'temporarily_closed', lat: 55.7637, lng: 37.6373 });
    expect(b.hours).toEqual([{ day: 1, open: '00:00', close: '24:00', breaks: [] }]);
  });

  it('rejects malformed offices with a typed error', () => {
    const e = rp.toBranch({ 'postal-code': '12', latitude: 1, longitude: 2 });
    expect(isCarrierError(e) && e.kind).toBe('bad_response');
    const far = rp.toBranch({ ...offices[0], latitude: 'north' });
    expect(isCarrierError(far)).toBe(true);
  });
});

describe('Russian Post adapter: tariff', () => {
  it('builds the documented GET with postcode, weight, size, declared value and COD', () => {
    const reqs = ok(rp.quoteRequest({ ...PARCEL, declaredValue: { amount: 500_000, currency: 'RUB' }, cashOnDelivery: { amount: 300_000, currency: 'RUB' } }, ORIGIN, branch));
    expect(reqs).toHaveLength(1);
    const url = new URL(reqs[0]!.url);
    expect(url.pathname).toBe('/carriers/russian-post/tariff/v2/calculate/tariff/delivery');
    expect(url.searchParams.has('json')).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ object: '23030', from: '344038', to: '115162', weight: '1200', size: '30x20x10', sumoc: '500000', sumnp: '300000' });
    expect(url.searchParams.has('pack')).toBe(false);
  });

  it('sends pack for EMS, sized from the parcel', () => {
    const ems = createRussianPostAdapter({ object: 27030 });
    const url = new URL(ok(ems.quoteRequest(PARCEL, ORIGIN, branch))[0]!.url, 'http://x');
    // 30x20x10 fits pack 20 (up to 15x20x30 sorted), not pack 10 (8x17x26).
    expect(url.searchParams.get('pack')).toBe('20');
    expect(packClass({ ...PARCEL, dimensionsCm: { length: 8, width: 26, height: 17 } })).toBe(10);
    expect(packClass({ ...PARCEL, dimensionsCm: { length: 60, width: 40, height: 30 } })).toBe(40);
  });

  it('cannot quote without postcodes', () => {
    expect(isCarrierError(rp.quoteRequest(PARCEL, { country: 'RU' }, branch))).toBe(true);
    const noIndex = { ...branch, address: { ...branch.address, postcode: '' } };
    const e = rp.quoteRequest(PARCEL, ORIGIN, noIndex);
    expect(isCarrierError(e) && e.kind).toBe('unsupported');
  });

  it('turns the documented answer into a Quote (paynds, VAT, deadline)', () => {
    const q = ok(rp.toQuote([{ status: 200, body: tariff }], ctx));
    expect(Quote.safeParse(q).success).toBe(true);
    expect(q).toMatchObject({
      carrier: 'russian-post', service: '3000', pointId: 'rp-115162', currency: 'RUB', total: 5040,
      vat: { rate: 20, amount: 840 }, deliveryDays: { min: 4, max: 4 }, estimatedDate: '2026-10-10',
      expiresAt: new Date(fetchedAt.getTime() + rp.quoteTtlMs).toISOString(),
    });
    expect(q.breakdown).toEqual([{ kind: 'delivery', amount: 5040 }]);
  });

  it('splits insurance, COD and unknown items so the breakdown sums to the total', () => {
    const q = ok(rp.toQuote([{ status: 200, body: insured }], ctx));
    expect(q.breakdown).toEqual([
      { kind: 'delivery', amount: 30_360 }, { kind: 'insurance', amount: 18_000 },
      { kind: 'cod_fee', amount: 12_000 }, { kind: 'other', amount: 600 },
    ]);
    expect(q.breakdown.reduce((s, l) => s + l.amount, 0)).toBe(q.total);
    expect(q.deliveryDays).toEqual({ min: 3, max: 5 });
  });

  it('maps the documented error shape, with HTTP 200 or 4xx', () => {
    for (const status of [200, 400]) {
      const e = rp.toQuote([{ status, body: rpError }], ctx) as CarrierError;
      expect(e).toMatchObject({ kind: 'rejected', carrier: 'russian-post', codes: ['1201', '42'], retryable: false });
      expect(e.message).toContain('pack');
    }
  });

  it('reports outages and malformed answers', () => {
    expect(rp.toQuote([{ status: 503, body: 'down' }], ctx)).toMatchObject({ kind: 'http', retryable: true });
    expect(rp.toQuote([{ status: 200, body: { paynds: '12' } }], ctx)).toMatchObject({ kind: 'bad_response' });
    expect(rp.toQuote([{ status: 200, body: { version_api: 2 } }], ctx)).toMatchObject({ kind: 'bad_response' });
  });

  it('dedupes by destination postcode and parcel', () => {
    const twin = { ...branch, id: 'rp-other-at-same-index' };
    expect(rp.dedupeKey(twin, PARCEL, ORIGIN)).toBe(rp.dedupeKey(branch, PARCEL, ORIGIN));
    const other = { ...branch, address: { ...branch.address, postcode: '101000' } };
    expect(rp.dedupeKey(other, PARCEL, ORIGIN)).not.toBe(rp.dedupeKey(branch, PARCEL, ORIGIN));
    expect(rp.dedupeKey(branch, { ...PARCEL, weightG: 1300 }, ORIGIN)).not.toBe(rp.dedupeKey(branch, PARCEL, ORIGIN));
  });
});

import { describe, expect, it } from 'vitest';
import { Branch, Quote } from '../model/index.js';
import { createNovaPoshtaAdapter } from './nova-poshta.js';
import { isCarrierError, type CarrierError } from './types.js';
import warehouses from './fixtures/np-warehouses.json' with { type: 'json' };
import price from './fixtures/np-price.json' with { type: 'json' };
import priceDecimal from './fixtures/np-price-decimal.json' with { type: 'json' };
import deliveryDate from './fixtures/np-delivery-date.json' with { type: 'json' };
import npError from './fixtures/np-error.json' with { type: 'json' };
import npErrorKeyed from './fixtures/np-error-keyed.json' with { type: 'json' };
import { KYIV_REF, LVIV_REF, npBranch, PARCEL } from './fixtures/branches.js';

const NOW = new Date('2026-08-27T07:00:00Z');
const np = createNovaPoshtaAdapter({ apiBase: '', now: () => NOW });
const origin = { country: 'UA', cityRef: LVIV_REF };
const branch = npBranch('np-1');
const ctx = { branch, parcel: PARCEL, origin, fetchedAt: NOW };

function ok<T>(v: T | CarrierError): T {
  if (isCarrierError(v)) throw new Error(`unexpected error: ${v.message}`);
  return v;
}

describe('Nova Poshta adapter: warehouses', () => {
  it('converts string-typed numbers and maps a branch', () => {
    const b = ok(np.toBranch(warehouses[0]));
    expect(Branch.safeParse(b).success).toBe(true);
    expect(b).toMatchObject({
      carrier: 'nova-poshta', type: 'post_office', status: 'open', lat: 50.509762, lng: 30.490456, timeZone: 'Europe/Kyiv',
      limits: { maxWeightG: 30_000, maxDimensionsCm: { length: 120, width: 120, height: 120 } },
      carrierRefs: { cityRef: KYIV_REF, warehouseRef: '16922859-e1c2-11e3-8c4a-0050568002cf' },
    });
    expect(b.address).toMatchObject({ country: 'UA', city: 'Kyiv', street: 'M. Tymoshenka', house: '9' });
    expect(b.payment).toEqual(['card', 'cash', 'cod']);
    expect(b.hours.map((h) => h.day)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(b.hours[5]).toEqual({ day: 6, open: '09:00', close: '18:00', breaks: [] });
  });

  it('maps a Postomat with locker limits, 24h hours and DenyToSelect', () => {
    const b = ok(np.toBranch(warehouses[1]));
    expect(b.type).toBe('parcel_locker');
    expect(b.status).toBe('temporarily_closed');
    expect(b.limits).toEqual({
      maxWeightG: 20_000, maxDimensionsCm: { length: 60, width: 40, height: 30 }, maxDeclaredValue: { amount: 1_000_000, currency: 'UAH' },
    });
    expect(b.hours).toHaveLength(7);
    expect(b.hours[0]).toMatchObject({ open: '00:00', close: '24:00' });
    expect(b.payment).not.toContain('cash');
  });

  it('rejects non-numeric strings where numbers belong', () => {
    expect(isCarrierError(np.toBranch({ ...warehouses[0], Latitude: 'fifty' }))).toBe(true);
    expect(isCarrierError(np.toBranch({ ...warehouses[0], Ref: undefined }))).toBe(true);
  });
});

describe('Nova Poshta adapter: price and date', () => {
  it('builds an API 2.0 price call and a delivery-date call', () => {
    const reqs = ok(np.quoteRequest({ ...PARCEL, declaredValue: { amount: 150_000, currency: 'UAH' }, cashOnDelivery: { amount: 120_050, currency: 'UAH' } }, origin, branch));
    expect(reqs.map((r) => [r.method, r.url])).toEqual([['POST', '/carriers/nova-poshta/v2.0/json/'], ['POST', '/carriers/nova-poshta/v2.0/json/']]);
    const [p, d] = reqs.map((r) => JSON.parse(r.body!) as { modelName: string; calledMethod: string; methodProperties: Record<string, unknown> });
    expect(p).toMatchObject({ modelName: 'InternetDocument', calledMethod: 'getDocumentPrice' });
    expect(p!.methodProperties).toMatchObject({
      CitySender: LVIV_REF, CityRecipient: KYIV_REF, Weight: '1.2', ServiceType: 'WarehouseWarehouse', Cost: '1500',
      RedeliveryCalculate: { CargoType: 'Money', Amount: '1200.5' }, SeatsAmount: '1',
    });
    expect(d).toMatchObject({ modelName: 'InternetDocument', calledMethod: 'getDocumentDeliveryDate', methodProperties: { DateTime: '27.08.2026' } });
  });

  it('can call getDocumentDeliveryDate under Common; lockers use WarehousePostomat', () => {
    const common = createNovaPoshtaAdapter({ deliveryDateModel: 'Common', now: () => NOW });
    const locker = npBranch('np-2', KYIV_REF, { type: 'parcel_locker' });
    const [p, d] = ok(common.quoteRequest(PARCEL, origin, locker)).map((r) => JSON.parse(r.body!) as { modelName: string; methodProperties: { ServiceType: string } });
    expect(d!.modelName).toBe('Common');
    expect(p!.methodProperties.ServiceType).toBe('WarehousePostomat');
  });

  it('needs city refs', () => {
    expect(np.quoteRequest(PARCEL, { country: 'UA' }, branch)).toMatchObject({ kind: 'unsupported' });
    expect(np.quoteRequest(PARCEL, origin, { ...branch, carrierRefs: {} })).toMatchObject({ kind: 'unsupported' });
  });

  it('turns hryvnia strings into kopiyky and the delivery date into days', () => {
    const q = ok(np.toQuote([{ status: 200, body: price }, { status: 200, body: deliveryDate }], ctx));
    expect(Quote.safeParse(q).success).toBe(true);
    expect(q).toMatchObject({
      carrier: 'nova-poshta', service: 'WarehouseWarehouse', pointId: 'np-1', currency: 'UAH', total: 14_900,
      deliveryDays: { min: 1, max: 1 }, estimatedDate: '2026-08-28',
    });
    expect(q.breakdown).toEqual([{ kind: 'delivery', amount: 4500 }, { kind: 'cod_fee', amount: 10_000 }, { kind: 'packaging', amount: 400 }]);
    expect(q.vat.amount).toBe(Math.round(14_900 / 6));
  });

  it('accepts decimal strings ("72.5")', () => {
    const q = ok(np.toQuote([{ status: 200, body: priceDecimal }, { status: 200, body: deliveryDate }], ctx));
    expect(q.total).toBe(7250);
  });

  it('maps NP error envelopes (array and keyed forms) from either call', () => {
    const e1 = np.toQuote([{ status: 200, body: npError }, { status: 200, body: deliveryDate }], ctx);
    expect(e1).toMatchObject({ kind: 'rejected', codes: ['20000200065', '20000900746'], retryable: false });
    expect((e1 as CarrierError).message).toContain('CityRecipient is invalid');
    const e2 = np.toQuote([{ status: 200, body: price }, { status: 200, body: npErrorKeyed }], ctx);
    expect(e2).toMatchObject({ kind: 'rejected', codes: ['20000200065'], message: 'CityRecipient is invalid' });
  });

  it('reports malformed numbers and outages', () => {
    const bad = { ...price, data: [{ Cost: 'free' }] };
    expect(np.toQuote([{ status: 200, body: bad }, { status: 200, body: deliveryDate }], ctx)).toMatchObject({ kind: 'bad_response' });
    expect(np.toQuote([{ status: 502, body: '' }, { status: 200, body: deliveryDate }], ctx)).toMatchObject({ kind: 'http', retryable: true });
  });

  it('dedupes by city ref: two branches in one city share a key, lockers and other cities do not', () => {
    const a = npBranch('np-a');
    const b = npBranch('np-b');
    expect(np.dedupeKey(a, PARCEL, origin)).toBe(np.dedupeKey(b, PARCEL, origin));
    expect(np.dedupeKey(npBranch('np-c', LVIV_REF), PARCEL, origin)).not.toBe(np.dedupeKey(a, PARCEL, origin));
    expect(np.dedupeKey(npBranch('np-d', KYIV_REF, { type: 'parcel_locker' }), PARCEL, origin)).not.toBe(np.dedupeKey(a, PARCEL, origin));
  });
});

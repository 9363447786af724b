import { describe, expect, it } from 'vitest';
import { parseMoney, parseOrigin, parseSize, parseWeight, resolveParcel } from './parcel-input.js';

describe('parcel attributes', () => {
  it('parses weight in grams and sizes in any "x" spelling', () => {
    expect(parseWeight('1500')).toEqual({ ok: true, value: 1500 });
    expect(parseWeight('1.5kg').ok).toBe(false);
    expect(parseWeight('0').ok).toBe(false);
    expect(parseSize('30x20x10')).toEqual({ ok: true, value: { length: 30, width: 20, height: 10 } });
    expect(parseSize('30 × 20,5 × 10')).toEqual({ ok: true, value: { length: 30, width: 20.5, height: 10 } });
    expect(parseSize('30x20').ok).toBe(false);
  });

  it('reads money in major units, currency from the code or the default', () => {
    expect(parseMoney('1500', 'RUB')).toEqual({ ok: true, value: { amount: 150_000, currency: 'RUB' } });
    expect(parseMoney('1 500,50 uah', 'RUB')).toEqual({ ok: true, value: { amount: 150_050, currency: 'UAH' } });
    expect(parseMoney('-5', 'RUB').ok).toBe(false);
  });

  it('reads origins: country:postcode, country:city, bare postcodes and one per country', () => {
    expect(parseOrigin('RU:101000')).toEqual({ ok: true, value: { country: 'RU', postcode: '101000' } });
    expect(parseOrigin('ua: Київ')).toEqual({ ok: true, value: { country: 'UA', city: 'Київ' } });
    expect(parseOrigin('01001')).toEqual({ ok: true, value: { country: 'UA', postcode: '01001' } });
    expect(parseOrigin('RU:101000;UA:Київ')).toEqual({ ok: true, value: { country: 'RU', postcode: '101000', city: 'Київ' } });
    expect(parseOrigin('UA:8d5a980d-391c-11dd-90d9-001a92567626').ok && parseOrigin('UA:8d5a980d-391c-11dd-90d9-001a92567626'))
      .toMatchObject({ value: { cityRef: '8d5a980d-391c-11dd-90d9-001a92567626' } });
    expect(parseOrigin('Moscow').ok).toBe(false);
  });
});

describe('resolveParcel', () => {
  it('attributes override single fields of the config parcel; money takes the origin currency', () => {
    const r = resolveParcel({
      attrs: { 'parcel-weight': '2500', 'declared-value': '3000', origin: 'UA:Київ' },
      configParcel: { weightG: 1000, dimensionsCm: { length: 10, width: 10, height: 10 } },
    });
    expect(r.issues).toEqual([]);
    expect(r.parcel).toEqual({ weightG: 2500, dimensionsCm: { length: 10, width: 10, height: 10 }, declaredValue: { amount: 300_000, currency: 'UAH' } });
    expect(r.origin).toEqual({ country: 'UA', city: 'Київ' });
  });

  it('a bad attribute is reported by name and left out; the rest still works', () => {
    const r = resolveParcel({ attrs: { 'parcel-weight': 'heavy', 'parcel-size': '30x20x10', origin: 'RU:101000' } });
    expect(r.issues.map((i) => i.field)).toEqual(['parcel-weight', 'parcel-weight']);
    expect(r.parcel).toBeUndefined();
    expect(r.origin).toEqual({ country: 'RU', postcode: '101000' });
  });

  it('no parcel inputs: no parcel and no issue', () => {
    expect(resolveParcel({ attrs: {} })).toEqual({ issues: [] });
  });

  it('validates the parcel property', () => {
    const r = resolveParcel({ attrs: {}, parcelProp: { weightG: -1 } });
    expect(r.issues[0]?.field).toBe('parcel');
    expect(r.parcel).toBeUndefined();
  });
});

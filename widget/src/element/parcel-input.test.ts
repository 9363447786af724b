import { describe, expect, it } from 'vitest';
import { Origin, Parcel, WidgetConfig, type Parcel as ParcelT } from '../model/index.js';
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

describe('attribute limits are the model\'s', () => {
  const base: ParcelT = { weightG: 1000, dimensionsCm: { length: 10, width: 10, height: 10 } };
  const configAccepts = (parcel: unknown) => WidgetConfig.safeParse({ parcel }).success;

  // Each pair sits on one side of a limit: the attribute and a config with the same value must agree.
  it.each([
    ['1000000', true],
    ['1000001', false],
  ])('parcel-weight="%s" and config.parcel.weightG agree (%s)', (raw, accepted) => {
    expect(parseWeight(raw).ok).toBe(accepted);
    expect(configAccepts({ ...base, weightG: Number(raw) })).toBe(accepted);
  });

  it.each([
    ['1000x20x10', { length: 1000, width: 20, height: 10 }, true],
    ['30x1000.5x10', { length: 30, width: 1000.5, height: 10 }, false],
    ['30x20x1001', { length: 30, width: 20, height: 1001 }, false],
  ])('parcel-size="%s" and config.parcel.dimensionsCm agree', (raw, dims, accepted) => {
    expect(parseSize(raw).ok).toBe(accepted);
    expect(configAccepts({ ...base, dimensionsCm: dims })).toBe(accepted);
  });

  it.each([
    ['1000000000', 100_000_000_000, true],
    ['1000000000.01', 100_000_000_001, false],
  ])('declared-value / cod="%s" and config.parcel money agree', (raw, minor, accepted) => {
    expect(parseMoney(raw, 'RUB').ok).toBe(accepted);
    expect(configAccepts({ ...base, declaredValue: { amount: minor, currency: 'RUB' } })).toBe(accepted);
    expect(configAccepts({ ...base, cashOnDelivery: { amount: minor, currency: 'RUB' } })).toBe(accepted);
    expect(Parcel.safeParse({ ...base, cashOnDelivery: { amount: minor, currency: 'RUB' } }).success).toBe(accepted);
  });

  it.each([
    [100, true],
    [101, false],
  ])('origin city of %i characters: attribute and config.origin agree', (length, accepted) => {
    const city = 'К'.repeat(length);
    expect(parseOrigin(`UA:${city}`).ok).toBe(accepted);
    expect(parseOrigin(`RU:101000;UA:${city}`).ok, 'a later entry is checked too').toBe(accepted);
    expect(Origin.safeParse({ country: 'UA', city }).success).toBe(accepted);
  });

  it('names the limit the value broke', () => {
    expect(parseSize('30x20x1001')).toEqual({ ok: false, message: 'height: expected at most 1000' });
    expect(parseWeight('0')).toEqual({ ok: false, message: 'expected more than 0' });
    expect(parseMoney('1000000000.01', 'RUB')).toEqual({ ok: false, message: 'amount out of range' });
    expect(parseOrigin(`UA:${'x'.repeat(101)}`)).toEqual({ ok: false, message: 'city: expected at most 100 characters' });
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

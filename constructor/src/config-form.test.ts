import { describe, expect, it } from 'vitest';
import { ApiBase } from '../../widget/src/model/config.js';
import { configToForm, emptyValues, fieldForPath, formAdvice, formToConfig, parseNumber, validPart, type FormValues } from './config-form.js';

function form(patch: Partial<FormValues>): FormValues {
  return { ...emptyValues(), ...patch };
}

describe('parseNumber', () => {
  it('maps empty to undefined, numbers to numbers and keeps junk as a string', () => {
    expect(parseNumber('  ')).toBeUndefined();
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('55,75')).toBe(55.75);
    expect(parseNumber('-0.5')).toBe(-0.5);
    expect(parseNumber('12abc')).toBe('12abc');
  });
});

describe('formToConfig', () => {
  it('turns the empty form into a minimal valid config', () => {
    const r = formToConfig(emptyValues());
    expect(r.errors).toEqual({});
    expect(r.config).toEqual({
      carriers: ['russian-post', 'nova-poshta'],
      types: ['post_office', 'pickup_point', 'parcel_locker'],
      layout: 'both',
      mode: 'inline',
      sort: 'nearest',
      hideUnfit: false,
    });
  });

  it('converts strings to numbers and money to minor units', () => {
    const r = formToConfig(form({
      centerLat: '50.45', centerLng: '30.52', zoom: '12', themeRadius: '8', themePrimary: '#0a7',
      parcelWeight: '1200', parcelLength: '30', parcelWidth: '20', parcelHeight: '10',
      declaredValue: '1500.5', codAmount: '99.99', currency: 'UAH',
      originCountry: 'UA', originCity: 'Kyiv', weightDistance: '1', weightPrice: '2.5', weightSpeed: '0',
      carrierTimeoutMs: '4000', sort: 'best', hideUnfit: true,
    }));
    expect(r.errors).toEqual({});
    expect(r.config).toMatchObject({
      center: { lat: 50.45, lng: 30.52 },
      zoom: 12,
      theme: { primary: '#0a7', radius: 8 },
      parcel: {
        weightG: 1200,
        dimensionsCm: { length: 30, width: 20, height: 10 },
        declaredValue: { amount: 150050, currency: 'UAH' },
        cashOnDelivery: { amount: 9999, currency: 'UAH' },
      },
      origin: { country: 'UA', city: 'Kyiv' },
      sortWeights: { distance: 1, price: 2.5, speed: 0 },
      carrierTimeoutMs: 4000,
      sort: 'best',
      hideUnfit: true,
    });
    expect(r.config?.origin).not.toHaveProperty('postcode');
  });

  it('names the field in each error and returns no config', () => {
    const r = formToConfig(form({ zoom: '25', themePrimary: 'red', carrierTimeoutMs: 'soon', centerLat: '91', centerLng: '0' }));
    expect(r.config).toBeUndefined();
    expect(r.errors.zoom).toBe('Zoom: must be a whole number from 2 to 19');
    expect(r.errors.themePrimary).toBe('Primary colour: expected a hex colour');
    expect(r.errors.carrierTimeoutMs).toBe('Carrier timeout: must be a number');
    expect(r.errors.centerLat).toBe('Centre latitude: must be at most 90');
    expect(r.errors.centerLng).toBeUndefined();
  });

  it('asks for the missing parts of a partly described group', () => {
    const r = formToConfig(form({ parcelWeight: '500', originPostcode: '01001', centerLat: '50' }));
    expect(r.errors.parcelLength).toBe('Length: is required');
    expect(r.errors.parcelWidth).toBe('Width: is required');
    expect(r.errors.parcelHeight).toBe('Height: is required');
    expect(r.errors.originCountry).toBe('Origin country: is required');
    expect(r.errors.centerLng).toBe('Centre longitude: is required');
    expect(r.errors.parcelWeight).toBeUndefined();
  });

  it('rejects fractional grams and money with more than 2 decimals', () => {
    const r = formToConfig(form({ parcelWeight: '10.5', parcelLength: '1', parcelWidth: '1', parcelHeight: '1', declaredValue: '1.005' }));
    expect(r.errors.parcelWeight).toBe('Weight: must be a whole number');
    expect(r.errors.declaredValue).toBe('Declared value: must have at most 2 decimal places');
  });

  it('checks carriers, point types, tile URL and API base beyond the schema', () => {
    const r = formToConfig(form({ carriers: [], types: [], tileUrl: 'https://t.example/{z}/{x}.png', apiBase: 'javascript:alert(1)' }));
    expect(r.errors.carriers).toBe('Carriers: choose at least one carrier');
    expect(r.errors.types).toBe('Point types: choose at least one point type');
    expect(r.errors.tileUrl).toBe('Tile URL: expected a URL template with {z}, {x} and {y}');
    expect(r.errors.apiBase).toMatch(/^API base URL: expected an http\(s\) URL/);
    expect(formToConfig(form({ tileUrl: '/tiles/{z}/{x}/{y}.png', apiBase: 'https://api.example' })).errors).toEqual({});
  });

  it('an api-base with /api/v1 is the schema\'s to judge: it saves, with advice instead of an error', () => {
    for (const apiBase of ['https://api.example/api/v1', 'https://shop.example/proxy/api/v1/bp']) {
      expect(ApiBase.safeParse(apiBase).success).toBe(true);
      const r = formToConfig(form({ apiBase }));
      expect(r.errors).toEqual({});
      expect(r.config?.apiBase).toBe(apiBase);
      expect(formAdvice(form({ apiBase })).apiBase).toMatch(/\/api\/v1/);
    }
    expect(formAdvice(form({ apiBase: 'https://api.example' }))).toEqual({});
  });

  it('reports a bad carrier slug on the carriers field', () => {
    expect(formToConfig(form({ carriers: ['Bad Carrier'] })).errors.carriers).toBe('Carriers: expected a carrier slug');
  });

  it('rejects a name longer than the schema allows', () => {
    expect(formToConfig(form({ name: 'x'.repeat(101) })).errors.name).toBe('Form field name: must be at most 100 characters');
    expect(formToConfig(form({ tileUrl: 'none' })).errors).toEqual({});
  });
});

describe('configToForm', () => {
  it('round-trips a full config through the form', () => {
    const values = form({
      name: 'branch', apiBase: 'https://api.example', carriers: ['nova-poshta'], types: ['parcel_locker'], lang: 'uk',
      layout: 'list', mode: 'modal', centerLat: '50.45', centerLng: '30.52', zoom: '11', tileUrl: '/t/{z}/{x}/{y}.png',
      themePrimary: '#112233', themeRadius: '4', themeFont: 'Inter, sans-serif',
      parcelWeight: '900', parcelLength: '10', parcelWidth: '10', parcelHeight: '5', declaredValue: '12.3', codAmount: '', currency: 'UAH',
      originCountry: 'UA', originPostcode: '01001', originCity: 'Kyiv', originCityRef: 'abc-ref',
      sort: 'cheapest', weightDistance: '1', weightPrice: '1', weightSpeed: '1', hideUnfit: true, carrierTimeoutMs: '3000',
    });
    const config = formToConfig(values).config;
    expect(config).toBeDefined();
    expect(configToForm(config!)).toEqual(values);
  });
});

describe('fieldForPath', () => {
  it('maps nested and indexed schema paths to form fields', () => {
    expect(fieldForPath('parcel.dimensionsCm.width')).toBe('parcelWidth');
    expect(fieldForPath('types.2')).toBe('types');
    expect(fieldForPath('parcel.cashOnDelivery.currency')).toBe('currency');
    expect(fieldForPath('nonsense')).toBeUndefined();
  });
});

describe('validPart', () => {
  it('keeps the good fields and drops the bad ones', () => {
    const c = validPart(form({ zoom: '99', mode: 'modal', name: 'kept', parcelWeight: '500', parcelLength: 'x' }));
    expect(c.mode).toBe('modal');
    expect(c.name).toBe('kept');
    expect(c.zoom).toBeUndefined();
    expect(c.parcel).toBeUndefined();
  });
  it('returns the config itself when the form is valid', () => {
    const values = form({ zoom: '5', lang: 'en' });
    expect(validPart(values)).toEqual(formToConfig(values).config);
  });
});

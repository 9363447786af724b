import { describe, expect, it } from 'vitest';
import { getDocumentDeliveryDate as dateResult, getDocumentPrice as priceResult, internetDocumentMethods, NP_ERRORS } from './internet-document.js';
import { envelope } from './envelope.js';
import type { TariffDirectory } from '../../pricing/directory.js';

const getDocumentPrice = (p: unknown, d: TariffDirectory) => envelope(priceResult(p, d));
const getDocumentDeliveryDate = (p: unknown, d: TariffDirectory, now: Date) => envelope(dateResult(p, d, now));
import { NP_CITIES, NP_LOCKER_REF, testDirectory } from '../../pricing/test-directory.js';

const KYIV = NP_CITIES.kyiv.ref;
const LVIV = NP_CITIES.lviv.ref;
const NOW = new Date('2026-08-27T10:00:00Z');

const price = (props: Record<string, unknown>) =>
  getDocumentPrice({ CitySender: KYIV, CityRecipient: LVIV, Weight: '1', ServiceType: 'WarehouseWarehouse', Cost: '300', CargoType: 'Parcel', SeatsAmount: '1', ...props }, testDirectory);

describe('InternetDocument.getDocumentPrice', () => {
  it('answers in the API 2.0 envelope with string-typed numbers', () => {
    const r = price({ RedeliveryCalculate: { CargoType: 'Money', Amount: '1000' }, PackCount: '1' });
    expect(r).toMatchObject({ success: true, errors: [], warnings: [], errorCodes: [], info: { totalCount: 1 } });
    const item = r.data[0] as Record<string, unknown>;
    expect(Object.keys(item).sort()).toEqual(['AssessedCost', 'Cost', 'CostPack', 'CostRedelivery']);
    for (const v of Object.values(item)) expect(v).toMatch(/^\d+(\.\d{2})?$/);
    expect(item.AssessedCost).toBe('300');
    expect(item.CostRedelivery).toBe('40');
    expect(item.CostPack).toBe('4');
  });

  it('accepts numbers as numbers too', () => {
    const r = getDocumentPrice({ CitySender: KYIV, CityRecipient: LVIV, Weight: 2.5, Cost: 500 }, testDirectory);
    expect(r.success).toBe(true);
  });

  it('heavier is never cheaper', () => {
    const cost = (w: string) => Number((price({ Weight: w }).data[0] as { Cost: string }).Cost);
    expect(cost('5')).toBeGreaterThanOrEqual(cost('1'));
    expect(cost('25')).toBeGreaterThan(cost('5'));
  });

  it.each([
    [{ CityRecipient: 'nope' }, 'cityRecipientInvalid'],
    [{ CitySender: '' }, 'citySenderEmpty'],
    [{ Weight: '0' }, 'weightInvalid'],
    [{ Weight: '-1' }, 'weightInvalid'],
    [{ Weight: 'abc' }, 'weightInvalid'],
    [{ ServiceType: 'Teleport' }, 'serviceTypeInvalid'],
    [{ ServiceType: 'WarehousePostomat', Weight: '21' }, 'lockerWeight'],
    [{ ServiceType: 'WarehousePostomat', Cost: '10001' }, 'lockerCost'],
    [{ ServiceType: 'WarehousePostomat', SeatsAmount: '2' }, 'lockerSeats'],
    [{ ServiceType: 'WarehousePostomat', OptionsSeat: [{ volumetricWidth: '45', volumetricLength: '45', volumetricHeight: '30', weight: '1' }] }, 'lockerSize'],
    [{ RecipientWarehouse: NP_LOCKER_REF, Weight: '25' }, 'lockerWeight'],
  ] as const)('%j -> %s', (props, key) => {
    const r = price(props);
    expect(r.success).toBe(false);
    expect(r.data).toEqual([]);
    expect(r.errors).toContain(NP_ERRORS[key][0]);
    expect(r.errorCodes).toContain(NP_ERRORS[key][1]);
  });

  it('a locker cell fits in any orientation (60x30x40 is fine)', () => {
    const r = price({ ServiceType: 'WarehousePostomat', OptionsSeat: [{ volumetricWidth: '60', volumetricLength: '30', volumetricHeight: '40', weight: '1' }] });
    expect(r.success).toBe(true);
  });
});

describe('getDocumentDeliveryDate', () => {
  it('answers DeliveryDate in NP format, under both namespaces', () => {
    const methods = internetDocumentMethods(testDirectory, () => NOW);
    const props = { CitySender: KYIV, CityRecipient: NP_CITIES.brovary.ref, ServiceType: 'WarehouseWarehouse', DateTime: '27.08.2026' };
    for (const name of ['InternetDocument.getDocumentDeliveryDate', 'Common.getDocumentDeliveryDate'] as const) {
      const r = envelope(methods[name]!(props));
      expect(r.success).toBe(true);
      expect(r.data[0]).toEqual({ DeliveryDate: { date: '2026-08-28 00:00:00.000000', timezone_type: 3, timezone: 'Europe/Kyiv' } });
    }
  });

  it('farther cities arrive later; defaults to today in Kyiv', () => {
    const near = getDocumentDeliveryDate({ CitySender: KYIV, CityRecipient: NP_CITIES.brovary.ref }, testDirectory, NOW);
    const far = getDocumentDeliveryDate({ CitySender: KYIV, CityRecipient: LVIV }, testDirectory, NOW);
    const date = (r: typeof near) => (r.data[0] as { DeliveryDate: { date: string } }).DeliveryDate.date;
    expect(date(near)).toBe('2026-08-28 00:00:00.000000');
    expect(date(far) > date(near)).toBe(true);
  });

  it('rejects a bad date and unknown cities', () => {
    const bad = getDocumentDeliveryDate({ CitySender: KYIV, CityRecipient: LVIV, DateTime: '31.02.2026' }, testDirectory, NOW);
    expect(bad.errorCodes).toEqual([NP_ERRORS.dateInvalid[1]]);
    const unknown = getDocumentDeliveryDate({ CitySender: 'x', CityRecipient: LVIV }, testDirectory, NOW);
    expect(unknown.errors).toEqual([NP_ERRORS.citySenderInvalid[0]]);
  });
});

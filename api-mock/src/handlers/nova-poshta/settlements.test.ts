import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeOrigin } from '../../../../widget/src/carriers/origin.js';
import { createDefaultRegistry } from '../../../../widget/src/carriers/registry.js';
import { TEST_ORIGIN, createTestSandbox } from '../../node.js';
import { FIXTURE_DATASET } from '../../test-support/fixture.js';
import { api } from '../../test-support/http.js';
import { cityRef, settlementRef } from './refs.js';
import type { NpCity, NpSettlementAddress } from './settlements.js';

// The fixture's Київ (two branches and a locker) and Львів (one closed pickup point), plus a village the
// carrier does not serve.
const dataset = {
  ...FIXTURE_DATASET,
  settlements: [...FIXTURE_DATASET.settlements,
    { id: 's-kyinka', name: 'Киїнка', region: 'Чернігівська область', country: 'UA', lat: 51.48, lng: 31.2, population: 1_500, timeZone: 'Europe/Kyiv' }],
};
const { server } = createTestSandbox({ dataset });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

interface Env<T> { success: boolean; data: T[]; errors: string[]; errorCodes: string[]; info: { totalCount?: number } }

async function np<T>(calledMethod: string, methodProperties: Record<string, unknown>, modelName = 'Address'): Promise<Env<T>> {
  const res = await api('/carriers/nova-poshta/v2.0/json/', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiKey: 'k', modelName, calledMethod, methodProperties }),
  });
  return (await res.json()) as Env<T>;
}

const KYIV = { country: 'UA', region: 'Київська', city: 'Київ' };
const LVIV = { country: 'UA', region: 'Львівська', city: 'Львів' };

describe('Address.getCities', () => {
  it("lists the carrier's delivery cities (settlements with a point), in the carrier's shape", async () => {
    const env = await np<NpCity>('getCities', {});
    expect(env.success).toBe(true);
    expect(env.data.map((c) => c.Description)).toEqual(['Київ', 'Львів']);
    expect(env.info).toEqual({ totalCount: 2 });
    expect(env.data[0]).toMatchObject({
      Description: 'Київ', Ref: cityRef(KYIV), AreaDescription: 'Київська', SettlementTypeDescription: 'місто',
      SettlementTypeDescriptionRu: 'город', IsBranch: '1', Postomat: 1, SpecialCashCheck: 1, Conglomerates: [],
      // The Kyiv points work Monday to Saturday (the locker every day).
      Delivery1: '1', Delivery6: '1', Delivery7: '1',
    });
    // Львів has only a pickup point, open on weekdays.
    expect(env.data[1]).toMatchObject({ Ref: cityRef(LVIV), IsBranch: '0', Postomat: 0, Delivery5: '1', Delivery6: '0', Delivery7: '0' });
    expect(Number(env.data[0]!.CityID)).toBeGreaterThan(0);
  });

  it('filters by the start of the name and by Ref, pages with Page/Limit; AddressGeneral is the same', async () => {
    expect((await np<NpCity>('getCities', { FindByString: 'льв' })).data.map((c) => c.Description)).toEqual(['Львів']);
    expect((await np<NpCity>('getCities', { FindByString: 'ьвів' })).data).toEqual([]);
    expect((await np<NpCity>('getCities', { Ref: cityRef(KYIV) })).data.map((c) => c.Description)).toEqual(['Київ']);
    const page2 = await np<NpCity>('getCities', { Page: '2', Limit: 1 }, 'AddressGeneral');
    expect(page2.data.map((c) => c.Description)).toEqual(['Львів']);
    expect(page2.info).toEqual({ totalCount: 2 });
  });

  it('rejects a bad property naming it', async () => {
    const env = await np('getCities', { Ref: 'kyiv' });
    expect(env.success).toBe(false);
    expect(env.errors[0]).toMatch(/^Ref: /);
    expect(env.errorCodes).toEqual(['20000900746']);
  });
});

describe('Address.searchSettlements', () => {
  it('answers data[0].{TotalCount, Addresses} with the exact name first and the refs getWarehouses uses', async () => {
    const env = await np<{ TotalCount: number; Addresses: NpSettlementAddress[] }>('searchSettlements', { CityName: 'Ки', Limit: 10 });
    expect(env.success).toBe(true);
    expect(env.data).toHaveLength(1);
    const { TotalCount, Addresses } = env.data[0]!;
    expect(TotalCount).toBe(2);
    expect(Addresses.map((a) => a.MainDescription)).toEqual(['Київ', 'Киїнка']);
    expect(Addresses[0]).toEqual({
      Present: 'м. Київ, Київська обл.', Warehouses: 3, MainDescription: 'Київ', Area: 'Київська', Region: '',
      SettlementTypeCode: 'м.', Ref: settlementRef(KYIV), DeliveryCity: cityRef(KYIV), AddressDeliveryAllowed: true,
      StreetsAvailability: true, ParentRegionTypes: 'область', ParentRegionCode: 'обл.', RegionTypes: '', RegionTypesCode: '',
    });
    // A village the carrier does not serve: no points, no delivery city.
    expect(Addresses[1]).toMatchObject({ Present: 'с. Киїнка, Чернігівська обл.', Warehouses: 0, DeliveryCity: '', SettlementTypeCode: 'с.', AddressDeliveryAllowed: false });
    const warehouses = await np<{ CityRef: string; SettlementRef: string }>('getWarehouses', { CityRef: Addresses[0]!.DeliveryCity });
    expect(warehouses.info).toEqual({ totalCount: 3 });
    expect(new Set(warehouses.data.map((w) => w.SettlementRef))).toEqual(new Set([Addresses[0]!.Ref]));
  });

  it('puts an exact name before longer ones, pages, and needs CityName', async () => {
    const exact = await np<{ TotalCount: number; Addresses: NpSettlementAddress[] }>('searchSettlements', { CityName: 'київ' });
    expect(exact.data[0]!.Addresses.map((a) => a.MainDescription)).toEqual(['Київ']);
    const page2 = await np<{ TotalCount: number; Addresses: NpSettlementAddress[] }>('searchSettlements', { CityName: 'Ки', Limit: 1, Page: 2 });
    expect(page2.data[0]).toMatchObject({ TotalCount: 2, Addresses: [{ MainDescription: 'Киїнка' }] });
    const none = await np<{ TotalCount: number; Addresses: NpSettlementAddress[] }>('searchSettlements', { CityName: 'Жмеринка' });
    expect(none.data).toEqual([{ TotalCount: 0, Addresses: [] }]);
    const missing = await np('searchSettlements', {});
    expect(missing.success).toBe(false);
    expect(missing.errors[0]).toMatch(/^CityName: /);
  });
});

describe("the widget's origin lookup against the sandbox", () => {
  it("completes a Kyiv origin with the CityRef that getCities and searchSettlements name, so quotes can be asked", async () => {
    const registry = createDefaultRegistry({ apiBase: TEST_ORIGIN });
    const { origin, errors } = await completeOrigin(registry, { country: 'UA', city: 'Київ' }, (url, init) => fetch(url, init));
    expect(errors).toEqual([]);
    expect(origin.cityRef).toBe(cityRef(KYIV));
    const cities = await np<NpCity>('getCities', { FindByString: 'Київ' });
    expect(cities.data[0]!.Ref).toBe(origin.cityRef);
  });

  it('reports a city the carrier does not serve and keeps the origin', async () => {
    const registry = createDefaultRegistry({ apiBase: TEST_ORIGIN });
    const { origin, errors } = await completeOrigin(registry, { country: 'UA', city: 'Киїнка' }, (url, init) => fetch(url, init));
    expect(origin).toEqual({ country: 'UA', city: 'Киїнка' });
    expect(errors[0]).toMatchObject({ carrier: 'nova-poshta', kind: 'unsupported' });
  });
});

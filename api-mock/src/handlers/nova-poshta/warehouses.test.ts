import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox } from '../../node.js';
import { FIXTURE_DATASET } from '../../test-support/fixture.js';
import { api } from '../../test-support/http.js';
import type { NpEnvelope } from './envelope.js';
import { NP_WAREHOUSE_TYPE_REFS, cityRef, warehouseRef } from './refs.js';
import type { NpWarehouse } from './warehouses.js';

const { server } = createTestSandbox({ dataset: FIXTURE_DATASET });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function np(body: unknown, path = '/carriers/nova-poshta/v2.0/json/'): Promise<{ status: number; env: Omit<NpEnvelope, 'data'> & { data: NpWarehouse[] } }> {
  const res = await api(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { status: res.status, env: (await res.json()) as Omit<NpEnvelope, 'data'> & { data: NpWarehouse[] } };
}

const call = (methodProperties: Record<string, unknown>, modelName = 'Address') =>
  ({ apiKey: 'sandbox-key', modelName, calledMethod: 'getWarehouses', methodProperties });

const KYIV = { country: 'UA', region: 'Київська', city: 'Київ' };

describe('NP envelope', () => {
  it('wraps data in the documented envelope', async () => {
    const { status, env } = await np(call({ CityName: 'Київ' }));
    expect(status).toBe(200);
    expect(env).toMatchObject({ success: true, errors: [], warnings: [], messageCodes: [], errorCodes: [], warningCodes: [], infoCodes: [] });
    expect(env.info).toEqual({ totalCount: 3 });
  });

  it.each([
    [{ modelName: 'Address', calledMethod: 'getWarehouses', methodProperties: {} }, '20000100003'],
    [{ apiKey: '', modelName: 'Address', calledMethod: 'getWarehouses' }, '20000100003'],
    [{ apiKey: 'k', modelName: 'Address', calledMethod: 'getNothing' }, '20000100005'],
    [{ apiKey: 'k', calledMethod: 'getWarehouses' }, '20000100004'],
    ['{not json', '20000100004'],
  ])('answers errors the NP way (HTTP 200, success:false): %j', async (body, code) => {
    const { status, env } = await np(body);
    expect(status).toBe(200);
    expect(env.success).toBe(false);
    expect(env.data).toEqual([]);
    expect(env.errors).toHaveLength(1);
    expect(env.errorCodes).toEqual([code]);
  });

  it('accepts the path without the trailing slash and an empty [] of properties', async () => {
    const { env } = await np({ apiKey: 'k', modelName: 'AddressGeneral', calledMethod: 'getWarehouses', methodProperties: [] }, '/carriers/nova-poshta/v2.0/json');
    expect(env.success).toBe(true);
    expect(env.info).toEqual({ totalCount: 4 });
  });
});

describe('Address.getWarehouses', () => {
  it('maps a branch to a warehouse with string-typed numbers', async () => {
    const { env } = await np(call({ CityName: 'київ', WarehouseId: '25' }));
    expect(env.data).toHaveLength(1);
    const w = env.data[0]!;
    expect(w).toMatchObject({
      Description: 'Відділення №25 (до 30 кг): вул. М. Тимошенка, 9',
      ShortAddress: 'Київ, вул. М. Тимошенка, 9',
      Phone: '380800500609',
      TypeOfWarehouse: NP_WAREHOUSE_TYPE_REFS.post_office,
      Ref: warehouseRef('np-kyiv-25'),
      Number: '25',
      CityRef: cityRef(KYIV),
      CityDescription: 'Київ',
      Longitude: '30.490456',
      Latitude: '50.509762',
      POSTerminal: '1',
      PaymentAccess: '1',
      TotalMaxWeightAllowed: '30',
      PlaceMaxWeightAllowed: '0',
      SendingLimitationsOnDimensions: { Width: 120, Height: 120, Length: 120 },
      Schedule: { Monday: '08:00-21:00', Saturday: '09:00-18:00', Sunday: '-' },
      WarehouseStatus: 'Working',
      CategoryOfWarehouse: 'Branch',
      DenyToSelect: '0',
    });
    expect(w.Ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(w.WarehouseIndex).toMatch(/^\d+\/25$/);
    for (const key of ['SiteKey', 'Number', 'Longitude', 'Latitude', 'POSTerminal', 'TotalMaxWeightAllowed', 'DenyToSelect'] as const) {
      expect(typeof w[key]).toBe('string');
    }
  });

  it('describes lockers as Postomat with cell limits, closed points as not selectable', async () => {
    const lockers = await np(call({ TypeOfWarehouseRef: NP_WAREHOUSE_TYPE_REFS.parcel_locker }));
    expect(lockers.env.data.map((w) => w.CategoryOfWarehouse)).toEqual(['Postomat']);
    expect(lockers.env.data[0]).toMatchObject({
      PlaceMaxWeightAllowed: '20', ReceivingLimitationsOnDimensions: { Width: 40, Height: 30, Length: 60 }, PostMachineType: 'FullDayService',
    });
    const lviv = await np(call({ CityName: 'Львів' }));
    expect(lviv.env.data[0]).toMatchObject({ CategoryOfWarehouse: 'Store', DenyToSelect: '1', WarehouseStatus: 'Closed' });
  });

  it('filters by CityRef, SettlementRef and FindByString', async () => {
    const byRef = await np(call({ CityRef: cityRef(KYIV) }));
    expect(byRef.env.info).toEqual({ totalCount: 3 });
    const found = await np(call({ CityRef: cityRef(KYIV), FindByString: 'Пирогівський' }));
    expect(found.env.data.map((w) => w.Number)).toEqual(['1']);
    const none = await np(call({ SettlementRef: '00000000-0000-0000-0000-000000000000' }));
    expect(none.env).toMatchObject({ success: true, data: [], info: { totalCount: 0 } });
  });

  it('pages with Page and Limit (as strings or numbers), totalCount stays the full count', async () => {
    const all = await np(call({}));
    const refs = all.env.data.map((w) => w.Ref);
    const pages: string[] = [];
    for (const Page of ['1', 2, '3', 4]) {
      const { env } = await np(call({ Page, Limit: '1' }));
      expect(env.info).toEqual({ totalCount: 4 });
      pages.push(...env.data.map((w) => w.Ref));
    }
    expect(pages).toEqual(refs);
    expect((await np(call({ Page: 5, Limit: 1 }))).env.data).toEqual([]);
  });

  it.each([
    [{ Page: 0 }, 'Page'],
    [{ Limit: '10x' }, 'Limit'],
    [{ CityRef: 'kyiv' }, 'CityRef'],
    [{ Language: 'DE' }, 'Language'],
  ])('rejects %j naming the property', async (props, field) => {
    const { env } = await np(call(props));
    expect(env.success).toBe(false);
    expect(env.errors[0]).toMatch(new RegExp(`^${field}: `));
    expect(env.errorCodes).toEqual(['20000900746']);
  });
});

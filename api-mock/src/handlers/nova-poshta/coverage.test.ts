// The sandbox's Nova Poshta answers against the real API's shape (fixtures/real-shapes.ts): at least 95% of the
// real keys with the real JSON types, for every item of the small dataset, and the widget still reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNovaPoshtaAdapter } from '../../../../widget/src/carriers/nova-poshta.js';
import { isCarrierError } from '../../../../widget/src/carriers/types.js';
import type { Branch } from '../../../../widget/src/model/index.js';
import { generateDataset } from '../../dataset/index.js';
import { createTestSandbox } from '../../node.js';
import { api } from '../../test-support/http.js';
import { NP_CITY_SHAPE, NP_SETTLEMENT_ADDRESS_SHAPE, NP_WAREHOUSE_SHAPE, type Shape } from './fixtures/real-shapes.js';
import { shapeCoverage } from './shape-coverage.js';
import type { NpWarehouse } from './warehouses.js';

const dataset = generateDataset({ size: 'small' });
const { server } = createTestSandbox({ dataset });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const MIN_RATIO = 0.95;

async function np<T>(calledMethod: string, methodProperties: Record<string, unknown>): Promise<{ data: T[]; info: { totalCount?: number } }> {
  const res = await api('/carriers/nova-poshta/v2.0/json/', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiKey: 'k', modelName: 'Address', calledMethod, methodProperties }),
  });
  const env = (await res.json()) as { success: boolean; data: T[]; info: { totalCount?: number }; errors: string[] };
  expect(env.errors).toEqual([]);
  return env;
}

async function allWarehouses(): Promise<NpWarehouse[]> {
  const out: NpWarehouse[] = [];
  for (let page = 1; ; page++) {
    const { data } = await np<NpWarehouse>('getWarehouses', { Page: page, Limit: 1000 });
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

function worst(items: readonly unknown[], shape: Shape): { keys: number; types: number; missing: Set<string>; wrong: Set<string>; extra: Set<string> } {
  const acc = { keys: 1, types: 1, missing: new Set<string>(), wrong: new Set<string>(), extra: new Set<string>() };
  for (const item of items) {
    const c = shapeCoverage(item, shape);
    acc.keys = Math.min(acc.keys, c.keyRatio);
    acc.types = Math.min(acc.types, c.typeRatio);
    c.missing.forEach((k) => acc.missing.add(k));
    c.wrongType.forEach((w) => acc.wrong.add(`${w.key}: ${w.actual}, real ${w.expected}`));
    c.extra.forEach((k) => acc.extra.add(k));
  }
  return acc;
}

describe('shapeCoverage', () => {
  const real = {
    A: '1', B: '2', Week: { Monday: '08:00-18:00', Sunday: '-' }, Dims: { Width: 1, Height: 2 },
  };
  const shape: Shape = { A: 'string', B: 'string', Week: { Monday: 'string', Sunday: 'string' }, Dims: { Width: 'number', Height: 'number' } };

  it('counts top-level keys and typed leaves, and names what differs', () => {
    expect(shapeCoverage(real, shape)).toMatchObject({ keyRatio: 1, typeRatio: 1, missing: [], wrongType: [], extra: [] });
    const c = shapeCoverage({ A: 1, Week: { Monday: 'x' }, Dims: { Width: '1', Height: 2 }, Z: '' }, shape);
    expect(c.missing).toEqual(['B']);
    expect(c.keyRatio).toBe(3 / 4);
    // Leaves: A, B, Week.Monday, Week.Sunday, Dims.Width, Dims.Height; only Week.Monday and Dims.Height agree.
    expect(c.typeRatio).toBe(2 / 6);
    expect(c.wrongType.map((w) => w.key)).toEqual(['A', 'Week.Sunday', 'Dims.Width']);
    expect(c.extra).toEqual(['Z']);
  });
});

describe('Address.getWarehouses against the real item', () => {
  let items: NpWarehouse[] = [];
  beforeAll(async () => { items = await allWarehouses(); });

  it(`carries >= ${MIN_RATIO * 100}% of the real keys with the real types, in every item`, () => {
    expect(items.length).toBe(dataset.branches.filter((b) => b.carrier === 'nova-poshta').length);
    const w = worst(items, NP_WAREHOUSE_SHAPE);
    console.log(`NP getWarehouses coverage over ${items.length} items: keys ${(w.keys * 100).toFixed(1)}%, types ${(w.types * 100).toFixed(1)}%`
      + ` of ${Object.keys(NP_WAREHOUSE_SHAPE).length} real keys; missing: ${[...w.missing].join(', ') || 'none'}`);
    expect([...w.wrong]).toEqual([]);
    expect([...w.extra]).toEqual([]);
    expect(w.keys).toBeGreaterThanOrEqual(MIN_RATIO);
    expect(w.types).toBeGreaterThanOrEqual(MIN_RATIO);
  });

  it('fails the bar with the keys the sandbox had before (29 of the real keys)', () => {
    const before = ['SiteKey', 'Description', 'DescriptionRu', 'ShortAddress', 'ShortAddressRu', 'Phone', 'TypeOfWarehouse', 'Ref', 'Number',
      'CityRef', 'CityDescription', 'CityDescriptionRu', 'SettlementRef', 'SettlementDescription', 'SettlementAreaDescription', 'Longitude',
      'Latitude', 'POSTerminal', 'PaymentAccess', 'TotalMaxWeightAllowed', 'PlaceMaxWeightAllowed', 'SendingLimitationsOnDimensions',
      'ReceivingLimitationsOnDimensions', 'Schedule', 'WarehouseStatus', 'CategoryOfWarehouse', 'DenyToSelect', 'PostMachineType', 'WarehouseIndex'];
    const old = Object.fromEntries(before.map((k) => [k, items[0]![k as keyof NpWarehouse]]));
    const c = shapeCoverage(old, NP_WAREHOUSE_SHAPE);
    expect(c.keyRatio).toBeCloseTo(29 / Object.keys(NP_WAREHOUSE_SHAPE).length, 6);
    expect(c.keyRatio).toBeLessThan(MIN_RATIO);
    expect(c.missing).toContain('Reception');
    expect(c.missing).toContain('PostFinance');
  });

  it('derives reception and same-day dispatch from the opening hours', () => {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
    const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    const byRef = new Map(dataset.branches.filter((b) => b.carrierRefs?.warehouseRef).map((b) => [b.carrierRefs!.warehouseRef!, b] as const));
    for (const w of items) {
      const b = byRef.get(w.Ref)!;
      days.forEach((day, i) => {
        const h = b.hours.find((x) => x.day === i + 1);
        const schedule = w.Schedule[day];
        expect(schedule).toBe(h ? `${h.open}-${h.close === '24:00' ? '23:59' : h.close}` : '-');
        expect(w.Reception[day]).toBe(schedule);
        if (!h) { expect(w.Delivery[day]).toBe('-'); return; }
        const [o, c] = w.Delivery[day].split('-') as [string, string];
        // Dispatch starts at opening and ends no later than closing, by 18:00 unless the point opens after 17:00.
        expect(o).toBe(h.open);
        expect(minutes(c)).toBeGreaterThan(minutes(o));
        expect(minutes(c)).toBeLessThanOrEqual(Math.min(minutes(h.close === '24:00' ? '23:59' : h.close), Math.max(18 * 60, minutes(o) + 60)));
      });
    }
  });

  it('derives the settlement fields from the dataset (type by population, area without "область")', () => {
    const kharkiv = items.find((w) => w.CityDescription === 'Харків')!;
    expect(kharkiv).toMatchObject({
      SettlementTypeDescription: 'місто', SettlementTypeDescriptionRu: 'город', SettlementAreaDescription: 'Харківська',
      RegionCity: 'ХАРКІВ ПОСИЛКОВИЙ', InternationalShipping: kharkiv.CategoryOfWarehouse === 'Branch' ? '1' : '0',
    });
    const kyiv = items.find((w) => w.CityDescription === 'Київ')!;
    expect(kyiv.SettlementAreaDescription).toBe('Київська');
    const villages = dataset.settlements.filter((s) => s.country === 'UA' && s.population < 2000).map((s) => s.name);
    const village = items.find((w) => villages.includes(w.CityDescription));
    expect(village?.SettlementTypeDescription).toBe('село');
    for (const w of items) {
      expect(w.WarehouseStatusDate).toMatch(/^20(1[5-9]|2[0-5])-\d{2}-\d{2} 00:00:00$/);
      expect(w.PostalCodeUA).toMatch(/^\d{5}$/);
      if (w.CategoryOfWarehouse === 'Postomat') expect([w.PostFinance, w.CanGetMoneyTransfer, w.HasFittingRoom]).toEqual(['0', '0', '0']);
    }
    // Lockers of the dataset carry a 10,000 UAH declared-value limit.
    expect(items.find((w) => w.CategoryOfWarehouse === 'Postomat')!.MaxDeclaredCost).toBe('10000');
  });

  it("is still read by the widget's Nova Poshta adapter: every item a valid branch with the dataset's hours", () => {
    const adapter = createNovaPoshtaAdapter({ apiBase: '' });
    const byRef = new Map(dataset.branches.map((b) => [b.carrierRefs?.warehouseRef, b] as const));
    for (const w of items) {
      const branch = adapter.toBranch(w);
      if (isCarrierError(branch)) throw new Error(`${w.Ref}: ${branch.message}`);
      const source = byRef.get(w.Ref)!;
      const strip = (h: Branch['hours']) => h.map(({ day, open, close }) => ({ day, open, close }));
      expect(strip(branch.hours)).toEqual(strip(source.hours));
      expect(branch.address.postcode).toBe(source.address.postcode);
      expect(branch.type).toBe(source.type);
    }
  });
});

describe('getCities and searchSettlements against the real items', () => {
  it('answers getCities items with every real key and type', async () => {
    const { data } = await np<Record<string, unknown>>('getCities', { Limit: 1000 });
    expect(data.length).toBeGreaterThan(100);
    const w = worst(data, NP_CITY_SHAPE);
    expect([...w.missing]).toEqual([]);
    expect([...w.wrong]).toEqual([]);
    expect([...w.extra]).toEqual([]);
  });

  it('answers searchSettlements addresses with every real key and type', async () => {
    const { data } = await np<{ TotalCount: number; Addresses: unknown[] }>('searchSettlements', { CityName: 'Бер', Limit: 100 });
    expect(typeof data[0]!.TotalCount).toBe('number');
    expect(data[0]!.Addresses.length).toBeGreaterThan(1);
    const w = worst(data[0]!.Addresses, NP_SETTLEMENT_ADDRESS_SHAPE);
    expect([...w.missing]).toEqual([]);
    expect([...w.wrong]).toEqual([]);
    expect([...w.extra]).toEqual([]);
  });
});

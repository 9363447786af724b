import { describe, expect, it } from 'vitest';
import { rpCalculate, rpTariffResponse, RP_ITEM } from './tariff.js';
import { testDirectory } from '../../pricing/test-directory.js';

const NOW = new Date('2026-10-06T09:00:00Z'); // 12:00 in Moscow

function calc(query: string, kind: 'tariff/delivery' | 'tariff' | 'delivery' = 'tariff/delivery') {
  return rpCalculate(kind, new URLSearchParams(query), testDirectory, NOW);
}

function ok(query: string, kind?: 'tariff/delivery' | 'tariff' | 'delivery') {
  const a = calc(query, kind);
  expect(a.status).toBe(200);
  expect('errors' in a.body).toBe(false);
  return a.body as Record<string, any>;
}

function codes(query: string, kind?: 'tariff/delivery' | 'tariff' | 'delivery'): number[] {
  const a = calc(query, kind);
  return ((a.body as { errors?: Array<{ code: number }> }).errors ?? []).map((e) => e.code);
}

describe('Russian Post tariff/delivery', () => {
  it('answers in the documented shape', () => {
    const b = ok('json&object=23030&from=344038&to=115162&weight=1000');
    expect(Object.keys(b)).toEqual(expect.arrayContaining([
      'version_api', 'id', 'name', 'mailtype', 'weight', 'from', 'to', 'date', 'postoffice', 'items',
      'ground', 'pay', 'paynds', 'ndsrate', 'nds', 'delivery',
    ]));
    expect(b).toMatchObject({ version_api: 2, id: 23030, mailtype: 23, weight: 1000, from: 344038, to: 115162, date: 20261006, ndsrate: 20 });
    expect(b.postoffice[0]).toMatchObject({ index: 115162, name: 'МОСКВА 162', pvz: 0 });
    expect(b.postoffice[0]['weight-max']).toBeTypeOf('number');
    expect(b.paynds).toBe(b.pay + b.nds);
    expect(b.ground.valnds).toBe(Math.round(b.ground.val * 1.2));
    expect(b.items.find((i: { id: string }) => i.id === RP_ITEM.ground).tariff).toEqual(b.ground);
    expect(b.delivery.min).toBeGreaterThan(0);
    expect(b.delivery.max).toBeGreaterThanOrEqual(b.delivery.min);
    expect(b.delivery.deadline).toMatch(/^\d{8}T235900$/);
  });

  it('deadline = departure date + max days; after the 18:00 cut-off departure is the next day', () => {
    const morning = ok('json&object=23030&from=344038&to=115162&weight=1000&date=20261006&time=1000');
    const evening = ok('json&object=23030&from=344038&to=115162&weight=1000&date=20261006&time=1930');
    const d = new Date(Date.UTC(2026, 9, 6 + morning.delivery.max)).toISOString().slice(0, 10).replaceAll('-', '');
    expect(morning.delivery.deadline).toBe(`${d}T235900`);
    expect(evening.delivery.deadline > morning.delivery.deadline).toBe(true);
  });

  it('price-only and time-only variants', () => {
    const price = ok('json&object=23030&from=344038&to=115162&weight=1000', 'tariff');
    expect(price.paynds).toBeGreaterThan(0);
    expect(price.delivery).toBeUndefined();
    const time = ok('json&object=23030&from=344038&to=115162', 'delivery');
    expect(time.paynds).toBeUndefined();
    expect(time.delivery.max).toBeGreaterThan(0);
  });

  it('adds declared value and cash-on-delivery items to the total', () => {
    const plain = ok('json&object=23030&from=344038&to=115162&weight=1000');
    const full = ok('json&object=23030&from=344038&to=115162&weight=1000&sumoc=500000&sumnp=500000');
    const ins = full.items.find((i: { id: string }) => i.id === RP_ITEM.insurance).tariff.valnds;
    const cod = full.items.find((i: { id: string }) => i.id === RP_ITEM.cod).tariff.valnds;
    expect(ins).toBe(Math.round(15_000 * 1.2));
    expect(full.paynds).toBe(plain.paynds + ins + cod);
  });

  it('heavier and farther is never cheaper through the API', () => {
    const p = (to: string, w: number) => ok(`json&object=4030&from=101000&to=${to}&weight=${w}`).paynds as number;
    expect(p('344038', 5000)).toBeGreaterThanOrEqual(p('344038', 1000));
    expect(p('630099', 1000)).toBeGreaterThanOrEqual(p('344038', 1000));
    expect(p('690091', 1000)).toBeGreaterThanOrEqual(p('630099', 1000));
  });

  it('reports a locker destination as pvz and prices it lower', () => {
    const locker = ok('json&object=23030&from=344038&to=101901&weight=1000');
    const office = ok('json&object=23030&from=344038&to=101000&weight=1000');
    expect(locker.postoffice[0].pvz).toBe(1);
    expect(locker.paynds).toBeLessThan(office.paynds);
  });

  it('rejects with documented error objects', () => {
    const a = calc('json&object=23030&from=344038&to=999999&weight=1000');
    expect(a.status).toBe(400);
    expect(a.body).toEqual({ errors: [{ type: 2, code: 1304, msg: expect.any(String) }] });
    expect(calc('json&errorcode=1&object=23030&from=344038&to=999999&weight=1000').status).toBe(200);
  });

  it.each([
    ['json&object=27030&from=344038&to=115162&weight=1000', 1201],
    ['json&object=23030&from=344038&to=115162', 1102],
    ['json&object=23030&from=344038&to=115162&weight=25000', 1104],
    ['json&object=23030&from=344038&to=101901&weight=16000', 1701],
    ['json&object=99999&from=344038&to=115162&weight=1000', 1101],
    ['json&object=23030&from=34403&to=115162&weight=1000', 1301],
    ['json&object=23030&from=344038&to=101999&weight=1000', 1305],
    ['json&object=23030&from=344038&to=115162&weight=1000&pack=15', 1202],
    ['json&object=23030&from=344038&to=115162&weight=1000&country=398', 1401],
    ['json&object=23030&from=344038&to=115162&weight=1000&date=2026-10-06', 1601],
    ['json&object=23030&from=344038&to=115162&weight=1000&size=10x20', 1203],
  ])('%s -> error %i', (query, code) => {
    expect(codes(query)).toContain(code);
  });

  it('prices EMS once pack is given, and lets `closed=1` price a closed office', () => {
    expect(ok('json&object=27030&from=344038&to=115162&weight=1000&pack=20').paynds).toBeGreaterThan(0);
    expect(ok('json&object=23030&from=344038&to=101999&weight=1000&closed=1').paynds).toBeGreaterThan(0);
  });

  it('answers text without `json`, JSON with it', async () => {
    const url = new URL('http://x/carriers/russian-post/tariff/v2/calculate/tariff/delivery?object=23030&from=344038&to=115162&weight=1000');
    const text = rpTariffResponse('tariff/delivery', url, testDirectory, NOW);
    expect(await text.text()).toMatch(/руб/);
    url.searchParams.set('json', '');
    const json = rpTariffResponse('tariff/delivery', url, testDirectory, NOW);
    expect(((await json.json()) as { paynds: number }).paynds).toBeGreaterThan(0);
  });
});

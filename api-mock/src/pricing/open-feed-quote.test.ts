import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox, TEST_ORIGIN } from '../node.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from '../test-support/fixture.js';
import { api } from '../test-support/http.js';
import { Quote, type Branch } from '../../../widget/src/model/index.js';
import { genericTariff } from './generic.js';
import { createDefaultRegistry } from '../../../widget/src/carriers/registry.js';
import { QuoteScheduler, type QuoteState } from '../../../widget/src/quotes/scheduler.js';

const base = FIXTURE_BRANCHES.find((b) => b.id === 'rp-115551')!;
const inpost = (id: string, type: Branch['type'], lat: number, lng: number, city: string): Branch => ({
  ...base, id, carrier: 'inpost', type, name: `InPost ${id}`, lat, lng, timeZone: 'Europe/Warsaw',
  address: { country: 'PL', region: city, city, street: 'Marszałkowska', house: '1', postcode: '00-001' },
  limits: type === 'parcel_locker' ? { maxWeightG: 25_000 } : {},
});
const WAW_LOCKER = inpost('inpost-waw-1', 'parcel_locker', 52.2297, 21.0122, 'Warszawa');
const WAW_OFFICE = inpost('inpost-waw-2', 'pickup_point', 52.23, 21.01, 'Warszawa');
const KRK_LOCKER = inpost('inpost-krk-1', 'parcel_locker', 50.0647, 19.945, 'Kraków');

const { server } = createTestSandbox({
  dataset: {
    ...FIXTURE_DATASET,
    branches: [...FIXTURE_BRANCHES, WAW_LOCKER, WAW_OFFICE, KRK_LOCKER],
    settlements: [
      ...FIXTURE_DATASET.settlements,
      { id: 's-waw', name: 'Warszawa', region: 'mazowieckie', country: 'PL', lat: 52.2297, lng: 21.0122, population: 1_860_000, timeZone: 'Europe/Warsaw' },
    ],
  },
  now: () => FIXTURE_NOW,
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const PARCEL = { weightG: 2000, dimensionsCm: { length: 30, width: 20, height: 10 } };
const ORIGIN = { country: 'PL', city: 'Warszawa' };

async function quote(body: unknown) {
  const res = await api('/api/v1/quote', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('generic open-feed tariff', () => {
  it('is monotonic in weight and distance and adds fees', () => {
    const t = (km: number, weightG: number) => genericTariff({ km, weightG, country: 'PL', toLocker: false }).total;
    expect(t(10, 5000)).toBeGreaterThan(t(10, 1000));
    expect(t(300, 1000)).toBeGreaterThanOrEqual(t(10, 1000));
    expect(t(3000, 1000)).toBeGreaterThan(t(300, 1000));
    const plain = genericTariff({ km: 10, weightG: 1000, country: 'PL', toLocker: false });
    const full = genericTariff({ km: 10, weightG: 1000, country: 'PL', toLocker: false, declaredValue: 100_000, cashOnDelivery: 100_000 });
    expect(full.insurance).toBe(Math.round(1000 * 1.23));
    expect(full.total).toBe(plain.total + full.insurance + full.codFee);
    expect(plain.currency).toBe('PLN');
  });
});

describe('POST /api/v1/quote', () => {
  it('answers a Quote in the point country currency, lockers cheaper, farther dearer', async () => {
    const locker = await quote({ pointId: WAW_LOCKER.id, parcel: PARCEL, origin: ORIGIN });
    expect(locker.status).toBe(200);
    expect(Quote.safeParse(locker.body).success).toBe(true);
    expect(locker.body).toMatchObject({ carrier: 'inpost', pointId: WAW_LOCKER.id, currency: 'PLN', vat: { rate: 23 } });
    const office = await quote({ pointId: WAW_OFFICE.id, parcel: PARCEL, origin: ORIGIN });
    const krakow = await quote({ pointId: KRK_LOCKER.id, parcel: PARCEL, origin: ORIGIN });
    expect(locker.body.total as number).toBeLessThan(office.body.total as number);
    expect(krakow.body.total as number).toBeGreaterThan(locker.body.total as number);
  });

  it.each([
    [{ pointId: 'nope', parcel: PARCEL, origin: ORIGIN }, 404, 'pointId'],
    [{ pointId: WAW_LOCKER.id, parcel: { ...PARCEL, weightG: 30_000 }, origin: ORIGIN }, 422, 'parcel.weightG'],
    [{ pointId: WAW_LOCKER.id, parcel: { ...PARCEL, weightG: -1 }, origin: ORIGIN }, 400, 'parcel.weightG'],
    [{ pointId: 'rp-690000', parcel: PARCEL, origin: ORIGIN }, 422, 'pointId'],
    [{ pointId: WAW_LOCKER.id, parcel: PARCEL, origin: { country: 'FR' } }, 422, 'origin'],
  ])('%j -> %i on %s', async (body, status, field) => {
    const r = await quote(body);
    expect(r.status).toBe(status);
    expect((r.body as { error: { field: string } }).error.field).toBe(field);
  });

  it('the widget quotes any feed carrier through the open-feed fallback', async () => {
    const states = new Map<string, QuoteState>();
    const s = new QuoteScheduler({
      carriers: createDefaultRegistry({ apiBase: TEST_ORIGIN }), parcel: PARCEL, origin: ORIGIN,
      onUpdate: (id, st) => states.set(id, st),
    });
    s.want([WAW_LOCKER, KRK_LOCKER]);
    await expect.poll(() => [...states.values()].filter((x) => x.state === 'ready').length, { timeout: 5000 }).toBe(2);
    const st = states.get(KRK_LOCKER.id);
    expect(st?.state === 'ready' && st.quote.pointId).toBe(KRK_LOCKER.id);
    s.dispose();
  });
});

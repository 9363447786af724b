// End to end over the sandbox routes: the widget's adapters and scheduler against the MSW handlers,
// with the fixture dataset (postcodes and NP cities derived exactly as the sandbox does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox, TEST_ORIGIN } from '../node.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from '../test-support/fixture.js';
import { api } from '../test-support/http.js';
import { createDefaultRegistry } from '../../../widget/src/carriers/registry.js';
import { QuoteScheduler, type QuoteState } from '../../../widget/src/quotes/scheduler.js';
import { Quote } from '../../../widget/src/model/index.js';
import { cityRef } from '../handlers/nova-poshta/refs.js';

const { server } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const byId = (id: string) => FIXTURE_BRANCHES.find((b) => b.id === id)!;
const PARCEL = { weightG: 1500, dimensionsCm: { length: 30, width: 20, height: 10 } };

describe('sandbox tariff routes', () => {
  it('prices Moscow -> Vladivostok through GET .../v2/calculate/tariff/delivery (closed office only with closed=1)', async () => {
    const refused = await api('/carriers/russian-post/tariff/v2/calculate/tariff/delivery?json&object=23030&from=101000&to=690000&weight=1000');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(1305);
    const res = await api('/carriers/russian-post/tariff/v2/calculate/tariff/delivery?json&closed=1&object=23030&from=101000&to=690000&weight=1000');
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = (await res.json()) as { paynds: number; delivery: { max: number }; postoffice: Array<{ name: string }> };
    expect(body.paynds).toBeGreaterThan(0);
    expect(body.postoffice[0]!.name).toBe('Владивосток 690000');
    expect(body.delivery.max).toBeGreaterThan(3);
  });

  it('knows a shop postcode no point has by its prefix, rejects an unknown region', async () => {
    const near = await api('/carriers/russian-post/tariff/v2/calculate/tariff?json&object=23030&from=101999&to=190000&weight=500');
    expect(near.status).toBe(200);
    const unknown = await api('/carriers/russian-post/tariff/v2/calculate/tariff?json&object=23030&from=999999&to=190000&weight=500');
    expect(((await unknown.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(1303);
  });

  it('answers NP getDocumentPrice through the API 2.0 route with the sandbox city refs', async () => {
    const res = await api('/carriers/nova-poshta/v2.0/json/', {
      method: 'POST',
      body: JSON.stringify({
        apiKey: 'k', modelName: 'InternetDocument', calledMethod: 'getDocumentPrice',
        methodProperties: { CitySender: cityRef(byId('np-lviv-1').address), CityRecipient: cityRef(byId('np-kyiv-1').address), Weight: '2', Cost: '500' },
      }),
    });
    const env = (await res.json()) as { success: boolean; data: Array<{ Cost: string }> };
    expect(env.success).toBe(true);
    expect(env.data[0]!.Cost).toMatch(/^\d+$/);
  });
});

describe('widget scheduler against the sandbox', () => {
  it('quotes RP and NP points from the feed (NP city ref looked up), each with its own point id', async () => {
    const states = new Map<string, QuoteState>();
    const scheduler = new QuoteScheduler({
      carriers: createDefaultRegistry({ apiBase: TEST_ORIGIN }),
      parcel: PARCEL,
      origin: { country: 'RU', postcode: '101000', cityRef: cityRef(byId('np-lviv-1').address) },
      onUpdate: (id, st) => states.set(id, st),
    });
    const wanted = ['rp-190000', 'rp-115551', 'rp-pm-101000', 'np-kyiv-25', 'np-kyiv-1', 'np-kyiv-pm'].map(byId);
    scheduler.want(wanted);
    await expect.poll(() => wanted.every((b) => states.get(b.id)?.state !== 'loading'), { timeout: 5000 }).toBe(true);
    for (const b of wanted) {
      const st = states.get(b.id);
      expect(st?.state, `${b.id}: ${st?.state === 'unavailable' ? st.error.message : ''}`).toBe('ready');
      if (st?.state !== 'ready') continue;
      expect(Quote.safeParse(st.quote).success).toBe(true);
      expect(st.quote.pointId).toBe(b.id);
      expect(st.quote.currency).toBe(b.carrier === 'nova-poshta' ? 'UAH' : 'RUB');
    }
    const total = (id: string) => (states.get(id) as Extract<QuoteState, { state: 'ready' }>).quote.total;
    expect(total('rp-190000')).toBeGreaterThan(total('rp-115551'));
    // Two Kyiv branches share one answer; the locker is priced separately (and cheaper).
    expect(total('np-kyiv-25')).toBe(total('np-kyiv-1'));
    expect(total('np-kyiv-pm')).toBeLessThan(total('np-kyiv-1'));
    expect(scheduler.stats.deduped).toBe(1);
    scheduler.dispose();
  });
});

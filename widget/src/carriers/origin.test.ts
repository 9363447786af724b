import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from './registry.js';
import { completeOrigin } from './origin.js';

const CITY_REF = '8d5a980d-391c-11dd-90d9-001a92567626';

function fakeFetch(answer: unknown, status = 200) {
  const calls: Array<{ url: string; body: string }> = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    calls.push({ url, body: String(init.body) });
    return new Response(JSON.stringify(answer), { status });
  };
  return { calls, fetchImpl };
}

describe('completeOrigin', () => {
  it('looks up the Nova Poshta CityRef of a city name once', async () => {
    const { calls, fetchImpl } = fakeFetch({ success: true, data: [{ CityRef: CITY_REF }], errors: [] });
    const r = await completeOrigin(createDefaultRegistry({ apiBase: '' }), { country: 'UA', city: 'Київ' }, fetchImpl);
    expect(r.errors).toEqual([]);
    expect(r.origin).toEqual({ country: 'UA', city: 'Київ', cityRef: CITY_REF });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toContain('/carriers/nova-poshta/');
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ modelName: 'Address', calledMethod: 'getWarehouses', methodProperties: { CityName: 'Київ' } });
  });

  it('asks nothing when the origin already has the ref or no city', async () => {
    const { calls, fetchImpl } = fakeFetch({});
    await completeOrigin(createDefaultRegistry(), { country: 'UA', city: 'Київ', cityRef: CITY_REF }, fetchImpl);
    await completeOrigin(createDefaultRegistry(), { country: 'RU', postcode: '101000' }, fetchImpl);
    expect(calls).toHaveLength(0);
  });

  it('reports an unknown city and keeps the origin', async () => {
    const { fetchImpl } = fakeFetch({ success: true, data: [], errors: [] });
    const r = await completeOrigin(createDefaultRegistry(), { country: 'UA', city: 'Nowhere' }, fetchImpl);
    expect(r.origin).toEqual({ country: 'UA', city: 'Nowhere' });
    expect(r.errors[0]).toMatchObject({ carrier: 'nova-poshta', kind: 'unsupported' });
  });
});

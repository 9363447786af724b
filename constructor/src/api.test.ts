import { describe, expect, it } from 'vitest';
import { loadConfig, saveConfig, searchCities, type Fetch } from './api.js';

interface Call { url: string; method: string; body?: unknown; authorization?: string }

function fakeFetch(responses: Array<Response | Error>): Fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined, ...(auth ? { authorization: auth } : {}) });
    const next = responses.shift();
    if (!next) throw new Error('unexpected call');
    if (next instanceof Error) throw next;
    return next;
  }) as Fetch & { calls: Call[] };
  fn.calls = calls;
  return fn;
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('saveConfig', () => {
  it('POSTs a new config and returns the saved one with its id', async () => {
    const f = fakeFetch([json(201, { id: 'cfg_1', lang: 'en' })]);
    const r = await saveConfig(f, '/api/v1', { lang: 'en' });
    expect(r).toEqual({ ok: true, config: { id: 'cfg_1', lang: 'en' } });
    expect(f.calls).toEqual([{ url: '/api/v1/configs', method: 'POST', body: { lang: 'en' } }]);
  });

  it('PUTs an existing id and re-creates it when the sandbox forgot it', async () => {
    const f = fakeFetch([json(404, { error: { message: 'not found' } }), json(201, { id: 'cfg_2' })]);
    const r = await saveConfig(f, '/api/v1', { zoom: 5 }, 'cfg_1');
    expect(r).toEqual({ ok: true, config: { id: 'cfg_2' } });
    expect(f.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['PUT /api/v1/configs/cfg_1', 'POST /api/v1/configs']);
    expect(f.calls[0]?.body).toEqual({ zoom: 5, id: 'cfg_1' });
  });

  it('returns the owner key the server shows once, and sends it with a PUT', async () => {
    const f = fakeFetch([json(201, { id: 'cfg_3', lang: 'ru', ownerKey: 'ok_secret' }), json(200, { id: 'cfg_3', lang: 'uk' })]);
    expect(await saveConfig(f, '/api/v1', { lang: 'ru' })).toEqual({ ok: true, config: { id: 'cfg_3', lang: 'ru' }, ownerKey: 'ok_secret' });
    expect(await saveConfig(f, '/api/v1', { lang: 'uk' }, 'cfg_3', 'ok_secret')).toEqual({ ok: true, config: { id: 'cfg_3', lang: 'uk' } });
    expect(f.calls[0]?.authorization).toBeUndefined();
    expect(f.calls[1]).toMatchObject({ method: 'PUT', url: '/api/v1/configs/cfg_3', authorization: 'Bearer ok_secret' });
  });

  it('passes on the field and message of a 4xx', async () => {
    const f = fakeFetch([json(422, { error: { field: 'zoom', message: 'zoom: too big' } })]);
    expect(await saveConfig(f, '/api', { zoom: 3 })).toEqual({ ok: false, status: 422, field: 'zoom', message: 'zoom: too big' });
  });

  it('explains a network failure and a non-JSON error', async () => {
    const down = await saveConfig(fakeFetch([new TypeError('Failed to fetch')]), '/api', {});
    expect(down).toEqual({ ok: false, message: 'could not reach the server (Failed to fetch)' });
    const html = await saveConfig(fakeFetch([new Response('<h1>oops</h1>', { status: 500, statusText: 'Internal Server Error' })]), '/api', {});
    expect(html).toEqual({ ok: false, status: 500, message: 'the server answered 500 Internal Server Error' });
  });

  it('refuses a success without an id', async () => {
    const r = await saveConfig(fakeFetch([json(200, { lang: 'en' })]), '/api', {});
    expect(r.ok).toBe(false);
  });
});

describe('loadConfig', () => {
  it('loads and validates a config', async () => {
    expect(await loadConfig(fakeFetch([json(200, { id: 'a', zoom: 4 })]), '/api', 'a')).toEqual({ ok: true, config: { id: 'a', zoom: 4 } });
    expect((await loadConfig(fakeFetch([json(200, { zoom: 'x' })]), '/api', 'a')).ok).toBe(false);
  });
});

describe('searchCities', () => {
  it('keeps valid city suggestions only', async () => {
    const f = fakeFetch([json(200, { items: [
      { kind: 'city', label: 'Kyiv', region: 'Kyiv', country: 'UA', lat: 50.45, lng: 30.52, count: 120 },
      { kind: 'point', label: 'NP 1', id: 'np1', addressLine: 'x', lat: 1, lng: 2 },
      { kind: 'city', label: 'Broken', lat: 'north' },
    ] })]);
    const cities = await searchCities(f, '/api/v1', 'Ky iv');
    expect(cities.map((c) => c.label)).toEqual(['Kyiv']);
    expect(f.calls[0]?.url).toBe('/api/v1/search?q=Ky%20iv&limit=8');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox } from '../node.js';
import { FIXTURE_DATASET, FIXTURE_NOW } from '../test-support/fixture.js';
import { api, getJson, type FeedError } from '../test-support/http.js';
import { parseFault, truncateJson } from './faults.js';

const { server, context } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => context.faults.clear());
afterAll(() => server.close());

const TILE = '/api/v1/tiles/0/0/0';
const NP = '/carriers/nova-poshta/v2.0/json/';
const npBody = JSON.stringify({ apiKey: 'k', modelName: 'Address', calledMethod: 'getWarehouses', methodProperties: { Limit: 1 } });

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe('per-request faults', () => {
  it('adds latency from the header and still answers normally', async () => {
    const ms = await timed(async () => {
      const res = await api(TILE, { headers: { 'x-sandbox-fault': 'latency=300' } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
    });
    expect(ms).toBeGreaterThanOrEqual(280);
    expect(ms).toBeLessThan(2000);
  });

  it('answers the requested status from the query parameter', async () => {
    const res = await api(`${TILE}?__fault=status=503`);
    expect(res.status).toBe(503);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('X-Sandbox-Fault')).toBe('status=503');
  });

  it('sends a truncated JSON body with 200 when malformed', async () => {
    const res = await api(NP, { method: 'POST', body: npBody, headers: { 'x-sandbox-fault': 'malformed' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"success":true')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('drops the connection: fetch fails with a network error', async () => {
    await expect(api(TILE, { headers: { 'x-sandbox-fault': 'drop' } })).rejects.toThrow(TypeError);
  });

  it('combines latency with a status', async () => {
    let status = 0;
    const ms = await timed(async () => { status = (await api(`${TILE}?__fault=latency=200,status=500`)).status; });
    expect(status).toBe(500);
    expect(ms).toBeGreaterThanOrEqual(180);
  });

  it.each([
    ['x-sandbox-fault', 'status=200'],
    ['x-sandbox-fault', 'latency=-1'],
    ['x-sandbox-fault', 'explode'],
  ])('rejects a bad fault spec in %s: %s', async (header, value) => {
    const { status, body } = await getJson<FeedError>(TILE, { headers: { [header]: value } });
    expect(status).toBe(400);
    expect(body.error.field).toBe('x-sandbox-fault');
  });

  it('names the query parameter when the bad spec came from it', async () => {
    const { status, body } = await getJson<FeedError>(`${TILE}?__fault=nope`);
    expect(status).toBe(400);
    expect(body.error.field).toBe('__fault');
  });
});

describe('fault scenarios', () => {
  it('applies a scenario to its area only, for the given number of requests', async () => {
    const created = await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify({ match: 'nova-poshta', status: 503, times: 2 }) });
    expect(created.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(NP, { method: 'POST', body: npBody })).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await api(TILE)).status).toBe(200);
  });

  it('matches named areas and path prefixes', async () => {
    await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify({ match: '/api/v1/search', status: 502 }) });
    await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify({ match: 'russian-post', malformed: true }) });
    expect((await api('/api/v1/search?q=abc')).status).toBe(502);
    expect((await api(TILE)).status).toBe(200);
    const rp = await api('/carriers/russian-post/postoffice/1.0/101000');
    expect(rp.status).toBe(200);
    await expect(rp.json()).rejects.toThrow();
  });

  it('drops and delays by scenario; DELETE clears them; GET lists them', async () => {
    await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify({ match: 'feed', latencyMs: 250, times: 1 }) });
    const listed = await getJson<{ scenarios: Array<{ match: string; remaining: number }> }>('/__sandbox/scenario');
    expect(listed.body.scenarios).toEqual([expect.objectContaining({ match: 'feed', latencyMs: 250, remaining: 1 })]);
    expect(await timed(() => api(TILE))).toBeGreaterThanOrEqual(230);
    expect(await timed(() => api(TILE))).toBeLessThan(230);

    await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify({ match: 'feed', drop: true }) });
    await expect(api(TILE)).rejects.toThrow(TypeError);
    const cleared = await getJson<{ removed: number }>('/__sandbox/scenario', { method: 'DELETE' });
    expect(cleared.body.removed).toBe(1);
    expect((await api(TILE)).status).toBe(200);
  });

  it('a per-request fault wins over a scenario and does not consume it', async () => {
    await api('/__sandbox/scenario', { method: 'POST', body: JSON.stringify({ match: 'feed', status: 503, times: 1 }) });
    expect((await api(`${TILE}?__fault=status=429`)).status).toBe(429);
    expect((await api(TILE)).status).toBe(503);
    expect((await api(TILE)).status).toBe(200);
  });

  it.each([
    [{ match: 'dhl', status: 503 }, 'match'],
    [{ match: 'feed', status: 200 }, 'status'],
    [{ match: 'feed', latencyMs: -5 }, 'latencyMs'],
    [{ match: 'feed', status: 503, times: 0 }, 'times'],
    [{ match: 'feed' }, 'body'],
  ])('rejects the scenario %j naming %s', async (scenario, field) => {
    const { status, body } = await getJson<FeedError>('/__sandbox/scenario', { method: 'POST', body: JSON.stringify(scenario) });
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });
});

describe('fault helpers', () => {
  it('parses combined specs', () => {
    expect(parseFault('latency=800;status=503')).toEqual({ ok: true, spec: { latencyMs: 800, status: 503 } });
    expect(parseFault('malformed, drop')).toEqual({ ok: true, spec: { malformed: true, drop: true } });
    expect(parseFault(null)).toEqual({ ok: true, spec: null });
  });

  it('always produces invalid JSON', () => {
    for (const body of ['{"a":1}', '[]', '5', '"x"', '{"items":[1,2,3]}', '']) {
      expect(() => JSON.parse(truncateJson(body)) as unknown).toThrow();
    }
  });
});

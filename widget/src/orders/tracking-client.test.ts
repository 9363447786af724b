import { describe, expect, it } from 'vitest';
import { OrderApiError, OrderRetryExhaustedError } from './errors.js';
import { createTrackingClient } from './tracking-client.js';
import { fakeFetch, flush, orderView, problem, TRACKING, type Call } from './test-fixtures.js';

const POINT = { type: 'post_office', timeZone: 'Asia/Yekaterinburg', hours: [{ day: 1, open: '08:00', close: '20:00', breaks: [] }], exceptions: [] };

function setup() {
  const f = fakeFetch();
  const sleeps: number[] = [];
  const client = createTrackingClient({
    apiBase: 'https://picker.example/', fetch: f.fetch, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms),
  });
  return { client, calls: f.calls, sleeps };
}

async function nth(calls: Call[], n: number): Promise<Call> {
  for (let i = 0; i < 20 && calls.length <= n; i++) await flush();
  return calls[n]!;
}

describe('createTrackingClient', () => {
  it('reads tracking with the token and keeps the point snapshot', async () => {
    const { client, calls } = setup();
    const p = client.tracking('ord_1', 'tok_secret');
    const c = await nth(calls, 0);
    expect([c.url, c.init.method, c.headers.Authorization]).toEqual(['https://picker.example/api/v1/orders/ord_1/tracking', 'GET', 'Bearer tok_secret']);
    c.respond(200, { ...TRACKING, point: POINT });
    const t = await p;
    expect(t.point?.timeZone).toBe('Asia/Yekaterinburg');
    expect(t.events[0]?.carrierCode).toBe('8/2');
  });

  it('reads the order with the token', async () => {
    const { client, calls } = setup();
    const p = client.order('ord_1', 'tok_secret');
    const c = await nth(calls, 0);
    expect(c.url).toBe('https://picker.example/api/v1/orders/ord_1');
    c.respond(200, orderView('ord_1'));
    expect((await p).orderNumber).toBe('A-1001');
  });

  it('looks up by track number and phone in a POST body, never in the URL, without a token', async () => {
    const { client, calls } = setup();
    const p = client.lookup('RA123456785RU', '+79123456789');
    const c = await nth(calls, 0);
    expect([c.url, c.init.method, c.headers['Content-Type']]).toEqual(['https://picker.example/api/v1/tracking/lookup', 'POST', 'application/json']);
    expect(c.url).not.toContain('79123456789');
    expect(c.headers.Authorization).toBeUndefined();
    expect(JSON.parse(c.body!)).toEqual({ trackNumber: 'RA123456785RU', phone: '+79123456789' });
    c.respond(200, TRACKING);
    expect((await p).trackNumber).toBe('RA123456785RU');
  });

  it('a 404 is definite (no retry); a 503 is retried with backoff, then gives up after 3 attempts', async () => {
    const { client, calls, sleeps } = setup();
    const nf = client.lookup('RA123456785RU', '+79123456789').catch((e: unknown) => e);
    (await nth(calls, 0)).respond(404, problem(404, 'Not found', { code: 'not_found', field: 'trackNumber' }));
    const e = await nf;
    expect(e).toBeInstanceOf(OrderApiError);
    expect((e as OrderApiError).code).toBe('not_found');
    expect(calls).toHaveLength(1);

    const down = client.tracking('ord_1', 't').catch((x: unknown) => x);
    for (let i = 1; i <= 3; i++) (await nth(calls, i)).respond(503, problem(503, 'Service unavailable'));
    const x = await down;
    expect(x).toBeInstanceOf(OrderRetryExhaustedError);
    expect((x as OrderRetryExhaustedError).lastStatus).toBe(503);
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([250, 500]);
  });

  it('refuses a malformed 200 by naming the field', async () => {
    const { client, calls } = setup();
    const p = client.tracking('ord_1', 't').catch((e: unknown) => e);
    for (let i = 0; i < 3; i++) (await nth(calls, i)).respond(200, { ...TRACKING, point: { ...POINT, timeZone: '' } });
    const e = (await p) as OrderRetryExhaustedError;
    expect(String((e.cause as Error).message)).toContain('point.timeZone');
  });
});

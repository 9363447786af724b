// The worker's marking layer, run through msw's own handler resolution in Node (no service worker here).
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createSandboxContext } from './context.js';
import { SOURCE_HEADER, WORKER_SOURCE, markedAsWorker } from './browser.js';
import { createHandlers } from './handlers/index.js';
import { FIXTURE_DATASET, FIXTURE_NOW } from './test-support/fixture.js';

const ctx = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
const marked = [markedAsWorker(createHandlers(ctx))];
const ask = (path: string, init?: RequestInit) => getResponse(marked, new Request(`http://shop.test${path}`, init));

describe('markedAsWorker', () => {
  it('answers as the shared handlers do, with the worker source header added', async () => {
    const res = await ask('/api/v1/points/rp-101000');
    expect(res?.status).toBe(200);
    expect(res?.headers.get(SOURCE_HEADER)).toBe(WORKER_SOURCE);
    expect(((await res!.json()) as { id: string }).id).toBe('rp-101000');
    const missing = await ask('/api/v1/points/nope');
    expect(missing?.status).toBe(404);
    expect(missing?.headers.get(SOURCE_HEADER)).toBe(WORKER_SOURCE);
  });

  it('leaves other URLs to the network and a dropped connection as a network error', async () => {
    expect(await ask('/assets/app.js')).toBeUndefined();
    const dropped = await ask('/api/v1/points/rp-101000', { headers: { 'x-sandbox-fault': 'drop' } });
    expect(dropped?.type).toBe('error');
  });
});

// Live paging against the sandbox's own Nova Poshta endpoint (msw's setupServer answers the global fetch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../dataset/index.js';
import { TEST_ORIGIN, createTestSandbox } from '../node.js';
import { BranchCollector } from './collector.js';
import { loadSources } from './load.js';
import { importNpApi } from './nova-poshta-api.js';
import { parseSources } from './source-spec.js';

const dataset = generateDataset({ size: 'small' });
const sandbox = createTestSandbox({ dataset });
const url = `${TEST_ORIGIN}/carriers/nova-poshta/v2.0/json/`;
const npCount = dataset.branches.filter((b) => b.carrier === 'nova-poshta').length;

beforeAll(() => sandbox.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => sandbox.server.close());

/** Counts the pages asked for, passing each request on to the sandbox. */
function countingFetch(pages: number[]): typeof fetch {
  return async (input, init) => {
    const body = JSON.parse(String(init?.body)) as { methodProperties: { Page: string; Limit: string } };
    pages.push(Number(body.methodProperties.Page));
    return fetch(input, init);
  };
}

describe('np-api: live paging of Address.getWarehouses', () => {
  it('reads every page until the last one and maps every warehouse', async () => {
    expect(npCount).toBeGreaterThan(1000);
    const pages: number[] = [];
    const collector = new BranchCollector();
    const sink = collector.source('np-api', 'nova-poshta-api');
    await importNpApi({ apiKey: 'operator-key', url, limit: 250, fetch: countingFetch(pages) }, 'np-api', sink);
    expect(pages).toEqual(Array.from({ length: Math.ceil(npCount / 250) }, (_, i) => i + 1));
    expect(sink.report).toMatchObject({ records: npCount, accepted: npCount, rejected: {}, duplicates: 0 });
    // The sandbox's items are our own points in Nova Poshta's shape: the same places come back.
    const original = dataset.branches.filter((b) => b.carrier === 'nova-poshta');
    expect(collector.branches.map((b) => [b.lat, b.lng])).toEqual(original.map((b) => [Number(b.lat.toFixed(6)), Number(b.lng.toFixed(6))]));
    expect(collector.branches.every((b) => b.carrierRefs?.warehouseRef)).toBe(true);
    // Zones come from the coordinates: Ukraine's, save the few generated points that sit across the eastern border.
    const kyiv = collector.branches.filter((b) => b.timeZone === 'Europe/Kyiv').length;
    expect(kyiv).toBeGreaterThan(npCount * 0.99);
  });

  it('np-api:KEY in a source list, with NP_API_URL pointing at the sandbox', async () => {
    const { report } = await loadSources(parseSources('np-api:operator-key', { NP_API_URL: url }));
    expect(report.sources[0]).toMatchObject({ source: `np-api:${url}`, format: 'nova-poshta-api', accepted: npCount });
    expect(JSON.stringify(report)).not.toContain('operator-key');
  });

  it('a refused key fails the source in one line', async () => {
    const sink = new BranchCollector().source('np-api', 'nova-poshta-api');
    await expect(importNpApi({ apiKey: '', url }, 'np-api', sink)).rejects.toThrow(/^np-api: Nova Poshta refused page 1: .+/);
  });
});

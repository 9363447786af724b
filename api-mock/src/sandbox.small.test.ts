// The handlers over the generated `small` dataset: every answer checked against a brute-force count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lngLatToTile } from '../../widget/src/core/geo.js';
import { Branch, FeedItem, parseEach, type SearchSuggestion, type TileResponse } from '../../widget/src/model/index.js';
import { generateDataset } from './dataset/index.js';
import { cityRef } from './handlers/nova-poshta/refs.js';
import type { RpOffice } from './handlers/russian-post/office.js';
import { createTestSandbox } from './node.js';
import { getJson } from './test-support/http.js';

const dataset = generateDataset({ size: 'small' });
const { server } = createTestSandbox({ dataset, now: () => new Date('2026-11-25T09:00:00Z') });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('sandbox over the small dataset', () => {
  it('tiles of one zoom partition every point (a cluster counts in the tile of its centre)', async () => {
    let total = 0;
    for (let x = 0; x < 4; x++) {
      for (let y = 0; y < 4; y++) {
        const { body } = await getJson<TileResponse>(`/api/v1/tiles/2/${x}/${y}`);
        const items = parseEach(FeedItem, body.items);
        expect(items.rejected).toEqual([]);
        expect(items.items.reduce((n, it) => n + (it.kind === 'cluster' ? it.count : 1), 0)).toBe(body.total);
        total += body.total;
      }
    }
    expect(total).toBe(dataset.branches.length);
  });

  it('past the cluster zoom a tile holds exactly the points inside it', async () => {
    const moscow = lngLatToTile(37.62, 55.75, 17);
    const { body } = await getJson<TileResponse>(`/api/v1/tiles/17/${moscow.x}/${moscow.y}`);
    const inside = dataset.branches.filter((b) => { const t = lngLatToTile(b.lng, b.lat, 17); return t.x === moscow.x && t.y === moscow.y; });
    expect(body.total).toBe(inside.length);
    const ids = parseEach(FeedItem, body.items).items.map((i) => i.id).sort();
    expect(ids).toEqual(inside.map((b) => b.id).sort());
  });

  it('lists the points of a bbox with the brute-force total', async () => {
    const [w, s, e, n] = [37.3, 55.5, 38.0, 56.0];
    const { body } = await getJson<{ total: number; items: unknown[] }>(`/api/v1/points?bbox=${w},${s},${e},${n}&types=post_office&limit=500`);
    const expected = dataset.branches.filter((b) => b.type === 'post_office' && b.lng >= w && b.lng <= e && b.lat >= s && b.lat <= n).length;
    expect(expected).toBeGreaterThan(0);
    expect(body.total).toBe(expected);
    expect(parseEach(Branch, body.items).rejected).toEqual([]);
  });

  it('finds Москва from a transliterated query and points by postcode', async () => {
    const city = await getJson<{ items: SearchSuggestion[] }>('/api/v1/search?q=Moskva');
    expect(city.body.items[0]).toMatchObject({ kind: 'city', label: 'Москва' });
    const someone = dataset.branches.find((b) => b.carrier === 'russian-post' && b.type === 'post_office')!;
    const byCode = await getJson<{ items: Array<{ id?: string }> }>(`/api/v1/search?q=${someone.address.postcode}`);
    expect(byCode.body.items.map((i) => i.id)).toContain(someone.id);
  });

  it('serves Russian Post offices by index and Nova Poshta warehouses by CityRef', async () => {
    const office = dataset.branches.find((b) => b.carrier === 'russian-post' && b.type === 'post_office')!;
    const rp = await getJson<RpOffice>(`/carriers/russian-post/postoffice/1.0/${office.address.postcode}`);
    expect(rp.body['postal-code']).toBe(office.address.postcode);

    const npBranch = dataset.branches.find((b) => b.carrier === 'nova-poshta')!;
    const ref = npBranch.carrierRefs?.cityRef ?? cityRef(npBranch.address);
    const expected = dataset.branches.filter((b) => b.carrier === 'nova-poshta' && (b.carrierRefs?.cityRef ?? cityRef(b.address)) === ref).length;
    const { body } = await getJson<{ success: boolean; info: { totalCount: number } }>('/carriers/nova-poshta/v2.0/json/', {
      method: 'POST',
      body: JSON.stringify({ apiKey: 'k', modelName: 'Address', calledMethod: 'getWarehouses', methodProperties: { CityRef: ref, Limit: 5 } }),
    });
    expect(body).toMatchObject({ success: true, info: { totalCount: expected } });
  });
});

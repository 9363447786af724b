import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lngLatToTile } from '../../../widget/src/core/geo.js';
import { Branch, FeedItem, PointsResponse, SearchSuggestion, TileResponse, parseEach, type FeedCluster, type FeedPoint } from '../../../widget/src/model/index.js';
import { createTestSandbox } from '../node.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from '../test-support/fixture.js';
import { api, getJson, type FeedError } from '../test-support/http.js';
import { distanceM } from '../spatial/geo.js';

let now = FIXTURE_NOW;
const { server } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => now });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

type Tile = Omit<TileResponse, 'items'> & { items: Array<FeedPoint | FeedCluster> };
type Points = Omit<PointsResponse, 'items'> & { items: Branch[] };

const MOSCOW_BBOX = '37.3,55.5,38.0,56.0';
const KYIV_BBOX = '30.2,50.2,30.8,50.7';

function tileOf(lat: number, lng: number, z: number): string {
  const t = lngLatToTile(lng, lat, z);
  return `/api/v1/tiles/${t.z}/${t.x}/${t.y}`;
}

describe('GET /api/v1/tiles/{z}/{x}/{y}', () => {
  it('answers every point of the world at zoom 0, as valid feed items', async () => {
    const { status, body, res } = await getJson<Tile>('/api/v1/tiles/0/0/0');
    expect(status).toBe(200);
    expect(TileResponse.safeParse(body).success).toBe(true);
    expect(body.total).toBe(FIXTURE_BRANCHES.length);
    const parsed = parseEach(FeedItem, body.items);
    expect(parsed.rejected).toEqual([]);
    const counted = parsed.items.reduce((n, it) => n + (it.kind === 'cluster' ? it.count : 1), 0);
    expect(counted).toBe(body.total);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=86400');
    expect(res.headers.get('ETag')).toMatch(/^W\/".+"$/);
  });

  it('clusters nearby points with a string id and an expansion zoom deeper than the tile', async () => {
    const { body } = await getJson<Tile>(tileOf(55.76, 37.63, 4));
    const cluster = body.items.find((i): i is FeedCluster => i.kind === 'cluster');
    expect(cluster).toBeDefined();
    expect(typeof cluster!.id).toBe('string');
    expect(cluster!.count).toBeGreaterThanOrEqual(3); // the three Moscow points
    expect(cluster!.expansionZoom).toBeGreaterThan(4);
  });

  it('returns single points past the cluster zoom', async () => {
    const { body } = await getJson<Tile>(tileOf(55.7622, 37.6339, 18));
    const ids = body.items.filter((i) => i.kind === 'point').map((i) => i.id).sort();
    expect(ids).toEqual(['rp-101000', 'rp-pm-101000']);
    const office = body.items.find((i) => i.id === 'rp-101000') as FeedPoint;
    expect(office).toMatchObject({ carrier: 'russian-post', type: 'post_office', status: 'open' });
    expect(office.lat).toBeCloseTo(55.7622, 4);
  });

  it('partitions the world: the four tiles of zoom 1 add up to zoom 0, with no point twice', async () => {
    let total = 0;
    const pointIds: string[] = [];
    for (const [x, y] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
      const { body } = await getJson<Tile>(`/api/v1/tiles/1/${x}/${y}`);
      total += body.total;
      pointIds.push(...body.items.filter((i) => i.kind === 'point').map((i) => i.id));
    }
    expect(total).toBe(FIXTURE_BRANCHES.length);
    expect(new Set(pointIds).size).toBe(pointIds.length);
  });

  it('filters by type and carrier', async () => {
    const lockers = await getJson<Tile>('/api/v1/tiles/0/0/0?types=parcel_locker');
    expect(lockers.body.total).toBe(FIXTURE_BRANCHES.filter((b) => b.type === 'parcel_locker').length);
    const np = await getJson<Tile>('/api/v1/tiles/0/0/0?carriers=nova-poshta&types=post_office,parcel_locker');
    expect(np.body.total).toBe(FIXTURE_BRANCHES.filter((b) => b.carrier === 'nova-poshta' && b.type !== 'pickup_point').length);
    const unknown = await getJson<Tile>('/api/v1/tiles/0/0/0?carriers=dhl');
    expect(unknown.body.total).toBe(0);
  });

  it('applies the list filters too (payment, weekends, open now), so map and list agree', async () => {
    const cod = await getJson<Tile>('/api/v1/tiles/0/0/0?payment=cod');
    expect(cod.body.total).toBe(FIXTURE_BRANCHES.filter((b) => b.payment.includes('cod')).length);
    const weekends = await getJson<Tile>('/api/v1/tiles/0/0/0?weekends=1');
    expect(weekends.body.total).toBe(FIXTURE_BRANCHES.filter((b) => b.hours.some((h) => h.day >= 6)).length);
    now = new Date('2026-11-25T10:30:00Z'); // 13:30 in Moscow (lunch at Мясницкая 26), 12:30 in Kyiv
    try {
      const open = await getJson<Tile>(tileOf(55.7622, 37.6339, 18) + '?openNow=1');
      expect(open.body.items.map((i) => i.id)).toEqual(['rp-pm-101000']);
      expect(open.res.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=60');
    } finally {
      now = FIXTURE_NOW;
    }
    const later = await getJson<Tile>(tileOf(55.7622, 37.6339, 18) + '?openNow=1');
    expect(later.body.items.map((i) => i.id).sort()).toEqual(['rp-101000', 'rp-pm-101000']);
  });

  it('keeps an "open now" answer for the rest of its minute only: same ETag within it, never stale', async () => {
    const url = tileOf(55.7622, 37.6339, 18) + '?openNow=1';
    const at = async (iso: string) => {
      now = new Date(iso);
      try {
        const res = await api(url);
        return { etag: res.headers.get('ETag'), cache: res.headers.get('Cache-Control'), body: await res.text() };
      } finally {
        now = FIXTURE_NOW;
      }
    };
    const late = await at('2026-11-25T10:30:45Z');
    const early = await at('2026-11-25T10:30:00Z');
    const next = await at('2026-11-25T10:31:00Z');
    expect(late.cache).toBe('public, max-age=15, s-maxage=15');
    expect(early.etag).toBe(late.etag);
    expect(early.body).toBe(late.body);
    expect(next.etag).not.toBe(late.etag);
  });

  it.each([
    ['/api/v1/points?bbox=37.3,55.5,38.0,56.0', 'public, max-age=300, s-maxage=900, stale-while-revalidate=3600, stale-if-error=86400'],
    ['/api/v1/points/rp-101000', 'public, max-age=300, s-maxage=900, stale-while-revalidate=3600, stale-if-error=86400'],
    ['/api/v1/search?q=%D0%9A%D0%B8%D1%97%D0%B2', 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=86400'],
  ])('tells browsers and CDNs how long to keep %s, on 200 and on 304', async (path, policy) => {
    const first = await api(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe(policy);
    const again = await api(path, { headers: { 'If-None-Match': first.headers.get('ETag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe(policy);
  });

  it.each([
    ['/api/v1/tiles/2/0/0?openNow=maybe', 'openNow'],
    ['/api/v1/tiles/2/0/0?payment=barter', 'payment'],
    ['/api/v1/tiles/23/0/0', 'z'],
    ['/api/v1/tiles/a/0/0', 'z'],
    ['/api/v1/tiles/2/4/0', 'x'],
    ['/api/v1/tiles/2/0/-1', 'y'],
    ['/api/v1/tiles/2/0/0?types=shop', 'types'],
    ['/api/v1/tiles/2/0/0?carriers=DHL!', 'carriers'],
  ])('rejects %s naming the field %s', async (path, field) => {
    const { status, body } = await getJson<FeedError>(path);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('answers 304 to a matching If-None-Match, and a different ETag for different filters', async () => {
    const first = await api('/api/v1/tiles/0/0/0?types=post_office');
    const etag = first.headers.get('ETag')!;
    const again = await api('/api/v1/tiles/0/0/0?types=post_office', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    const other = await api('/api/v1/tiles/0/0/0?types=parcel_locker', { headers: { 'If-None-Match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('ETag')).not.toBe(etag);
  });

  it('answers CORS preflights', async () => {
    const res = await api('/api/v1/tiles/0/0/0', { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Headers')).toMatch(/X-Sandbox-Fault/i);
  });
});

describe('GET /api/v1/points', () => {
  it('lists full branches in the bbox, nearest to `near` first, with facets', async () => {
    const near = { lat: 55.612772, lng: 37.704862 };
    const { status, body } = await getJson<Points>(`/api/v1/points?bbox=${MOSCOW_BBOX}&near=${near.lat},${near.lng}`);
    expect(status).toBe(200);
    expect(PointsResponse.safeParse(body).success).toBe(true);
    expect(parseEach(Branch, body.items).rejected).toEqual([]);
    const inBox = FIXTURE_BRANCHES.filter((b) => b.address.city === 'Москва');
    expect(body.total).toBe(inBox.length);
    const expected = [...inBox].sort((a, b) => distanceM(near.lat, near.lng, a.lat, a.lng) - distanceM(near.lat, near.lng, b.lat, b.lng));
    expect(body.items.map((b) => b.id)).toEqual(expected.map((b) => b.id));
    expect(body.items[0]).toEqual(FIXTURE_BRANCHES.find((b) => b.id === 'rp-115551'));
    expect(body.facets?.type).toMatchObject({ post_office: 2, parcel_locker: 1, pickup_point: 0 });
    expect(body.facets?.carrier).toEqual({ 'russian-post': 3 });
    expect(body.facets?.payment).toMatchObject({ card: 3, cash: 2, cod: 1 });
  });

  it('sorts by distance to the bbox centre by default', async () => {
    const { body } = await getJson<Points>(`/api/v1/points?bbox=${KYIV_BBOX}`);
    const centre = { lat: 50.45, lng: 30.5 };
    const d = body.items.map((b) => distanceM(centre.lat, centre.lng, b.lat, b.lng));
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(body.items[0]!.id).toBe('np-kyiv-pm');
  });

  it('keeps facet counts disjunctive: a type filter does not shrink the type facet', async () => {
    const { body } = await getJson<Points>(`/api/v1/points?bbox=${MOSCOW_BBOX}&types=parcel_locker`);
    expect(body.total).toBe(1);
    expect(body.items.map((b) => b.id)).toEqual(['rp-pm-101000']);
    expect(body.facets?.type).toMatchObject({ post_office: 2, parcel_locker: 1 });
    expect(body.facets?.payment).toMatchObject({ card: 1, cash: 0 });
  });

  it('filters by payment, weekends and limit', async () => {
    const cod = await getJson<Points>(`/api/v1/points?bbox=${KYIV_BBOX}&payment=cod`);
    expect(cod.body.items.map((b) => b.id)).toEqual(['np-kyiv-25']);
    const weekends = await getJson<Points>(`/api/v1/points?bbox=${KYIV_BBOX}&weekends=1`);
    expect(weekends.body.items.map((b) => b.id).sort()).toEqual(['np-kyiv-25', 'np-kyiv-pm']);
    const one = await getJson<Points>(`/api/v1/points?bbox=${KYIV_BBOX}&limit=1`);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.total).toBe(3);
  });

  it('filters "open now" with the sandbox clock (lunch break at 13:30 Moscow time)', async () => {
    now = new Date('2026-11-25T10:30:00Z');
    try {
      const { body, res } = await getJson<Points>(`/api/v1/points?bbox=${MOSCOW_BBOX}&openNow=1`);
      expect(body.items.map((b) => b.id).sort()).toEqual(['rp-115551', 'rp-pm-101000']);
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=60');
    } finally {
      now = FIXTURE_NOW;
    }
  });

  it('handles a bbox across the antimeridian', async () => {
    const { body } = await getJson<Points>('/api/v1/points?bbox=170,40,-170,50');
    expect(body.total).toBe(0);
    const east = await getJson<Points>('/api/v1/points?bbox=120,40,-170,50');
    expect(east.body.items.map((b) => b.id)).toEqual(['rp-690000']);
  });

  it.each([
    ['/api/v1/points', 'bbox'],
    ['/api/v1/points?bbox=1,2,3', 'bbox'],
    ['/api/v1/points?bbox=0,60,10,50', 'bbox'],
    ['/api/v1/points?bbox=0,0,10,10&near=95,0', 'near'],
    ['/api/v1/points?bbox=0,0,10,10&limit=501', 'limit'],
    ['/api/v1/points?bbox=0,0,10,10&limit=0', 'limit'],
    ['/api/v1/points?bbox=0,0,10,10&payment=bitcoin', 'payment'],
    ['/api/v1/points?bbox=0,0,10,10&openNow=yes', 'openNow'],
  ])('rejects %s naming the field %s', async (path, field) => {
    const { status, body } = await getJson<FeedError>(path);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });
});

describe('GET /api/v1/points/{id}', () => {
  it('returns the full branch', async () => {
    const { status, body } = await getJson<Branch>('/api/v1/points/np-kyiv-25');
    expect(status).toBe(200);
    expect(body).toEqual(FIXTURE_BRANCHES.find((b) => b.id === 'np-kyiv-25'));
  });

  it('answers 404 JSON for an unknown id', async () => {
    const { status, body } = await getJson<FeedError>('/api/v1/points/nope');
    expect(status).toBe(404);
    expect(body.error.field).toBe('id');
  });
});

describe('GET /api/v1/search', () => {
  type Found = { items: SearchSuggestion[] };
  const labels = (f: Found) => f.items.map((i) => i.label);

  it('finds settlements by name, most populous first, with point counts', async () => {
    const { body } = await getJson<Found>(`/api/v1/search?q=${encodeURIComponent('моск')}`);
    expect(parseEach(SearchSuggestion, body.items).rejected).toEqual([]);
    const cities = body.items.filter((i) => i.kind === 'city');
    expect(cities.map((c) => c.label)).toEqual(['Москва', 'Московский']);
    expect(cities[0]).toMatchObject({ kind: 'city', count: 3, country: 'RU' });
  });

  it.each(['Vjcrdf', 'Moskva', 'москва', 'МОСКВА'])('finds Москва for %s', async (q) => {
    const { body } = await getJson<Found>(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(labels(body)[0]).toBe('Москва');
  });

  it('finds points by street and by postcode (6 and 5 digits)', async () => {
    const street = await getJson<Found>(`/api/v1/search?q=${encodeURIComponent('мясницкая')}`);
    expect(street.body.items.filter((i) => i.kind === 'point').map((i) => (i as { id: string }).id).sort()).toEqual(['rp-101000', 'rp-pm-101000']);
    const rp = await getJson<Found>('/api/v1/search?q=101000');
    expect(rp.body.items.map((i) => (i as { id: string }).id).sort()).toEqual(['rp-101000', 'rp-pm-101000']);
    const np = await getJson<Found>('/api/v1/search?q=04212');
    expect(np.body.items).toHaveLength(1);
    expect(np.body.items[0]).toMatchObject({ kind: 'point', id: 'np-kyiv-25' });
  });

  it('orders points by distance to `near`', async () => {
    const { body } = await getJson<Found>(`/api/v1/search?q=${encodeURIComponent('відділення')}&near=50.38,30.47`);
    expect(body.items.filter((i) => i.kind === 'point').map((i) => (i as { id: string }).id)).toEqual(['np-kyiv-1', 'np-kyiv-25']);
    const far = await getJson<Found>(`/api/v1/search?q=${encodeURIComponent('відділення')}&near=50.51,30.49`);
    expect(far.body.items.filter((i) => i.kind === 'point').map((i) => (i as { id: string }).id)).toEqual(['np-kyiv-25', 'np-kyiv-1']);
  });

  it('respects the limit', async () => {
    const { body } = await getJson<Found>(`/api/v1/search?q=${encodeURIComponent('моск')}&limit=1`);
    expect(body.items).toHaveLength(1);
  });

  it.each([
    ['/api/v1/search', 'q'],
    ['/api/v1/search?q=', 'q'],
    ['/api/v1/search?q=a&limit=0', 'limit'],
    ['/api/v1/search?q=a&near=1', 'near'],
  ])('rejects %s naming the field %s', async (path, field) => {
    const { status, body } = await getJson<FeedError>(path);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });
});

describe('unknown sandbox routes', () => {
  it('answer a JSON 404', async () => {
    const { status, body } = await getJson<FeedError>('/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(body.error.field).toBe('path');
  });
});

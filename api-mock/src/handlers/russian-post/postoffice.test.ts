import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox } from '../../node.js';
import { distanceM } from '../../spatial/geo.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from '../../test-support/fixture.js';
import { getJson } from '../../test-support/http.js';
import type { RpOffice } from './office.js';

let now = FIXTURE_NOW;
const { server } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => now });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const BASE = '/carriers/russian-post/postoffice/1.0';
type RpErr = { code: string; desc: string; field: string };

describe('GET postoffice/1.0/{index}', () => {
  it('returns the office in the documented shape', async () => {
    const { status, body, res } = await getJson<RpOffice>(`${BASE}/101000`);
    expect(status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    // The post office wins over the locker that shares its postal code.
    expect(body).toMatchObject({
      'postal-code': '101000',
      'address-source': 'Мясницкая ул, 26',
      latitude: 55.7622,
      longitude: 37.6339,
      'is-closed': false,
      'is-temporary-closed': false,
      'works-on-saturdays': true,
      'works-on-sundays': false,
      phones: [{ 'phone-number': '1000000', 'phone-town-code': '800' }],
    });
    expect(['GOPS', 'SOPS']).toContain(body['type-code']);
    expect(body['working-hours']).toHaveLength(6);
    expect(body['working-hours'][0]).toEqual({
      'weekday-id': 1, 'begin-worktime': '08:00:00.000', 'end-worktime': '20:00:00.000',
      lunches: [{ 'begin-lunchtime': '13:00:00.000', 'end-lunchtime': '14:00:00.000' }],
    });
  });

  it('flags temporarily closed offices', async () => {
    const { body } = await getJson<RpOffice>(`${BASE}/690000`);
    expect(body['is-temporary-closed']).toBe(true);
  });

  it('answers 404 for an unknown index and 400 for a malformed one, and never serves other carriers', async () => {
    const unknown = await getJson<RpErr>(`${BASE}/999999`);
    expect([unknown.status, unknown.body.field]).toEqual([404, 'index']);
    const bad = await getJson<RpErr>(`${BASE}/12ab`);
    expect([bad.status, bad.body.field]).toEqual([400, 'index']);
    const np = await getJson<RpErr>(`${BASE}/004212`);
    expect(np.status).toBe(404);
  });
});

describe('GET postoffice/1.0/nearby', () => {
  const at = { lat: 55.75, lng: 37.62 };
  const rpIds = (offices: RpOffice[]) => offices.map((o) => o['postal-code']);

  it('returns the nearest offices, closest first, top 3 by default', async () => {
    const { status, body } = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}`);
    expect(status).toBe(200);
    expect(body).toHaveLength(3);
    const d = body.map((o) => distanceM(at.lat, at.lng, o.latitude, o.longitude));
    expect(d).toEqual([...d].sort((a, b) => a - b));
    const expected = FIXTURE_BRANCHES.filter((b) => b.carrier === 'russian-post')
      .sort((a, b) => distanceM(at.lat, at.lng, a.lat, a.lng) - distanceM(at.lat, at.lng, b.lat, b.lng))
      .slice(0, 3).map((b) => b.address.postcode);
    expect(rpIds(body)).toEqual(expected);
  });

  it('finds far offices when nothing is close, within top', async () => {
    const { body } = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=43&longitude=131&top=1`);
    expect(rpIds(body)).toEqual(['690000']);
  });

  it('limits by search-radius (km)', async () => {
    const { body } = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}&top=10&search-radius=5`);
    expect(body.map((o) => o['address-source']).sort()).toEqual(['Мясницкая ул, 24', 'Мясницкая ул, 26']);
  });

  it('filters ROUND_THE_CLOCK and WORK_ON_WEEKENDS', async () => {
    const clock = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}&top=10&filter=ROUND_THE_CLOCK`);
    expect(clock.body.map((o) => o['type-code'])).toEqual(['PM']);
    const weekends = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}&top=10&filter=WORK_ON_WEEKENDS`);
    expect(weekends.body).toHaveLength(3);
    expect(weekends.body.every((o) => o['works-on-saturdays'] || o['works-on-sundays'])).toBe(true);
  });

  it('filters CURRENTLY_WORKING at current-date-time (Moscow time without an offset) or the sandbox clock', async () => {
    const lunch = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}&top=10&search-radius=50&filter=CURRENTLY_WORKING&current-date-time=2026-11-25T13:30:00`);
    expect(lunch.body.map((o) => o['address-source']).sort()).toEqual(['Домодедовская ул, 20 к3', 'Мясницкая ул, 24']);
    const sunday = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}&top=10&search-radius=50&filter=CURRENTLY_WORKING&current-date-time=2026-11-29T10:00:00%2B03:00`);
    expect(sunday.body.map((o) => o['address-source']).sort()).toEqual(['Домодедовская ул, 20 к3', 'Мясницкая ул, 24']);
    now = new Date('2026-11-25T19:00:00Z'); // 22:00 in Moscow: only the locker
    try {
      const night = await getJson<RpOffice[]>(`${BASE}/nearby?latitude=${at.lat}&longitude=${at.lng}&top=10&search-radius=50&filter=CURRENTLY_WORKING`);
      expect(night.body.map((o) => o['type-code'])).toEqual(['PM']);
    } finally {
      now = FIXTURE_NOW;
    }
  });

  it.each([
    ['?longitude=37', 'latitude'],
    ['?latitude=91&longitude=37', 'latitude'],
    ['?latitude=55&longitude=abc', 'longitude'],
    ['?latitude=55&longitude=37&top=0', 'top'],
    ['?latitude=55&longitude=37&filter=SOMETIMES', 'filter'],
    ['?latitude=55&longitude=37&current-date-time=yesterday', 'current-date-time'],
    ['?latitude=55&longitude=37&search-radius=-1', 'search-radius'],
  ])('rejects %s with a 400 naming %s', async (query, field) => {
    const { status, body } = await getJson<RpErr>(`${BASE}/nearby${query}`);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.desc.length).toBeGreaterThan(0);
  });
});

describe('GET postoffice/1.0/by-address', () => {
  type Matched = { 'is-matched': boolean; postoffices: string[] };
  const q = (a: string) => `${BASE}/by-address?address=${encodeURIComponent(a)}`;

  it('matches by city and street', async () => {
    const { body } = await getJson<Matched>(q('г. Москва, ул. Домодедовская, д. 20'));
    expect(body).toEqual({ 'is-matched': true, postoffices: ['115551'] });
  });

  it('uses an explicit postal code', async () => {
    const { body } = await getJson<Matched>(q('190000, Санкт-Петербург, что-то'));
    expect(body).toEqual({ 'is-matched': true, postoffices: ['190000'] });
  });

  it('does not match a city alone or an unknown place', async () => {
    expect((await getJson<Matched>(q('Москва'))).body['is-matched']).toBe(false);
    expect((await getJson<Matched>(q('Тмутаракань, ул. Ленина'))).body).toEqual({ 'is-matched': false, postoffices: [] });
  });

  it('rejects a missing address naming the field', async () => {
    const { status, body } = await getJson<RpErr>(`${BASE}/by-address`);
    expect(status).toBe(400);
    expect(body.field).toBe('address');
  });
});

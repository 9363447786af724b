import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Branch } from '../../../widget/src/model/branch.js';
import { insideCountryBox } from './bounds.js';
import { generateDataset, SIZE_PLANS, type Dataset } from './index.js';
import { RU_REGIONS } from './regions.js';
import { CYRILLIC, hoursProblems } from './test-helpers.js';

const small = generateDataset({ size: 'small' });

function countBy(data: Dataset, key: (b: Dataset['branches'][number]) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const b of data.branches) m.set(key(b), (m.get(key(b)) ?? 0) + 1);
  return m;
}

describe('generateDataset small', () => {
  it('has the planned counts per country, carrier and type', () => {
    const c = countBy(small, (b) => `${b.address.country}/${b.carrier}/${b.type}`);
    const plan = SIZE_PLANS.small;
    expect(c.get('RU/russian-post/post_office')).toBe(plan.ru.offices);
    expect(c.get('RU/russian-post/parcel_locker')).toBe(plan.ru.lockers);
    expect(c.get('RU/russian-post/pickup_point')).toBe(plan.ru.pickupPoints);
    expect(c.get('UA/nova-poshta/post_office')).toBe(plan.ua.branches);
    expect(c.get('UA/nova-poshta/parcel_locker')).toBe(plan.ua.lockers);
    expect(small.branches.length).toBeGreaterThan(3000);
    expect(small.branches.length).toBeLessThan(10000);
  });

  it('produces records that all pass the Branch schema', () => {
    const failures = small.branches.filter((b) => !Branch.safeParse(b).success).map((b) => b.id);
    expect(failures).toEqual([]);
  });

  it('keeps every point and settlement inside its country', () => {
    const outside = small.branches.filter((b) => !insideCountryBox(b.address.country, b.lat, b.lng)).map((b) => b.id);
    expect(outside).toEqual([]);
    const outsideS = small.settlements.filter((s) => !insideCountryBox(s.country, s.lat, s.lng)).map((s) => s.id);
    expect(outsideS).toEqual([]);
  });

  it('uses valid IANA zones, Europe/Kyiv for Ukraine and several zones for Russia', () => {
    const zones = new Set(small.branches.map((b) => b.timeZone));
    for (const z of zones) expect(() => new Intl.DateTimeFormat(undefined, { timeZone: z })).not.toThrow();
    expect(new Set(small.branches.filter((b) => b.address.country === 'UA').map((b) => b.timeZone))).toEqual(
      new Set(['Europe/Kyiv']),
    );
    const ruZones = new Set(small.branches.filter((b) => b.address.country === 'RU').map((b) => b.timeZone));
    expect(ruZones.size).toBeGreaterThanOrEqual(5);
    const vlad = small.branches.find((b) => b.address.city === 'Владивосток');
    expect(vlad?.timeZone).toBe('Asia/Vladivostok');
  });

  it('has well-formed hours and exceptions everywhere', () => {
    const bad = small.branches.flatMap((b) => hoursProblems(b).map((p) => `${b.id}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('opens lockers around the clock (or with mall hours) and closes village offices on Sundays', () => {
    const lockers = small.branches.filter((b) => b.type === 'parcel_locker');
    const allDay = lockers.filter((b) => b.hours.length === 7 && b.hours.every((d) => d.open === '00:00' && d.close === '24:00'));
    expect(allDay.length / lockers.length).toBeGreaterThan(0.6);
    for (const l of lockers) expect(l.payment).not.toContain('cash');
    const villageOffices = small.branches.filter((b) => b.type === 'post_office' && b.addressLine.includes(' с. '));
    expect(villageOffices.length).toBeGreaterThan(0);
    for (const v of villageOffices) expect(v.hours.some((d) => d.day === 7)).toBe(false);
  });

  it('is byte-identical to the recorded one for the default seed', () => {
    // The seeded dataset is a fixture (tests, e2e and demos name its points): a refactor of the geometry or
    // calendar helpers it uses must not move a single byte. A deliberate change of the data updates this hash.
    const digest = createHash('sha256').update(JSON.stringify(small)).digest('hex');
    expect(digest).toBe('fffb9e5304f60fcf22945abee84f8382a5ef0a215f6330be2917056052af6c35');
  });

  it('gives ids that are unique, stable for a seed and different for another seed', () => {
    const ids = small.branches.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = generateDataset({ size: 'small' });
    expect(again.branches.map((b) => b.id)).toEqual(ids);
    expect(JSON.stringify(again.branches.slice(0, 500))).toBe(JSON.stringify(small.branches.slice(0, 500)));
    expect(again.branches.map((b) => [b.lat, b.lng])).toEqual(small.branches.map((b) => [b.lat, b.lng]));
    const other = generateDataset({ size: 'small', seed: 7 });
    expect(other.seed).toBe(7);
    const otherIds = new Set(other.branches.map((b) => b.id));
    expect(ids.filter((id) => !otherIds.has(id)).length).toBeGreaterThan(0);
    expect(other.branches.map((b) => [b.lat, b.lng])).not.toEqual(small.branches.map((b) => [b.lat, b.lng]));
  });

  it('writes names, cities and settlements of Russia and Ukraine in Cyrillic', () => {
    for (const b of small.branches) {
      expect(b.name).toMatch(CYRILLIC);
      expect(b.address.city).toMatch(CYRILLIC);
      expect(b.address.city).not.toMatch(/[A-Za-z]/);
      expect(b.addressLine).toMatch(CYRILLIC);
      expect(b.address.region).toMatch(CYRILLIC);
    }
    const latin = small.settlements.filter((s) => /[A-Za-z]/.test(s.name) || !CYRILLIC.test(s.name));
    expect(latin.map((s) => s.name)).toEqual([]);
  });

  it('keys Russian post offices by a region-prefixed 6-digit postcode', () => {
    const byName = new Map(Object.values(RU_REGIONS).map((r) => [r.name, r]));
    const offices = small.branches.filter((b) => b.carrier === 'russian-post' && b.type === 'post_office');
    for (const o of offices) {
      expect(o.address.postcode).toMatch(/^\d{6}$/);
      expect(o.id).toBe(`rp-${o.address.postcode}`);
      const region = byName.get(o.address.region);
      expect(region?.prefixes).toContain(Number(o.address.postcode.slice(0, 3)));
      expect(o.name).toBe(`Отделение почтовой связи ${o.address.city} ${o.address.postcode}`);
    }
    const moscow = offices.filter((o) => o.address.city === 'Москва');
    expect(moscow.length).toBeGreaterThan(10);
    for (const o of moscow) {
      const prefix = Number(o.address.postcode.slice(0, 3));
      expect(prefix).toBeGreaterThanOrEqual(101);
      expect(prefix).toBeLessThanOrEqual(129);
    }
  });

  it('formats Nova Poshta points as on the carrier site, with 5-digit postcodes and UAH limits', () => {
    const np = small.branches.filter((b) => b.carrier === 'nova-poshta');
    for (const b of np) expect(b.address.postcode).toMatch(/^\d{5}$/);
    const branches = np.filter((b) => b.type === 'post_office');
    for (const b of branches) {
      expect(b.name).toMatch(/^(Вантажне в|В)ідділення №\d+ \(до (10|30|1000) кг\): /);
      expect(b.id).toMatch(/^np-b-\d+$/);
    }
    const lockers = np.filter((b) => b.type === 'parcel_locker');
    for (const l of lockers) {
      expect(l.name).toMatch(/^Поштомат №\d+/);
      expect(l.limits.maxWeightG).toBe(20_000);
      expect(l.limits.maxDimensionsCm).toEqual({ length: 60, width: 40, height: 30 });
      expect(l.limits.maxDeclaredValue).toEqual({ amount: 1_000_000, currency: 'UAH' });
      expect(l.limits.lockerCells?.map((c) => c.size)).toEqual(['XS', 'S', 'M', 'L']);
    }
    const kyiv = branches.filter((b) => b.address.city === 'Київ');
    expect(kyiv.length).toBeGreaterThan(20);
    expect(new Set(kyiv.map((b) => b.name.match(/№(\d+)/)?.[1])).size).toBe(kyiv.length);
  });

  it('uses RUB in Russia and UAH in Ukraine wherever money appears', () => {
    for (const b of small.branches) {
      const cur = b.limits.maxDeclaredValue?.currency;
      if (cur) expect(cur).toBe(b.address.country === 'RU' ? 'RUB' : 'UAH');
    }
  });

  it('marks a few points temporarily closed with a reason', () => {
    const temp = small.branches.filter((b) => b.status === 'temporarily_closed');
    expect(temp.length).toBeGreaterThan(0);
    expect(temp.length / small.branches.length).toBeLessThan(0.03);
    for (const t of temp) expect(t.statusNote).toMatch(CYRILLIC);
  });

  it('puts more points near a big city centre than at its edge', () => {
    const moscow = { lat: 55.75222, lng: 37.61556 };
    const pts = small.branches.filter((b) => b.address.city === 'Москва');
    const dist = pts.map((b) => Math.hypot(b.lat - moscow.lat, (b.lng - moscow.lng) * Math.cos((55.75 * Math.PI) / 180)) * 111);
    const inner = dist.filter((d) => d < 6).length; // inner disc: ~1/9 of the area of an 18 km city
    const outer = dist.filter((d) => d >= 12).length; // outer ring: ~5/9 of the area
    expect(inner).toBeGreaterThan(outer / 5);
  });
});

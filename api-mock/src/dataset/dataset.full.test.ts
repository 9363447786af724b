import { describe, expect, it } from 'vitest';
import { insideCountryBox } from './bounds.js';
import { generateDataset } from './index.js';

// One pass over the full-size dataset (90,000 points, about 1-2 s): counts, zones, ids, bounds.
describe('generateDataset full', () => {
  const full = generateDataset({ size: 'full' });

  it('matches the real network sizes', () => {
    const count = (pred: (b: (typeof full.branches)[number]) => boolean) => full.branches.filter(pred).length;
    // The real networks' sizes as literals, not read back from the plan the generator follows.
    expect(count((b) => b.carrier === 'russian-post' && b.type === 'post_office')).toBe(42_000);
    expect(count((b) => b.carrier === 'russian-post' && b.type === 'parcel_locker')).toBe(8_000);
    expect(count((b) => b.carrier === 'russian-post' && b.type === 'pickup_point')).toBe(10_000);
    expect(count((b) => b.carrier === 'nova-poshta' && b.type === 'post_office')).toBe(12_000);
    expect(count((b) => b.carrier === 'nova-poshta' && b.type === 'parcel_locker')).toBe(18_000);
    expect(full.branches).toHaveLength(90_000);
  });

  it('spans at least ten Russian time zones', () => {
    const ru = new Set(full.branches.filter((b) => b.address.country === 'RU').map((b) => b.timeZone));
    expect(ru.size).toBeGreaterThanOrEqual(10);
    for (const z of ['Europe/Kaliningrad', 'Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Vladivostok', 'Asia/Kamchatka']) {
      expect(ru.has(z)).toBe(true);
    }
  });

  it('has unique ids and keeps points inside their countries', () => {
    expect(new Set(full.branches.map((b) => b.id)).size).toBe(full.branches.length);
    expect(full.branches.filter((b) => !insideCountryBox(b.address.country, b.lat, b.lng)).map((b) => b.id)).toEqual([]);
  });

  it('gives every real Russian town at least one post office', () => {
    const withOffice = new Set(
      full.branches.filter((b) => b.type === 'post_office' && b.address.country === 'RU').map((b) => b.address.city),
    );
    const towns = full.settlements.filter((s) => s.country === 'RU' && s.id.startsWith('gn-'));
    const missing = towns.filter((s) => !withOffice.has(s.name));
    // Districts of Moscow and St Petersburg are addressed as the city itself.
    expect(missing.length / towns.length).toBeLessThan(0.05);
  });
});

// Settlements for search ("Львів" -> the city) when the source has only points: one per country + region + city
// named by the points, at the centre of its points. Real sources carry no population, so the number of points
// stands in for it: search and the open-feed tariff rank settlements by it, and a bigger network means a bigger town.
import type { Branch } from '../../../widget/src/model/index.js';
import type { SandboxDataset } from '../context.js';
import { hashString } from '../util/hash.js';

type Settlement = SandboxDataset['settlements'][number];

interface Acc { name: string; region: string; country: string; lat: number; lng: number; n: number; zones: Map<string, number> }

export function settlementsOf(branches: readonly Branch[]): Settlement[] {
  const byKey = new Map<string, Acc>();
  for (const b of branches) {
    const name = b.address.city.trim();
    if (!name) continue;
    const key = `${b.address.country}|${b.address.region.trim()}|${name}`;
    let acc = byKey.get(key);
    if (!acc) byKey.set(key, (acc = { name, region: b.address.region.trim(), country: b.address.country, lat: 0, lng: 0, n: 0, zones: new Map() }));
    acc.lat += b.lat;
    acc.lng += b.lng;
    acc.n++;
    acc.zones.set(b.timeZone, (acc.zones.get(b.timeZone) ?? 0) + 1);
  }
  return [...byKey].map(([key, a]) => ({
    id: `src-${hashString(key)}`,
    name: a.name,
    region: a.region,
    country: a.country,
    lat: Math.round((a.lat / a.n) * 1e6) / 1e6,
    lng: Math.round((a.lng / a.n) * 1e6) / 1e6,
    population: a.n,
    timeZone: [...a.zones].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0],
  }));
}

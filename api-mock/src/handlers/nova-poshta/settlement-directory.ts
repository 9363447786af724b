// Nova Poshta's view of the dataset's Ukrainian settlements: refs, settlement type, area and how many of the
// carrier's points each has. Address.getWarehouses, getCities and searchSettlements all read it, so a city
// has one CityRef / SettlementRef whichever method a client asks.
import type { Branch } from '../../../../widget/src/model/index.js';
import type { SandboxContext } from '../../context.js';
import { normalizeText } from '../../shared-logic.js';
import { uuidFromString } from '../../util/hash.js';
import { cityRef, settlementRef } from './refs.js';

export type SettlementKind = 'city' | 'urban' | 'village';

/** Names of each kind in the carrier's directories: uk, ru, the short code searchSettlements shows. */
export const SETTLEMENT_KINDS: Readonly<Record<SettlementKind, { uk: string; ru: string; code: string }>> = {
  city: { uk: 'місто', ru: 'город', code: 'м.' },
  urban: { uk: 'селище міського типу', ru: 'поселок городского типа', code: 'смт' },
  village: { uk: 'село', ru: 'село', code: 'с.' },
};

export interface NpSettlement {
  /** SettlementRef (searchSettlements' Ref). */
  ref: string;
  /** CityRef (getCities' Ref, searchSettlements' DeliveryCity, getWarehouses' CityRef). */
  cityRef: string;
  name: string;
  /** Area as the carrier writes it: "Харківська" for "Харківська область". */
  area: string;
  areaRef: string;
  kind: SettlementKind;
  /** 0 when unknown (a city only the branches name). */
  population: number;
  points: Branch[];
  /** Days (1 = Monday) on which at least one point works. */
  workDays: ReadonlySet<number>;
  /** The carrier's numeric city id, stable for the dataset. */
  cityId: number;
  /** Normalised name, for prefix search. */
  key: string;
}

export interface NpSettlementDirectory {
  /** Every settlement, sorted by name then area. */
  list: NpSettlement[];
  /** By `${region}|${city}` of a dataset address. */
  byAddress: Map<string, NpSettlement>;
  /** The area's parcel hub: its city with the most points, in the carrier's "ДНІПРО ПОСИЛКОВИЙ" form. */
  hubOf: Map<string, string>;
}

/** "Харківська область" -> "Харківська"; the capital is its own region in the dataset and "Київська" at the carrier. */
export function areaName(region: string): string {
  if (region === 'Київ') return 'Київська';
  return region.replace(/\s+область$/u, '');
}

/** Thresholds of the Ukrainian settlement types are legal, not by size; population is the best proxy we have. */
function kindOf(population: number, points: number): SettlementKind {
  if (population === 0) return points >= 3 ? 'city' : 'village';
  if (population >= 10_000) return 'city';
  if (population >= 2_000) return 'urban';
  return 'village';
}

export function npSettlementDirectory(ctx: SandboxContext): NpSettlementDirectory {
  return ctx.memo('nova-poshta/settlements', () => {
    const byAddress = new Map<string, NpSettlement>();
    const add = (region: string, name: string, population: number): NpSettlement => {
      const key = `${region}|${name}`;
      let s = byAddress.get(key);
      if (!s) {
        const address = { country: 'UA', region, city: name };
        s = {
          ref: settlementRef(address), cityRef: cityRef(address), name, area: areaName(region),
          areaRef: uuidFromString(`np-area|${areaName(region)}`), kind: 'village', population, points: [],
          workDays: new Set(), cityId: 0, key: normalizeText(name),
        };
        byAddress.set(key, s);
      }
      return s;
    };
    for (const s of ctx.dataset.settlements) if (s.country === 'UA') add(s.region, s.name, s.population);
    const npPoints = ctx.dataset.branches.filter((b) => b.carrier === 'nova-poshta').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const b of npPoints) {
      const s = add(b.address.region, b.address.city, 0);
      // The dataset may carry the carrier's own city ref (real data): it wins over the derived one.
      if (s.points.length === 0 && b.carrierRefs?.cityRef) s.cityRef = b.carrierRefs.cityRef;
      s.points.push(b);
      for (const h of b.hours) (s.workDays as Set<number>).add(h.day);
    }
    const list = [...byAddress.values()].sort((a, b) => a.name.localeCompare(b.name, 'uk') || a.area.localeCompare(b.area, 'uk'));
    list.forEach((s, i) => {
      s.kind = kindOf(s.population, s.points.length);
      s.cityId = i + 1;
    });
    const hubOf = new Map<string, string>();
    const best = new Map<string, NpSettlement>();
    for (const s of list) {
      const cur = best.get(s.area);
      if (!cur || s.points.length > cur.points.length) best.set(s.area, s);
    }
    for (const [area, s] of best) hubOf.set(area, `${s.name.toLocaleUpperCase('uk')} ПОСИЛКОВИЙ`);
    return { list, byAddress, hubOf };
  });
}

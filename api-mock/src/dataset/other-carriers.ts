import type { Branch } from '../../../widget/src/model/branch.js';
import { otherLimits, PAY } from './common-limits.js';
import { houseNumber, intlPhone, PostcodeAllocator, scatter } from './core.js';
import { HOURS, NO_EXCEPTIONS, type HoursKey } from './hours.js';
import { realPlaces, type CountryCode, type Place } from './places.js';
import { apportion, createRng, type Rng } from './prng.js';
import { BY_REGIONS, KZ_REGIONS, PL_REGIONS, UZ_REGIONS, type RegionInfo } from './regions.js';

export interface CarrierCounts {
  offices: number;
  lockers: number;
  pickupPoints: number;
}
export type OtherCountry = 'PL' | 'KZ' | 'BY' | 'UZ';
export type OtherCounts = Partial<Record<OtherCountry, CarrierCounts>>;

interface CountryStyle {
  regions: Record<string, RegionInfo>;
  postcodeDigits: number;
  prefixDigits: number;
  formatPostcode: (code: string) => string;
  officeCarrier: string;
  pointCarrier: string;
  idPrefix: { office: string; locker: string; pickup: string };
  currency: string;
  /** Declared-value limit of a locker, minor units. */
  declared: number;
  phone: (rng: Rng, area: string) => string;
  streets: readonly string[];
  officeName: (p: Place, n: number, postcode: string) => string;
  lockerName: (p: Place, n: number) => string;
  pickupName: (rng: Rng, p: Place) => string;
  addressLine: (p: Place, postcode: string, street: string, house: string) => string;
  officeHours: readonly HoursKey[];
}

function cityCode(p: Place): string {
  const ascii = p.cityLabel.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
  return (ascii + 'XXX').slice(0, 3);
}

const RU_STYLE_STREETS = [
  'ул. Абая', 'ул. Толе би', 'пр-т Республики', 'ул. Кенесары', 'пр-т Достык', 'ул. Сейфуллина', 'ул. Жибек Жолы',
  'ул. Ауэзова', 'ул. Ленина', 'пр-т Независимости', 'ул. Советская', 'ул. Пушкина', 'ул. Якуба Коласа',
  'ул. Янки Купалы', 'ул. Кирова', 'пр-т Машерова', 'ул. Гагарина', 'ул. Мира',
];

const STYLES: Record<OtherCountry, CountryStyle> = {
  PL: {
    regions: PL_REGIONS,
    postcodeDigits: 5,
    prefixDigits: 2,
    formatPostcode: (c) => `${c.slice(0, 2)}-${c.slice(2)}`,
    officeCarrier: 'poczta-polska',
    pointCarrier: 'inpost',
    idPrefix: { office: 'pp-', locker: 'inpost-l-', pickup: 'inpost-p-' },
    currency: 'PLN',
    declared: 500_000,
    phone: (rng, area) => intlPhone(rng, '48', area, 7),
    streets: [
      'ul. Główna', 'ul. Kościuszki', 'ul. Mickiewicza', 'ul. Słowackiego', 'ul. Sienkiewicza', 'ul. Polna',
      'ul. Leśna', 'ul. Szkolna', 'ul. Ogrodowa', 'ul. Lipowa', 'ul. Kolejowa', 'ul. Jana Pawła II',
      'ul. Piłsudskiego', 'ul. Wojska Polskiego', 'ul. 3 Maja', 'ul. Kwiatowa', 'ul. Słoneczna', 'al. Niepodległości',
    ],
    officeName: (p, n) => `Urząd Pocztowy ${p.cityLabel} ${n}`,
    lockerName: (p, n) => `Paczkomat ${cityCode(p)}${String(n).padStart(2, '0')}M`,
    pickupName: (rng, p) => `PaczkoPunkt ${cityCode(p)}${rng.int(10, 999)}APP`,
    addressLine: (p, pc, s, h) => `${s} ${h}, ${pc} ${p.cityLabel}`,
    officeHours: ['officeEU'],
  },
  KZ: {
    regions: KZ_REGIONS,
    postcodeDigits: 6,
    prefixDigits: 2,
    formatPostcode: (c) => c,
    officeCarrier: 'kazpost',
    pointCarrier: 'kazpost',
    idPrefix: { office: 'kp-', locker: 'kp-l-', pickup: 'kp-p-' },
    currency: 'KZT',
    declared: 50_000_000,
    phone: (rng, area) => intlPhone(rng, '7', area, 10 - area.length),
    streets: RU_STYLE_STREETS.slice(0, 9),
    officeName: (p, n) => `Отделение почтовой связи №${n} ${p.cityLabel}`,
    lockerName: (_p, n) => `Постамат №${n}`,
    pickupName: (_r, p) => `Пункт выдачи ${p.cityLabel}`,
    addressLine: (p, pc, s, h) => `${pc}, ${p.localType} ${p.cityLabel}, ${s}, ${h}`,
    officeHours: ['officeAsia', 'officeRural'],
  },
  BY: {
    regions: BY_REGIONS,
    postcodeDigits: 6,
    prefixDigits: 3,
    formatPostcode: (c) => c,
    officeCarrier: 'belpost',
    pointCarrier: 'belpost',
    idPrefix: { office: 'bp-', locker: 'bp-l-', pickup: 'bp-p-' },
    currency: 'BYN',
    declared: 100_000,
    phone: (rng, area) => intlPhone(rng, '375', area, 9 - area.length),
    streets: RU_STYLE_STREETS.slice(8),
    officeName: (p, _n, pc) => `Отделение почтовой связи ${p.cityLabel} ${pc}`,
    lockerName: (_p, n) => `Почтомат №${n}`,
    pickupName: (rng) => `Пункт выдачи «${rng.pick(['Евроопт', 'Соседи', 'Белмаркет', 'Санта'])}»`,
    addressLine: (p, pc, s, h) => `${pc}, ${p.localType} ${p.cityLabel}, ${s}, ${h}`,
    officeHours: ['officeEU', 'ruTown', 'officeRural'],
  },
  UZ: {
    regions: UZ_REGIONS,
    postcodeDigits: 6,
    prefixDigits: 3,
    formatPostcode: (c) => c,
    officeCarrier: 'uzpost',
    pointCarrier: 'uzpost',
    idPrefix: { office: 'uzp-', locker: 'uzp-l-', pickup: 'uzp-p-' },
    currency: 'UZS',
    declared: 1_000_000_000,
    phone: (rng, area) => intlPhone(rng, '998', area, 7),
    streets: [
      'Amir Temur ko‘chasi', 'Mustaqillik ko‘chasi', 'Alisher Navoiy ko‘chasi', 'Bobur ko‘chasi',
      'Ibn Sino ko‘chasi', 'Mirzo Ulug‘bek ko‘chasi', 'Yunusobod ko‘chasi', 'Bunyodkor shoh ko‘chasi',
    ],
    officeName: (p, n) => `${p.cityLabel} ${n}-aloqa bo‘limi`,
    lockerName: (_p, n) => `Pochtamat №${n}`,
    pickupName: (_r, p) => `Topshirish punkti ${p.cityLabel}`,
    addressLine: (p, pc, s, h) => `${s}, ${h}, ${p.cityLabel}, ${pc}`,
    officeHours: ['officeAsia', 'officeRural'],
  },
};

/** The stress-size countries: one postal operator each plus a locker/pickup network. Returns the countries. */
export function generateOtherCarriers(seed: number, counts: OtherCounts, out: Branch[]): CountryCode[] {
  const done: CountryCode[] = [];
  for (const country of ['PL', 'KZ', 'BY', 'UZ'] as const) {
    const c = counts[country];
    if (!c) continue;
    generateCountry(seed, country, c, out);
    done.push(country);
  }
  return done;
}

function generateCountry(seed: number, country: OtherCountry, counts: CarrierCounts, out: Branch[]): void {
  const style = STYLES[country];
  const rng = createRng(seed, `${country}/carriers`);
  const places = realPlaces(country);
  const limits = otherLimits(style.currency, style.declared);
  const allocator = new PostcodeAllocator(style.postcodeDigits, style.prefixDigits, Object.values(style.regions));
  const offices = apportion(counts.offices, places.map((p) => Math.pow(p.population, 0.85)), counts.offices >= places.length * 1.5 ? 1 : 0);

  const byRegion = new Map<string, number[]>();
  places.forEach((p, i) => byRegion.set(p.adminCode, [...(byRegion.get(p.adminCode) ?? []), i]));
  const codes: string[][] = places.map(() => []);
  for (const idxs of byRegion.values()) {
    const first = idxs[0];
    if (first === undefined) continue;
    const groups = allocator.allocateRegion(places[first]?.regionInfo.prefixes ?? [], idxs.map((i) => Math.max(1, offices[i] ?? 0)), true);
    idxs.forEach((i, g) => (codes[i] = (groups[g] ?? []).map((x) => style.formatPostcode(allocator.format(x)))));
  }

  const base = (p: Place, postcode: string) => {
    const c = scatter(rng, country, p.lat, p.lng, 0, p.radiusKm);
    const street = rng.pick(style.streets);
    const house = houseNumber(rng, country === 'PL' || country === 'UZ' ? 'latin' : 'ru', p.population < 5_000);
    return {
      address: { country, region: p.region, city: p.cityLabel, street, house, postcode },
      addressLine: style.addressLine(p, postcode, street, house),
      lat: c.lat,
      lng: c.lng,
      timeZone: p.timeZone,
      exceptions: NO_EXCEPTIONS as Branch['exceptions'],
    };
  };
  let officeSeq = 0;
  places.forEach((p, i) => {
    const list = codes[i] ?? [];
    for (let k = 0; k < (offices[i] ?? 0); k++) {
      officeSeq += 1;
      const postcode = list[k] ?? list[0] ?? '';
      out.push({
        id: `${style.idPrefix.office}${officeSeq}`,
        carrier: style.officeCarrier,
        type: 'post_office',
        name: style.officeName(p, k + 1, postcode),
        ...base(p, postcode),
        hours: HOURS[rng.pick(style.officeHours)] as Branch['hours'],
        payment: PAY.all,
        limits: limits.office,
        phone: style.phone(rng, p.regionInfo.phoneCode),
        status: rng.chance(0.01) ? 'temporarily_closed' : 'open',
      });
    }
  });
  const emitPoints = (total: number, type: 'parcel_locker' | 'pickup_point'): void => {
    const per = apportion(total, places.map((p) => (p.population >= 8_000 ? Math.pow(p.population, 1.1) : 0)));
    let seq = 0;
    places.forEach((p, i) => {
      const list = codes[i] ?? [];
      for (let k = 0; k < (per[i] ?? 0); k++) {
        seq += 1;
        const locker = type === 'parcel_locker';
        out.push({
          id: `${locker ? style.idPrefix.locker : style.idPrefix.pickup}${seq}`,
          carrier: style.pointCarrier,
          type,
          name: locker ? style.lockerName(p, k + 1) : style.pickupName(rng, p),
          ...base(p, list[k % Math.max(1, list.length)] ?? ''),
          hours: HOURS[locker ? 'allDay' : 'pickupA'] as Branch['hours'],
          payment: locker ? PAY.cardCod : PAY.all,
          limits: locker ? limits.locker : limits.pickup,
          status: 'open',
        });
      }
    });
  };
  emitPoints(counts.lockers, 'parcel_locker');
  emitPoints(counts.pickupPoints, 'pickup_point');
}

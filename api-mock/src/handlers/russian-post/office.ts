// Our Branch -> the Russian Post "postoffice" office shape (RpOfficeSchema in
// widget/src/carriers/russian-post.ts; a recorded answer in widget/src/carriers/fixtures/rp-offices.json).
import type { Branch } from '../../../../widget/src/model/index.js';
import { hash32 } from '../../util/hash.js';

export interface RpWorkingDay {
  'weekday-id': number;
  'begin-worktime': string;
  'end-worktime': string;
  lunches: Array<{ 'begin-lunchtime': string; 'end-lunchtime': string }>;
}

export interface RpOffice {
  'postal-code': string;
  'address-source': string;
  'type-code': string;
  settlement: string;
  region: string;
  latitude: number;
  longitude: number;
  'is-closed': boolean;
  'is-temporary-closed': boolean;
  'is-private-category': boolean;
  'working-hours': RpWorkingDay[];
  'works-on-saturdays': boolean;
  'works-on-sundays': boolean;
  phones: Array<{ 'phone-number': string; 'phone-town-code': string }>;
}

/** "08:00" -> "08:00:00.000", the carrier's time format. */
export function rpTime(hhmm: string): string {
  return `${hhmm}:00.000`;
}

/**
 * GOPS (city office) or SOPS (rural office) for post offices, PM for parcel lockers ("почтомат"),
 * PVZ for pickup points. City/rural is not in our model, so it is derived stably from the id.
 */
export function rpTypeCode(b: Pick<Branch, 'id' | 'type'>): string {
  if (b.type === 'parcel_locker') return 'PM';
  if (b.type === 'pickup_point') return 'PVZ';
  return hash32(b.id, 7) % 5 === 0 ? 'SOPS' : 'GOPS';
}

/** "+7 (800) 100-00-00" -> town code "800", number "1000000". */
export function rpPhones(phone: string | undefined): RpOffice['phones'] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) {
    return [{ 'phone-number': digits.slice(4), 'phone-town-code': digits.slice(1, 4) }];
  }
  return [{ 'phone-number': digits, 'phone-town-code': '' }];
}

export function toRpOffice(b: Branch): RpOffice {
  const hours = [...b.hours].sort((x, y) => x.day - y.day);
  return {
    'postal-code': b.address.postcode,
    'address-source': [b.address.street, b.address.house].filter(Boolean).join(', ') || b.addressLine,
    'type-code': rpTypeCode(b),
    settlement: b.address.city,
    region: b.address.region,
    latitude: b.lat,
    longitude: b.lng,
    'is-closed': b.status === 'closed',
    'is-temporary-closed': b.status === 'temporarily_closed',
    'is-private-category': false,
    'working-hours': hours.map((h) => ({
      'weekday-id': h.day,
      'begin-worktime': rpTime(h.open),
      'end-worktime': rpTime(h.close),
      lunches: h.breaks.map((br) => ({ 'begin-lunchtime': rpTime(br.from), 'end-lunchtime': rpTime(br.to) })),
    })),
    'works-on-saturdays': hours.some((h) => h.day === 6),
    'works-on-sundays': hours.some((h) => h.day === 7),
    phones: rpPhones(b.phone),
  };
}

/** Every day of the week, 00:00 to 24:00 without breaks. */
export function isRoundTheClock(b: Pick<Branch, 'hours'>): boolean {
  for (let d = 1; d <= 7; d++) {
    const h = b.hours.find((x) => x.day === d);
    if (!h || h.open !== '00:00' || (h.close !== '24:00' && h.close !== '00:00') || h.breaks.length > 0) return false;
  }
  return true;
}

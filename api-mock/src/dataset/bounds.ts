/** Rough bounding boxes [south, west, north, east] per country; Russia needs a second box east of 180°. */
export const COUNTRY_BOXES: Readonly<Record<string, readonly (readonly [number, number, number, number])[]>> = {
  RU: [[41.1, 19.6, 81.9, 180], [64.0, -180, 72.0, -168.9]],
  UA: [[44.3, 22.1, 52.4, 40.3]],
  KZ: [[40.5, 46.4, 55.5, 87.4]],
  BY: [[51.2, 23.1, 56.2, 32.8]],
  PL: [[49.0, 14.1, 54.9, 24.2]],
  UZ: [[37.1, 55.9, 45.6, 73.2]],
};

export function insideCountryBox(country: string, lat: number, lng: number): boolean {
  const boxes = COUNTRY_BOXES[country];
  if (!boxes) return false;
  return boxes.some(([s, w, n, e]) => lat >= s && lat <= n && lng >= w && lng <= e);
}

/**
 * IANA zones that belong to each country. A coordinate whose zone is not in its country's list has
 * drifted across a border (tz-lookup follows the real borders), so placement retries closer to the centre.
 */
export const COUNTRY_ZONES: Readonly<Record<string, ReadonlySet<string>>> = {
  RU: new Set([
    'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Kirov', 'Europe/Volgograd', 'Europe/Astrakhan', 'Europe/Saratov',
    'Europe/Ulyanovsk', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk', 'Asia/Barnaul',
    'Asia/Tomsk', 'Asia/Novokuznetsk', 'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Chita', 'Asia/Yakutsk',
    'Asia/Khandyga', 'Asia/Vladivostok', 'Asia/Ust-Nera', 'Asia/Magadan', 'Asia/Sakhalin', 'Asia/Srednekolymsk',
    'Asia/Kamchatka', 'Asia/Anadyr',
  ]),
  UA: new Set(['Europe/Kyiv', 'Europe/Kiev', 'Europe/Uzhgorod', 'Europe/Zaporozhye']),
  KZ: new Set(['Asia/Almaty', 'Asia/Qyzylorda', 'Asia/Qostanay', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral']),
  BY: new Set(['Europe/Minsk']),
  PL: new Set(['Europe/Warsaw']),
  UZ: new Set(['Asia/Tashkent', 'Asia/Samarkand']),
};

/** tz-lookup still answers the pre-2022 names for Ukraine; the current IANA name is Europe/Kyiv. */
export function normaliseZone(zone: string): string {
  return zone === 'Europe/Kiev' || zone === 'Europe/Uzhgorod' || zone === 'Europe/Zaporozhye' ? 'Europe/Kyiv' : zone;
}

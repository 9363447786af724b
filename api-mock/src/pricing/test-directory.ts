// A tiny fixed directory for the pricing and handler tests.
import type { TariffDirectory, TariffPlace } from './directory.js';

export const PLACES: Record<string, TariffPlace> = {
  '101000': { lat: 55.7577, lng: 37.6376, name: 'МОСКВА 101000', type: 'post_office', status: 'open', timeZone: 'Europe/Moscow' },
  '115162': { lat: 55.7069, lng: 37.6213, name: 'МОСКВА 162', type: 'post_office', status: 'open', timeZone: 'Europe/Moscow' },
  '344038': { lat: 47.2571, lng: 39.7137, name: 'РОСТОВ-НА-ДОНУ 38', type: 'post_office', status: 'open', timeZone: 'Europe/Moscow' },
  '630099': { lat: 55.0302, lng: 82.9204, name: 'НОВОСИБИРСК 99', type: 'post_office', status: 'open', timeZone: 'Asia/Novosibirsk' },
  '690091': { lat: 43.1155, lng: 131.8855, name: 'ВЛАДИВОСТОК 91', type: 'post_office', status: 'open', timeZone: 'Asia/Vladivostok' },
  '101901': { lat: 55.758, lng: 37.64, name: 'ПОЧТОМАТ 101901', type: 'parcel_locker', status: 'open', maxWeightG: 15_000, timeZone: 'Europe/Moscow' },
  '101999': { lat: 55.759, lng: 37.641, name: 'МОСКВА 101999', type: 'post_office', status: 'temporarily_closed', timeZone: 'Europe/Moscow' },
};

export const NP_CITIES = {
  kyiv: { ref: '8d5a980d-391c-11dd-90d9-001a92567626', lat: 50.4501, lng: 30.5234, name: 'Kyiv' },
  lviv: { ref: 'db5c88f5-391c-11dd-90d9-001a92567626', lat: 49.8397, lng: 24.0297, name: 'Lviv' },
  kharkiv: { ref: 'db5c88e0-391c-11dd-90d9-001a92567626', lat: 49.9935, lng: 36.2304, name: 'Kharkiv' },
  brovary: { ref: 'db5c8892-391c-11dd-90d9-001a92567626', lat: 50.5111, lng: 30.7903, name: 'Brovary' },
} as const;

export const NP_LOCKER_REF = 'f0a1b2c3-0000-4000-8000-000000000001';

export const testDirectory: TariffDirectory = {
  byPostcode: (index) => PLACES[index],
  npCity: (ref) => Object.values(NP_CITIES).find((c) => c.ref === ref),
  npWarehouse: (ref) =>
    ref === NP_LOCKER_REF
      ? { ...NP_CITIES.kyiv, name: 'Postomat 1', type: 'parcel_locker', cityRef: NP_CITIES.kyiv.ref }
      : undefined,
};

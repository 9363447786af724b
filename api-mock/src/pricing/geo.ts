// Distance and zones: tariffs grow with great-circle distance between origin and destination,
// the way postal zone tables are derived (zones are distance bands, not administrative regions).
import { haversineRad } from '../shared-logic.js';
import { EARTH_RADIUS_KM } from '../spatial/geo.js';

export interface Coord {
  lat: number;
  lng: number;
}

/** Great-circle (haversine, the widget's widget/src/core/geo.ts) distance in kilometres. */
export function greatCircleKm(a: Coord, b: Coord): number {
  return EARTH_RADIUS_KM * haversineRad(a.lat, a.lng, b.lat, b.lng);
}

/** Upper bounds (km) of tariff zones 1..6; beyond the last bound is zone 7. */
export const ZONE_BOUNDS_KM = [50, 600, 1200, 2000, 4000, 7000] as const;

/** Tariff zone 1..7: non-decreasing in distance. */
export function zoneOf(km: number): number {
  const i = ZONE_BOUNDS_KM.findIndex((bound) => km <= bound);
  return i === -1 ? ZONE_BOUNDS_KM.length + 1 : i + 1;
}

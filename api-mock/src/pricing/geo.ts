// Distance and zones: tariffs grow with great-circle distance between origin and destination,
// the way postal zone tables are derived (zones are distance bands, not administrative regions).

export interface Coord {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in kilometres. */
export function greatCircleKm(a: Coord, b: Coord): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Upper bounds (km) of tariff zones 1..6; beyond the last bound is zone 7. */
export const ZONE_BOUNDS_KM = [50, 600, 1200, 2000, 4000, 7000] as const;

/** Tariff zone 1..7: non-decreasing in distance. */
export function zoneOf(km: number): number {
  const i = ZONE_BOUNDS_KM.findIndex((bound) => km <= bound);
  return i === -1 ? ZONE_BOUNDS_KM.length + 1 : i + 1;
}

// Plain geodesy helpers shared by the feed, Russian Post "nearby", search ranking, tariffs and the dataset.
// The haversine and the Earth radius are the widget's (widget/src/core/geo.ts); this is their scalar-argument form.
import { EARTH_RADIUS_M, haversineRad } from '../shared-logic.js';

/** The widget's mean Earth radius, in kilometres. */
export const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;

/**
 * Kilometres per degree of latitude (and of longitude at the equator) for flat offsets and search boxes.
 * The equatorial figure, not 2πR/360 of EARTH_RADIUS_KM (111.195): the seeded dataset's coordinates are
 * computed with it, and changing it would move every generated point.
 */
export const KM_PER_DEGREE = 111.32;

/** Great-circle distance in metres. */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return EARTH_RADIUS_M * haversineRad(lat1, lng1, lat2, lng2);
}

// Plain geodesy helpers shared by the feed, Russian Post "nearby" and search ranking.
// The haversine itself is the widget's (widget/src/core/geo.ts); this is its scalar-argument form.
import { EARTH_RADIUS_M, haversineRad } from '../shared-logic.js';

/** Great-circle distance in metres. */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return EARTH_RADIUS_M * haversineRad(lat1, lng1, lat2, lng2);
}

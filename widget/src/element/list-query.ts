// What the list asks the API for: the buyer's filters within what the shop allows, and, in the
// list-only layout (no map view to take a bbox from), a box around the centre.
import type { FilterState } from '../core/filters.js';
import { BRANCH_TYPES, type BranchType } from '../model/index.js';
import type { Settings } from './settings.js';

/** list-only layout: the area searched around the centre, widened once when empty. */
const LIST_RADIUS_DEG = 0.12;

export function queryFilters(s: Pick<Settings, 'types' | 'carriers'>, f: FilterState) {
  const allowed: readonly BranchType[] = s.types.length ? s.types : [...BRANCH_TYPES];
  const types = f.types.length ? f.types.filter((x) => allowed.includes(x)) : s.types;
  return { types, carriers: s.carriers, payment: f.payment, openNow: f.openNow, weekends: f.weekends };
}

/** [west, south, east, north] around the centre; longitude span grows with latitude (capped near the poles). */
export function listArea(centre: { lat: number; lng: number }, widen: number): [number, number, number, number] {
  const d = LIST_RADIUS_DEG * widen;
  const k = Math.max(0.2, Math.cos((centre.lat * Math.PI) / 180));
  return [centre.lng - d / k, centre.lat - d, centre.lng + d / k, centre.lat + d];
}

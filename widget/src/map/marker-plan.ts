// Which markers to add, keep and remove after the map moved. Pure, so it is testable
// without Leaflet: markers are keyed by id and reused between moves, and the DOM never
// holds more than `cap` of them (the nearest to the view centre win).
import type { FeedItem } from '../model/index.js';

export const MARKER_CAP = 300;

/** Stable key: a cluster whose count changed is a different marker (its badge differs). */
export function markerKey(item: FeedItem): string {
  return item.kind === 'point' ? `p:${item.id}` : `c:${item.id}:${item.count}`;
}

export interface MarkerPlan {
  add: FeedItem[];
  /** Keys already on the map that stay (their DOM is reused). */
  keep: string[];
  remove: string[];
}

/**
 * @param current keys of markers now on the map
 * @param items   what the feed says is in view (may contain duplicates across tiles)
 * @param pinned  a point key that must stay visible (the selected point), if present in items
 */
export function planMarkers(
  current: Iterable<string>,
  items: readonly FeedItem[],
  centre: { lat: number; lng: number },
  cap = MARKER_CAP,
  pinned?: string,
): MarkerPlan {
  const byKey = new Map<string, FeedItem>();
  for (const item of items) byKey.set(markerKey(item), item);
  let wanted = [...byKey.entries()];
  if (wanted.length > cap) {
    // Cheap planar distance is enough for ranking within one view; cos(lat) keeps it fair.
    const k = Math.cos((centre.lat * Math.PI) / 180);
    const d = (i: FeedItem) => ((i.lat - centre.lat) ** 2 + ((i.lng - centre.lng) * k) ** 2);
    wanted.sort((a, b) => (a[0] === pinned ? -1 : b[0] === pinned ? 1 : d(a[1]) - d(b[1])));
    wanted = wanted.slice(0, cap);
  }
  const wantedKeys = new Set(wanted.map(([k]) => k));
  const currentSet = new Set(current);
  const plan: MarkerPlan = { add: [], keep: [], remove: [] };
  for (const key of currentSet) (wantedKeys.has(key) ? plan.keep : plan.remove).push(key);
  for (const [key, item] of wanted) if (!currentSet.has(key)) plan.add.push(item);
  return plan;
}

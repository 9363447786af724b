// Loads the server-clustered point feed tile by tile for the current view: cached (LRU),
// at most 6 requests in flight, stale views aborted, results delivered progressively.
import type { ApiClient, Filters } from '../api/client.js';
import { isAbort } from '../api/client.js';
import type { FeedItem } from '../model/index.js';
import { tilesInBounds, type TileCoord } from '../core/geo.js';

const CACHE_SIZE = 256;
const MAX_IN_FLIGHT = 6;
/** A view never needs more feed tiles than this (a 4K screen at one zoom is ~60). */
const MAX_TILES = 64;
/** The feed has no tiles finer than this; deeper map zooms reuse them. */
export const FEED_MAX_ZOOM = 18;

export class TileLoader {
  private cache = new Map<string, FeedItem[]>();
  private ctrl: AbortController | undefined;

  constructor(private api: ApiClient) {}

  setApi(api: ApiClient): void {
    this.api = api;
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  abort(): void {
    this.ctrl?.abort();
  }

  /**
   * Load every tile of the view. `onItems` is called with all items known so far each time
   * a tile arrives. Resolves with the first error (other tiles still render), or undefined.
   */
  async load(
    bbox: readonly [number, number, number, number],
    zoom: number,
    filters: Filters,
    onItems: (items: FeedItem[]) => void,
  ): Promise<unknown> {
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    const z = Math.max(0, Math.min(FEED_MAX_ZOOM, Math.round(zoom)));
    const fkey = JSON.stringify([filters.types ?? [], filters.carriers ?? []]);
    const tiles = centreFirst(tilesInBounds({ west: bbox[0], south: bbox[1], east: bbox[2], north: bbox[3] }, z)).slice(0, MAX_TILES);
    const parts: FeedItem[][] = [];
    const pending: TileCoord[] = [];
    for (const t of tiles) {
      const hit = this.cache.get(`${fkey}|${t.z}/${t.x}/${t.y}`);
      if (hit) parts.push(hit);
      else pending.push(t);
    }
    if (parts.length || !pending.length) onItems(parts.flat());
    let firstError: unknown;
    const worker = async () => {
      for (let t = pending.shift(); t; t = pending.shift()) {
        if (ctrl.signal.aborted) return;
        try {
          const res = await this.api.tile(t.z, t.x, t.y, filters, ctrl.signal);
          const key = `${fkey}|${t.z}/${t.x}/${t.y}`;
          this.cache.set(key, res.items);
          if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
          parts.push(res.items);
          if (!ctrl.signal.aborted) onItems(parts.flat());
        } catch (e) {
          if (isAbort(e) || ctrl.signal.aborted) return;
          firstError ??= e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, pending.length) }, worker));
    return ctrl.signal.aborted ? undefined : firstError;
  }
}

/** Tiles nearest the middle of the view load first: that is where the buyer looks. */
function centreFirst(tiles: TileCoord[]): TileCoord[] {
  if (!tiles.length) return tiles;
  const xs = tiles.map((t) => t.x);
  const ys = tiles.map((t) => t.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const d = (t: TileCoord) => (t.x - cx) ** 2 + (t.y - cy) ** 2;
  return [...tiles].sort((a, b) => d(a) - d(b));
}

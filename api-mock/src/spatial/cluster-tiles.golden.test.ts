// Golden tiles (as supercluster's own test/test.js checks against fixtures): for the same points,
// the sandbox's tile feed and the widget's list-feed worker answer every tile identically, and
// both match the checked-in expectation. Fixture: widget/src/core/fixtures/cluster-tiles.golden.json.
import { describe, expect, it } from 'vitest';
import golden from '../../../widget/src/core/fixtures/cluster-tiles.golden.json' with { type: 'json' };
import { ClusterIndex } from '../../../widget/src/points/cluster-index.js';
import { toTable } from '../../../widget/src/points/cluster-protocol.js';
import type { Branch, FeedItem } from '../../../widget/src/model/index.js';
import { ClusterCache } from './cluster-cache.js';

type GoldenTile = { z: number; x: number; y: number; total: number; items: FeedItem[] };
const points = golden.points;
const tiles = golden.tiles as GoldenTile[];

/** The worker prefixes cluster ids with its load generation ("g1-1479"); the server sends the bare id. */
const bareIds = (items: FeedItem[]): FeedItem[] => items.map((it) => (it.kind === 'cluster' ? { ...it, id: it.id.replace(/^g\d+-/, '') } : it));

describe('cluster tiles: server feed and worker agree (golden fixture)', () => {
  const server = new ClusterCache(points.map((p) => ({ ...p, payment: [] })) as unknown as Branch[]);
  const worker = new ClusterIndex();
  worker.load(toTable(points));

  it('the fixture covers clusters, single points and several zooms', () => {
    const zooms = new Set(tiles.map((t) => t.z));
    expect(zooms.size).toBeGreaterThanOrEqual(5);
    expect(tiles.some((t) => t.items.some((i) => i.kind === 'cluster'))).toBe(true);
    expect(tiles.some((t) => t.items.some((i) => i.kind === 'point'))).toBe(true);
    // Tiles partition the points: every zoom accounts for each point once (edges de-duplicated).
    for (const z of zooms) expect(tiles.filter((t) => t.z === z).reduce((s, t) => s + t.total, 0)).toBe(points.length);
  });

  it('the server\'s tile feed answers every golden tile exactly', () => {
    for (const t of tiles) expect(server.tile(t.z, t.x, t.y, {}), `${t.z}/${t.x}/${t.y}`).toEqual({ total: t.total, items: t.items });
  });

  it('the worker answers every golden tile exactly (cluster ids up to its generation prefix)', () => {
    for (const t of tiles) {
      const got = worker.tile(t.z, t.x, t.y, {});
      expect(got.total, `${t.z}/${t.x}/${t.y}`).toBe(t.total);
      expect(bareIds(got.items), `${t.z}/${t.x}/${t.y}`).toEqual(t.items);
    }
  });

  it('tiles left out of the fixture are empty on both sides', () => {
    const listed = new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`));
    for (const z of [2, 4]) {
      for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) {
        if (listed.has(`${z}/${x}/${y}`)) continue;
        expect(server.tile(z, x, y, {}).items).toEqual([]);
        expect(worker.tile(z, x, y, {}).items).toEqual([]);
      }
    }
  });
});

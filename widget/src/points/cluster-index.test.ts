import { describe, expect, it } from 'vitest';
import { FeedItem, parseEach } from '../model/index.js';
import { tileBounds } from '../core/geo.js';
import { mercatorX, mercatorY } from '../core/cluster-tile.js';
import { ClusterIndex } from './cluster-index.js';
import { toTable, type ClusterFilter } from './cluster-protocol.js';

/** A deterministic cloud of points around Kyiv plus a few in Lviv. */
function points(n: number) {
  const out = [];
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < n; i++) {
    const lviv = i % 10 === 0;
    out.push({
      id: `np-${i}`,
      carrier: 'nova-poshta',
      type: i % 3 === 0 ? 'parcel_locker' : 'post_office',
      status: i % 50 === 0 ? 'temporarily_closed' : 'open',
      lat: (lviv ? 49.84 : 50.45) + (rnd() - 0.5) * 0.2,
      lng: (lviv ? 24.03 : 30.52) + (rnd() - 0.5) * 0.3,
    });
  }
  return out;
}

const count = (items: FeedItem[]) => items.reduce((s, it) => s + (it.kind === 'cluster' ? it.count : 1), 0);

/** Every item of the tiles at zoom z that cover a [west, south, east, north] box, via tile() only. */
function itemsOver(index: ClusterIndex, [w, s, e, n]: [number, number, number, number], z: number, filter: ClusterFilter = {}): FeedItem[] {
  const size = 2 ** z;
  const cell = (v: number) => Math.min(size - 1, Math.max(0, Math.floor(v * size)));
  const out: FeedItem[] = [];
  for (let x = cell(mercatorX(w)); x <= cell(mercatorX(e)); x++) {
    for (let y = cell(mercatorY(n)); y <= cell(mercatorY(s)); y++) out.push(...index.tile(z, x, y, filter).items);
  }
  return out;
}

describe('ClusterIndex', () => {
  const pts = points(2000);
  const index = new ClusterIndex();
  index.load(toTable(pts));

  it('answers in the tile feed\'s FeedItem shape (valid against the wire schema)', () => {
    const items = itemsOver(index, [22, 44, 41, 53], 6);
    const { items: valid, rejected } = parseEach(FeedItem, items);
    expect(rejected).toEqual([]);
    expect(valid.length).toBe(items.length);
    expect(items.some((i) => i.kind === 'cluster')).toBe(true);
  });

  it('accounts for every point at a low zoom, and shows single points past maxZoom', () => {
    expect(index.tile(0, 0, 0, {}).total).toBe(2000);
    const box = { w: 30.5, s: 50.44, e: 30.52, n: 50.46 };
    const covering = itemsOver(index, [box.w, box.s, box.e, box.n], 18);
    expect(covering.every((i) => i.kind === 'point')).toBe(true);
    // The covering tiles reach a little past the box: keep the points inside it (by their unrounded coordinates).
    const inside = (p: { lat: number; lng: number }) => p.lng >= box.w && p.lng <= box.e && p.lat >= box.s && p.lat <= box.n;
    const byId = new Map(pts.map((p) => [p.id, p]));
    const deep = covering.filter((i) => inside(byId.get(i.id)!));
    const inBox = pts.filter(inside);
    expect(new Set(deep.map((i) => i.id))).toEqual(new Set(inBox.map((p) => p.id)));
    const one = deep.find((i) => i.kind === 'point');
    expect(one).toMatchObject({ carrier: 'nova-poshta', status: pts.find((p) => p.id === one?.id)?.status });
  });

  it('a cluster expands at a deeper zoom than the one it was drawn at', () => {
    const clusters = itemsOver(index, [22, 44, 41, 53], 8).filter((i) => i.kind === 'cluster');
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) expect(c.kind === 'cluster' && c.expansionZoom).toBeGreaterThan(8);
  });

  it('tiles partition the points: tile totals add up to the points inside them', () => {
    const z = 7;
    let sum = 0;
    for (let x = 70; x <= 75; x++) for (let y = 40; y <= 46; y++) sum += index.tile(z, x, y, {}).total;
    const b = { w: tileBounds({ z, x: 70, y: 46 }).west, e: tileBounds({ z, x: 75, y: 40 }).east, s: tileBounds({ z, x: 70, y: 46 }).south, n: tileBounds({ z, x: 75, y: 40 }).north };
    const inside = pts.filter((p) => p.lng >= b.w && p.lng < b.e && p.lat >= b.s && p.lat < b.n).length;
    expect(sum).toBe(inside);
    expect(sum).toBeGreaterThan(1000);
  });

  it('filters by type and carrier (a separate index per combination)', () => {
    const lockers = pts.filter((p) => p.type === 'parcel_locker').length;
    expect(index.tile(0, 0, 0, { types: ['parcel_locker'] }).total).toBe(lockers);
    expect(index.tile(0, 0, 0, { carriers: ['russian-post'] }).total).toBe(0);
    expect(count(itemsOver(index, [-180, -85, 180, 85], 3, { carriers: ['nova-poshta'], types: [] }))).toBe(2000);
  });

  it('cluster ids differ after a reload, so old cluster markers are never reused for new data', () => {
    const idx = new ClusterIndex();
    idx.load(toTable(pts));
    const a = itemsOver(idx, [22, 44, 41, 53], 6).find((i) => i.kind === 'cluster')!.id;
    idx.load(toTable(pts));
    const b = itemsOver(idx, [22, 44, 41, 53], 6).find((i) => i.kind === 'cluster')!.id;
    expect(a).not.toBe(b);
  });

  it('refuses a table whose columns disagree, and answers empty before any load', () => {
    const idx = new ClusterIndex();
    const t = toTable(pts.slice(0, 3));
    t.ids.push('extra');
    expect(() => idx.load(t)).toThrow(/one lng,lat pair per id/);
    expect(idx.tile(0, 0, 0, {})).toEqual({ items: [], total: 0 });
  });
});

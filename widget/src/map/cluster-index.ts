// Client-side clustering of a whole point list (e.g. every Nova Poshta warehouse), answering
// with the same FeedItem shape as the server's tile feed, so the map cannot tell the two apart.
// Runs inside the cluster worker; the ESM build can also run it on the main thread as a fallback.
// Imports stay zod-free (types only from the model): this file is the worker bundle.
import Supercluster from 'supercluster';
import type { FeedItem, FeedPoint } from '../model/feed.js';
import { tileBounds } from '../core/geo.js';

/** The same parameters as the sandbox's server-side clusters: both feeds look alike. */
export const CLUSTER_OPTIONS = { radius: 60, extent: 512, maxZoom: 16, minPoints: 2 } as const;
/** Filter combinations whose index is kept (a type toggle and back costs nothing). */
const INDEX_CACHE = 4;

/**
 * The point summaries, dictionary-encoded in columns: one structured clone of a few typed
 * arrays and one string array instead of 30k objects (the clone runs on the main thread).
 */
export interface PointTable {
  ids: string[];
  /** lng, lat pairs. */
  coords: Float64Array;
  carrier: Uint8Array;
  type: Uint8Array;
  status: Uint8Array;
  dict: { carrier: string[]; type: string[]; status: string[] };
}

export interface ClusterFilter {
  types?: readonly string[] | undefined;
  carriers?: readonly string[] | undefined;
}

export type ClusterRequest =
  | { op: 'load'; table: PointTable }
  | { op: 'tile'; z: number; x: number; y: number; filter: ClusterFilter }
  | { op: 'clusters'; bbox: [number, number, number, number]; zoom: number; filter: ClusterFilter };

export type ClusterAnswer =
  | { ok: true; count: number; items: FeedItem[]; ms: number }
  | { ok: false; error: string };

/** What travels over postMessage: a request tagged with its sequence number, and its answer. */
export interface ClusterEnvelope { seq: number; req: ClusterRequest }
export interface ClusterReply { seq: number; answer: ClusterAnswer }

type PointProps = { i: number };

export class ClusterIndex {
  private table: PointTable | undefined;
  /** Bumped on every load: cluster ids of one index never match another's markers. */
  private generation = 0;
  private indexes = new Map<string, Supercluster<PointProps>>();

  load(table: PointTable): number {
    if (table.coords.length !== table.ids.length * 2) throw new Error('coords must hold one lng,lat pair per id');
    this.table = table;
    this.generation++;
    this.indexes.clear();
    // Build the unfiltered index now: it is the one the first view asks for.
    this.index({});
    return table.ids.length;
  }

  get size(): number {
    return this.table?.ids.length ?? 0;
  }

  /** Clusters and points of a box at a map zoom (fractional zooms round like the tile feed). */
  clusters(bbox: [number, number, number, number], zoom: number, filter: ClusterFilter): FeedItem[] {
    const index = this.index(filter);
    if (!index) return [];
    const z = Math.max(0, Math.round(zoom));
    return index.getClusters(bbox, z).map((f) => this.toItem(index, f, z));
  }

  /** One Web Mercator tile, like GET /api/v1/tiles/{z}/{x}/{y}. */
  tile(z: number, x: number, y: number, filter: ClusterFilter): { items: FeedItem[]; total: number } {
    const b = tileBounds({ z, x, y });
    const items = this.clusters([b.west, b.south, b.east, b.north], z, filter);
    let total = 0;
    for (const it of items) total += it.kind === 'cluster' ? it.count : 1;
    return { items, total };
  }

  private toItem(index: Supercluster<PointProps>, f: Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<PointProps>, z: number): FeedItem {
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties;
    if ('cluster' in p && p.cluster) {
      const c = p as Supercluster.ClusterProperties;
      return {
        kind: 'cluster',
        id: `g${this.generation}-${c.cluster_id}`,
        lat,
        lng,
        count: c.point_count,
        // Past maxZoom supercluster stops clustering: the next zoom shows the points.
        expansionZoom: Math.max(z + 1, index.getClusterExpansionZoom(c.cluster_id)),
      };
    }
    const t = this.table!;
    const i = (p as PointProps).i;
    return {
      kind: 'point',
      id: t.ids[i]!,
      carrier: t.dict.carrier[t.carrier[i]!]!,
      type: t.dict.type[t.type[i]!] as FeedPoint['type'],
      status: t.dict.status[t.status[i]!] as FeedPoint['status'],
      lat,
      lng,
    };
  }

  /** The index of one filter combination, built on first use and kept (LRU). */
  private index(filter: ClusterFilter): Supercluster<PointProps> | undefined {
    const t = this.table;
    if (!t) return undefined;
    const key = filterKey(filter);
    const hit = this.indexes.get(key);
    if (hit) {
      this.indexes.delete(key);
      this.indexes.set(key, hit);
      return hit;
    }
    const allowType = codes(t.dict.type, filter.types);
    const allowCarrier = codes(t.dict.carrier, filter.carriers);
    const features: Supercluster.PointFeature<PointProps>[] = [];
    for (let i = 0; i < t.ids.length; i++) {
      if (allowType && !allowType.has(t.type[i]!)) continue;
      if (allowCarrier && !allowCarrier.has(t.carrier[i]!)) continue;
      features.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [t.coords[2 * i]!, t.coords[2 * i + 1]!] } });
    }
    const index = new Supercluster<PointProps>({ ...CLUSTER_OPTIONS }).load(features);
    this.indexes.set(key, index);
    if (this.indexes.size > INDEX_CACHE) this.indexes.delete(this.indexes.keys().next().value!);
    return index;
  }
}

function filterKey(f: ClusterFilter): string {
  return JSON.stringify([[...(f.types ?? [])].sort(), [...(f.carriers ?? [])].sort()]);
}

/** Dictionary codes allowed by a filter list; undefined = no restriction. */
function codes(dict: readonly string[], wanted: readonly string[] | undefined): Set<number> | undefined {
  if (!wanted || wanted.length === 0) return undefined;
  const out = new Set<number>();
  dict.forEach((v, i) => wanted.includes(v) && out.add(i));
  return out;
}

/** One request -> its answer; errors become answers (the worker never dies on a bad request). */
export function answer(index: ClusterIndex, req: ClusterRequest): ClusterAnswer {
  const t0 = performance.now();
  try {
    switch (req.op) {
      case 'load':
        return { ok: true, count: index.load(req.table), items: [], ms: performance.now() - t0 };
      case 'tile': {
        const r = index.tile(req.z, req.x, req.y, req.filter);
        return { ok: true, count: r.total, items: r.items, ms: performance.now() - t0 };
      }
      case 'clusters': {
        const items = index.clusters(req.bbox, req.zoom, req.filter);
        return { ok: true, count: items.length, items, ms: performance.now() - t0 };
      }
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Build a PointTable from summaries (main thread, once per load). */
export function toTable(points: ReadonlyArray<{ id: string; carrier: string; type: string; status: string; lat: number; lng: number }>): PointTable {
  const n = points.length;
  const table: PointTable = {
    ids: new Array<string>(n),
    coords: new Float64Array(n * 2),
    carrier: new Uint8Array(n),
    type: new Uint8Array(n),
    status: new Uint8Array(n),
    dict: { carrier: [], type: [], status: [] },
  };
  const code = (dict: string[], v: string): number => {
    let c = dict.indexOf(v);
    if (c < 0) {
      if (dict.length >= 255) throw new Error('too many distinct values for a one-byte code');
      c = dict.push(v) - 1;
    }
    return c;
  };
  points.forEach((p, i) => {
    table.ids[i] = p.id;
    table.coords[2 * i] = p.lng;
    table.coords[2 * i + 1] = p.lat;
    table.carrier[i] = code(table.dict.carrier, p.carrier);
    table.type[i] = code(table.dict.type, p.type);
    table.status[i] = code(table.dict.status, p.status);
  });
  return table;
}

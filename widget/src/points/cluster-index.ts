// Client-side clustering of a whole point list (e.g. every Nova Poshta warehouse), answering
// with the same FeedItem shape as the server's tile feed, so the map cannot tell the two apart.
// Runs inside the list feed's worker (whole-list-service.ts).
// Imports stay zod-free (types only from the model): this file is the worker bundle.
import Supercluster from 'supercluster';
import type { FeedPoint } from '../model/feed.js';
import { CLUSTER_OPTIONS, clusterTile, type ClusterPointProps, type ClusterTile, type PointFields } from '../core/cluster-tile.js';
import type { ClusterFilter, PointTable } from './cluster-protocol.js';

/** Filter combinations whose index is kept (a type toggle and back costs nothing). */
const INDEX_CACHE = 4;

type PointProps = ClusterPointProps;

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

  /**
   * One Web Mercator tile, exactly as GET /api/v1/tiles/{z}/{x}/{y} answers it: the same code
   * (core/cluster-tile.ts), so edges, rounding and expansion zooms match the server's.
   */
  tile(z: number, x: number, y: number, filter: ClusterFilter): ClusterTile {
    const index = this.index(filter);
    if (!index) return { items: [], total: 0 };
    return clusterTile(index, z, x, y, (i) => this.pointFields(i), (id) => this.clusterId(id));
  }

  /** Cluster ids carry the load generation: ids of one index never match another's markers. */
  private clusterId(id: number): string {
    return `g${this.generation}-${id}`;
  }

  private pointFields(i: number): PointFields {
    const t = this.table!;
    return {
      id: t.ids[i]!,
      carrier: t.dict.carrier[t.carrier[i]!]!,
      type: t.dict.type[t.type[i]!] as FeedPoint['type'],
      status: t.dict.status[t.status[i]!] as FeedPoint['status'],
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

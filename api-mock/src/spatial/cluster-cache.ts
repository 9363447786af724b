// Server-side clustering: one supercluster index per filter combination, built on first use and kept.
// The browser asks for tiles and never loads every point.
import Supercluster from 'supercluster';
import type { Branch, BranchType, PaymentMethod } from '../../../widget/src/model/index.js';
import {
  CLUSTER_OPTIONS, clusterTile, matchesFilters,
  type ClusterPointProps as PointProps, type ClusterTile, type ClusterTileIndex as Index, type FilterState,
} from '../shared-logic.js';

export interface FeedFilter {
  types?: readonly BranchType[] | undefined;
  carriers?: readonly string[] | undefined;
  payment?: readonly PaymentMethod[] | undefined;
  weekends?: boolean | undefined;
  /** Open at `at` (the sandbox clock): such indexes are valid for one minute. */
  openNow?: boolean | undefined;
  at?: Date | undefined;
}

export type TileResult = ClusterTile;

/** The key of "no filter". */
const ALL = 't=*;c=*;p=*';

export class ClusterCache {
  private readonly branches: readonly Branch[];
  private readonly features: Array<Supercluster.PointFeature<PointProps>>;
  private readonly indexes = new Map<string, Index>();
  private readonly knownTypes: ReadonlySet<string>;
  private readonly knownCarriers: ReadonlySet<string>;
  private readonly knownPayments: ReadonlySet<string>;
  /** Build time of each index, ms (for reports and the start banner). */
  readonly buildMs = new Map<string, number>();

  constructor(branches: readonly Branch[]) {
    this.branches = branches;
    // One feature object per point, shared by every filtered index.
    this.features = branches.map((b, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [b.lng, b.lat] },
      properties: { i },
    }));
    this.knownTypes = new Set(branches.map((b) => b.type));
    this.knownCarriers = new Set(branches.map((b) => b.carrier));
    this.knownPayments = new Set(branches.flatMap((b) => b.payment));
  }

  /**
   * A canonical key: values sorted, unknown ones dropped, "every value" collapsed to no filter,
   * so equivalent URLs share one index and the cache cannot grow without bound.
   */
  key(filter: FeedFilter): string {
    const part = (values: readonly string[] | undefined, known: ReadonlySet<string>): string => {
      if (!values || values.length === 0) return '*';
      const kept = [...new Set(values.filter((v) => known.has(v)))].sort();
      if (kept.length === 0) return '-';
      return kept.length === known.size ? '*' : kept.join(',');
    };
    const minute = filter.openNow ? Math.floor((filter.at ?? new Date()).getTime() / 60_000) : null;
    return `t=${part(filter.types, this.knownTypes)};c=${part(filter.carriers, this.knownCarriers)};p=${part(filter.payment, this.knownPayments)}`
      + `${filter.weekends ? ';w' : ''}${minute !== null ? `;o=${minute}` : ''}`;
  }

  /** The index for a filter (the widget's own matchesFilters), built now if never asked for. */
  index(filter: FeedFilter): Index {
    const key = this.key(filter);
    let index = this.indexes.get(key);
    if (!index) {
      const started = performance.now();
      const state: FilterState = {
        types: [...(filter.types ?? [])],
        carriers: [...(filter.carriers ?? [])],
        payment: [...(filter.payment ?? [])],
        weekends: filter.weekends === true,
        openNow: filter.openNow === true,
      };
      const at = filter.at ?? new Date();
      const subset = key === ALL
        ? this.features
        : this.features.filter((f) => matchesFilters(this.branches[f.properties.i]!, state, at));
      index = new Supercluster<PointProps, Supercluster.AnyProps>({ ...CLUSTER_OPTIONS }).load(subset);
      if (filter.openNow) {
        // "Open now" indexes hold for their minute only: forget those of earlier minutes.
        for (const k of [...this.indexes.keys()]) {
          if (k.includes(';o=')) { this.indexes.delete(k); this.buildMs.delete(k); }
        }
      }
      this.indexes.set(key, index);
      this.buildMs.set(key, performance.now() - started);
    }
    return index;
  }

  /**
   * The filters a buyer reaches in one or two clicks (any set of types, one carrier), built one per
   * macrotask so a server keeps answering meanwhile. A first filter toggle then costs no index build.
   */
  warmCommonFilters(): Promise<number> {
    const types = [...this.knownTypes].sort() as BranchType[];
    const filters: FeedFilter[] = [{}];
    for (let mask = 1; mask < 2 ** types.length - 1; mask++) filters.push({ types: types.filter((_, i) => mask & (1 << i)) });
    if (this.knownCarriers.size > 1) for (const c of this.knownCarriers) filters.push({ carriers: [c] });
    return new Promise((resolve) => {
      let i = 0;
      const step = () => {
        if (i >= filters.length) {
          resolve(this.indexes.size);
          return;
        }
        this.index(filters[i++]!);
        setTimeout(step, 0);
      };
      step();
    });
  }

  /** One tile of the feed: widget/src/core/cluster-tile.ts, the same code as the widget's list-feed worker. */
  tile(z: number, x: number, y: number, filter: FeedFilter): TileResult {
    return clusterTile(this.index(filter), z, x, y, (i) => {
      const b = this.branches[i]!;
      return { id: b.id, carrier: b.carrier, type: b.type, status: b.status };
    });
  }
}

// Everything the handlers share: the dataset, its indexes (built once), the clock and the fault scenarios.
// The same context shape serves the Node server, the browser worker and unit tests.
import type { Branch, WidgetConfig } from '../../widget/src/model/index.js';
import { createSimClock, type SimClock, type SimClockState } from './carriers-sim/clock.js';
import { memoryJournal, type CarrierJournal } from './carriers-sim/journal.js';
import { FaultStore } from './fault-store.js';
import { SearchIndex, type SettlementLike } from './search-index.js';
import { ClusterCache } from './spatial/cluster-cache.js';
import { PointIndex } from './spatial/point-index.js';
import { hashString } from './util/hash.js';

/** The part of the generated dataset the sandbox reads (structurally the dataset module's `Dataset`). */
export interface SandboxDataset {
  size: string;
  seed: number;
  branches: Branch[];
  settlements: Array<SettlementLike & { timeZone: string }>;
}

export interface SandboxContext {
  readonly dataset: SandboxDataset;
  /** Changes whenever the data could differ: part of every ETag. */
  readonly version: string;
  readonly byId: ReadonlyMap<string, Branch>;
  /** kd-tree over every branch, for bbox and nearest queries. */
  readonly points: PointIndex<Branch>;
  /** Supercluster indexes per filter combination, built lazily. */
  readonly clusters: ClusterCache;
  /** Created on first use; await `search.prepare()` before searching (it normalises every address in slices). */
  readonly search: SearchIndex;
  /** Carriers present in the dataset. */
  readonly carriers: readonly string[];
  /** The sandbox clock: "open now" filters and RP CURRENTLY_WORKING read it; tests inject a fixed time. */
  now(): Date;
  readonly faults: FaultStore;
  /** The carriers' simulated clock: shipments move on it (faster than real time in a demo). */
  readonly carrierClock: SimClock;
  /** Where carrier sandboxes keep their orders and waybills (memory in a page, files under the Node server). */
  readonly journal: CarrierJournal;
  /** Widget configs saved by the constructor (in memory). */
  readonly configs: Map<string, WidgetConfig>;
  /** Per-module derived data (carrier views of the dataset), built on first use. */
  memo<T>(key: string, build: () => T): T;
}

export interface SandboxContextOptions {
  dataset: SandboxDataset;
  now?: () => Date;
  /** Build the unfiltered cluster index right away rather than on the first tile request. */
  warm?: boolean;
  /** How many times faster than `now` the carriers' clock runs (default 1). */
  carrierSpeed?: number;
  journal?: CarrierJournal;
}

export const DEMO_CONFIG_ID = 'demo';

const CLOCK_JOURNAL = 'sandbox-clock';

/** The carriers' clock continues where it was before a restart (its advances are journaled). */
function restoredClock(now: () => Date, speed: number, journal: CarrierJournal): SimClock {
  const last = journal.load(CLOCK_JOURNAL).at(-1) as SimClockState | undefined;
  const valid = last && Number.isFinite(last.anchorReal) && Number.isFinite(last.anchorSim) && last.speed > 0 ? last : undefined;
  return createSimClock(now, speed, valid, (state) => journal.append(CLOCK_JOURNAL, state));
}

export function createSandboxContext(options: SandboxContextOptions): SandboxContext {
  const { dataset } = options;
  const branches = dataset.branches;
  const byId = new Map(branches.map((b) => [b.id, b] as const));
  const memo = new Map<string, unknown>();
  const clusters = new ClusterCache(branches);
  if (options.warm) clusters.index({});
  const configs = new Map<string, WidgetConfig>([
    [DEMO_CONFIG_ID, { id: DEMO_CONFIG_ID, name: 'Demo', lang: 'ru', layout: 'both', mode: 'inline' }],
  ]);
  let search: SearchIndex | undefined;
  const now = options.now ?? (() => new Date());
  const journal = options.journal ?? memoryJournal();
  return {
    dataset,
    version: hashString(`${dataset.size}|${dataset.seed}|${branches.length}|${branches[0]?.id ?? ''}|${branches.at(-1)?.id ?? ''}`),
    byId,
    points: new PointIndex(branches),
    clusters,
    get search(): SearchIndex {
      search ??= new SearchIndex(branches, dataset.settlements);
      return search;
    },
    carriers: [...new Set(branches.map((b) => b.carrier))].sort(),
    now,
    faults: new FaultStore(),
    carrierClock: restoredClock(now, options.carrierSpeed ?? 1, journal),
    journal,
    configs,
    memo<T>(key: string, build: () => T): T {
      if (!memo.has(key)) memo.set(key, build());
      return memo.get(key) as T;
    },
  };
}

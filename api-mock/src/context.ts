// Everything the handlers share: the dataset, its indexes (built once per dataset), the clock and the fault scenarios.
// The same context shape serves the Node server, the browser worker and unit tests.
// The data part is a snapshot that a refresh replaces in ONE assignment (`swap`): the handlers read it through the
// context's getters, synchronously within a request, so a request never mixes two datasets.
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
  /** Hash of the content, for datasets loaded from files (api-mock/src/sources); generated ones are named by size + seed. */
  version?: string;
}

/** One dataset with everything derived from it. Immutable once built; a refresh builds a new one beside it. */
export interface DataSnapshot {
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
  /** Per-module views of this dataset (carrier formats, tariff directory), built on first use. */
  memo<T>(key: string, build: () => T): T;
}

export interface SandboxContext extends DataSnapshot {
  /** The data every handler reads now. */
  readonly snapshot: DataSnapshot;
  /** Serve `next` from now on (one assignment); answers the snapshot it replaced. */
  swap(next: DataSnapshot): DataSnapshot;
  /** The sandbox clock: "open now" filters and RP CURRENTLY_WORKING read it; tests inject a fixed time. */
  now(): Date;
  readonly faults: FaultStore;
  /** The carriers' simulated clock: shipments move on it (faster than real time in a demo). */
  readonly carrierClock: SimClock;
  /** Where carrier sandboxes keep their orders and waybills (memory in a page, files under the Node server). */
  readonly journal: CarrierJournal;
  /** Widget configs saved by the constructor (in memory). */
  readonly configs: Map<string, WidgetConfig>;
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

/**
 * Memo keys that hold state rather than a view of the data: they survive a swap. Every other memo belongs to its
 * snapshot and is rebuilt from the new data, including the Nova Poshta document store, which indexes the data's
 * warehouses and reloads its documents from the journal (appended synchronously, before any answer).
 */
const STATE_MEMO_KEYS: ReadonlySet<string> = new Set(['russian-post/otpravka-store']);

function memoOf(): <T>(key: string, build: () => T) => T {
  const memo = new Map<string, unknown>();
  return <T>(key: string, build: () => T): T => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key) as T;
  };
}

/** Indexes of one dataset. `warm` builds the unfiltered cluster index now rather than on the first tile request. */
export function createDataSnapshot(dataset: SandboxDataset, options: { warm?: boolean } = {}): DataSnapshot {
  const branches = dataset.branches;
  const clusters = new ClusterCache(branches);
  if (options.warm) clusters.index({});
  let search: SearchIndex | undefined;
  return {
    dataset,
    version: dataset.version
      ?? hashString(`${dataset.size}|${dataset.seed}|${branches.length}|${branches[0]?.id ?? ''}|${branches.at(-1)?.id ?? ''}`),
    byId: new Map(branches.map((b) => [b.id, b] as const)),
    points: new PointIndex(branches),
    clusters,
    get search(): SearchIndex {
      search ??= new SearchIndex(branches, dataset.settlements);
      return search;
    },
    carriers: [...new Set(branches.map((b) => b.carrier))].sort(),
    memo: memoOf(),
  };
}

export function createSandboxContext(options: SandboxContextOptions): SandboxContext {
  let current = createDataSnapshot(options.dataset, { warm: options.warm ?? false });
  const stateMemo = memoOf();
  const configs = new Map<string, WidgetConfig>([
    [DEMO_CONFIG_ID, { id: DEMO_CONFIG_ID, name: 'Demo', lang: 'ru', layout: 'both', mode: 'inline' }],
  ]);
  const now = options.now ?? (() => new Date());
  const journal = options.journal ?? memoryJournal();
  return {
    get snapshot() { return current; },
    swap(next: DataSnapshot): DataSnapshot {
      const previous = current;
      current = next;
      return previous;
    },
    get dataset() { return current.dataset; },
    get version() { return current.version; },
    get byId() { return current.byId; },
    get points() { return current.points; },
    get clusters() { return current.clusters; },
    get search() { return current.search; },
    get carriers() { return current.carriers; },
    now,
    faults: new FaultStore(),
    carrierClock: restoredClock(now, options.carrierSpeed ?? 1, journal),
    journal,
    configs,
    memo<T>(key: string, build: () => T): T {
      return STATE_MEMO_KEYS.has(key) ? stateMemo(key, build) : current.memo(key, build);
    },
  };
}

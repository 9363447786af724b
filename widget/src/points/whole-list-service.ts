// Everything the list feed's worker does: load the whole list (whole-list.ts), cluster it
// (cluster-index.ts) and answer the element's questions (tiles, the view's list, one point,
// search) with the same shapes the open feed's API returns. The ESM build's main-thread
// fallback runs this very module (cluster-fallback.ts).
//
// Progressive: 30 pages take seconds, so the map does not wait for them. The index is built
// from the first page, rebuilt every REBUILD_EVERY pages and once more at the end; each rebuild
// after the first calls `onGrow` so the main thread asks again for the view's tiles and list.
import { ApiError, isAbort } from '../api/client.js';
import { ClusterIndex } from './cluster-index.js';
import { toTable, type ClusterAnswer, type ClusterRequest, type ClusterValues } from './cluster-protocol.js';
import { WholeList, queryPoints, searchList } from './whole-list.js';

/** Pages between two rebuilds of a partial index (a 30k rebuild costs ~0.1-0.3 s of the worker). */
export const REBUILD_EVERY = 8;

export class WholeListService {
  private feed: WholeList | undefined;
  private index = new ClusterIndex();
  private indexed: Promise<void> | undefined;
  /** Resolves when the first partial (or the whole) index exists. */
  private first: Promise<void> = new Promise(() => undefined);
  private firstDone: () => void = () => undefined;
  /** Pages in the current partial index; 0 = none yet. */
  private indexedPages = 0;
  /** A load failed: from then on requests wait for a whole list again (and see its errors). */
  private failed = false;
  private opened = 0;

  /** `onGrow`: the data behind earlier answers changed (a bigger index): ask again. */
  constructor(private readonly fetchImpl?: typeof fetch, private readonly onGrow: () => void = () => undefined) {}

  async handle(req: ClusterRequest): Promise<ClusterAnswer> {
    const t0 = performance.now();
    try {
      const value = await this.value(req);
      return { ok: true, value, ms: performance.now() - t0 };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, code: e.code, message: e.message, status: e.status };
      if (isAbort(e)) return { ok: false, code: 'network', message: 'aborted', abort: true };
      return { ok: false, code: 'bad-response', message: e instanceof Error ? e.message : String(e) };
    }
  }

  private async value(req: ClusterRequest): Promise<ClusterValues[keyof ClusterValues]> {
    if (req.op === 'open') {
      this.feed?.dispose();
      this.feed = new WholeList({
        apiBase: req.apiBase, apiKey: req.apiKey, ...(this.fetchImpl ? { fetchImpl: this.fetchImpl } : {}),
        onPage: (done, total) => this.grew(done, total),
      });
      this.indexed = undefined;
      this.indexedPages = 0;
      this.failed = false;
      this.first = new Promise((done) => (this.firstDone = done));
      this.opened = performance.now();
      // Start now: the first tile and list requests follow within milliseconds.
      void this.ready().catch(() => undefined);
      return true;
    }
    const feed = this.feed;
    if (!feed) throw new ApiError('bad-response', 'list feed not opened');
    switch (req.op) {
      case 'stats':
        return feed.stats;
      case 'tile':
        await this.started();
        return this.index.tile(req.z, req.x, req.y, req.filter);
      case 'points':
        await this.started();
        return queryPoints(feed.branches, req.query, new Date(req.now));
      case 'point': {
        const b = feed.get(req.id) ?? (await feed.ready(), feed.get(req.id));
        if (!b) throw new ApiError('not-found', `no Nova Poshta warehouse "${req.id}"`, 404);
        return b;
      }
      case 'search':
        // Search answers from the whole list only: a missing city would look like "no such place".
        await feed.ready();
        return searchList(feed, req.q, req.near);
    }
  }

  /** Something to answer from: the first pages' index, or the whole list's. */
  private started(): Promise<void> {
    return this.failed ? this.ready() : Promise.race([this.first, this.ready()]);
  }

  /** A page arrived: index the list so far on the first one and every REBUILD_EVERY pages after. */
  private grew(done: number, total: number): void {
    const feed = this.feed;
    // The last page is indexed by ready(), at once.
    if (!feed || this.failed || done === total) return;
    if (this.indexedPages && done - this.indexedPages < REBUILD_EVERY) return;
    this.index.load(toTable(feed.branches));
    if (!this.indexedPages) {
      feed.stats.firstMs = performance.now() - this.opened;
      this.firstDone();
    } else this.onGrow();
    this.indexedPages = done;
  }

  /** Loaded and indexed; a failure is retried by the next request. */
  private ready(): Promise<void> {
    const feed = this.feed!;
    this.indexed ??= feed.ready().then(() => {
      this.index.load(toTable(feed.branches));
      feed.stats.indexedMs = performance.now() - this.opened;
      feed.stats.firstMs ||= feed.stats.indexedMs;
      this.firstDone();
      // Earlier answers came from part of the list.
      if (this.indexedPages) this.onGrow();
      this.indexedPages = feed.stats.pages;
    }).catch((e: unknown) => {
      this.indexed = undefined;
      // Answers so far came from part of the list: let the element ask again and see the error.
      const serving = this.indexedPages > 0 && !this.failed;
      this.failed = true;
      if (serving) this.onGrow();
      throw e;
    });
    return this.indexed;
  }
}

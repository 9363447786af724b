// Everything the list feed's worker does: load the whole list (list-feed.ts), cluster it
// (cluster-index.ts) and answer the element's questions (tiles, the view's list, one point,
// search) with the same shapes the open feed's API returns. The ESM build's main-thread
// fallback runs this very module (cluster-fallback.ts).
import { ApiError, isAbort } from '../api/client.js';
import { ClusterIndex } from './cluster-index.js';
import { toTable, type ClusterAnswer, type ClusterRequest, type ClusterValues } from './cluster-protocol.js';
import { ListFeed, queryPoints, searchList } from './list-feed.js';

export class ListFeedService {
  private feed: ListFeed | undefined;
  private index = new ClusterIndex();
  private indexed: Promise<void> | undefined;
  private opened = 0;

  constructor(private readonly fetchImpl?: typeof fetch) {}

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
      this.feed = new ListFeed({ apiBase: req.apiBase, apiKey: req.apiKey, ...(this.fetchImpl ? { fetchImpl: this.fetchImpl } : {}) });
      this.indexed = undefined;
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
        await this.ready();
        return this.index.tile(req.z, req.x, req.y, req.filter);
      case 'points':
        await feed.ready();
        return queryPoints(feed.branches, req.query, new Date(req.now));
      case 'point': {
        await feed.ready();
        const b = feed.get(req.id);
        if (!b) throw new ApiError('not-found', `no Nova Poshta warehouse "${req.id}"`, 404);
        return b;
      }
      case 'search':
        await feed.ready();
        return searchList(feed, req.q, req.near);
    }
  }

  /** Loaded and indexed; a failure is retried by the next request. */
  private ready(): Promise<void> {
    const feed = this.feed!;
    this.indexed ??= feed.ready().then(() => {
      this.index.load(toTable(feed.branches));
      feed.stats.indexedMs = performance.now() - this.opened;
    }).catch((e: unknown) => {
      this.indexed = undefined;
      throw e;
    });
    return this.indexed;
  }
}

// Which points source the element talks to: our open tile feed ("tiles", the default) or a whole
// list loaded and clustered in a Web Worker ("nova-poshta"). Both are ApiClients, so the element
// swaps one object and nothing else (TileLoader, MapView and the list are unchanged). The main
// thread only posts small requests; the worker answers in the open feed's own shapes.
import { ApiClient, ApiError, type Filters, type PointsQuery, type PointsResult, type TileResult } from '../api/client.js';
import type { Branch, FeedKind, SearchSuggestion } from '../model/index.js';
import { mainThreadBackend, tryWorker, WorkerFailed, type ClusterBackend } from './cluster-client.js';
import type { ClusterRequest, ClusterValues, WholeListStats } from './cluster-protocol.js';
import { MAIN_FILE, WORKER_FILE } from '../ondemand-files.js';

export interface FeedSettings {
  apiBase: string;
  feed: FeedKind;
  npApiKey?: string | undefined;
}

/** One whole list in one worker, shared by every picker showing it (and kept across moves). */
export class RemoteList {
  private backend: Promise<ClusterBackend> | undefined;
  private readonly growListeners = new Set<() => void>();

  constructor(
    readonly apiBase: string,
    readonly apiKey: string | undefined,
    private readonly open: () => Promise<ClusterBackend | undefined> = openBackend,
  ) {}

  /** Ask the worker; its errors come back as the same ApiErrors the open feed's client throws. */
  async call<K extends ClusterRequest['op']>(req: Extract<ClusterRequest, { op: K }>, signal?: AbortSignal): Promise<ClusterValues[K]> {
    const backend = await abortable(this.start(), signal);
    const a = await abortable(backend.request(req), signal);
    if (a.ok) {
      if (req.op === 'tile' && !marked) {
        marked = true;
        mark('bp-list-feed:clusters');
      }
      return a.value as ClusterValues[K];
    }
    if (a.abort) throw new DOMException('aborted', 'AbortError');
    throw new ApiError(a.code, a.message, a.status);
  }

  stats(): Promise<WholeListStats> {
    return this.call({ op: 'stats' });
  }

  dispose(): void {
    void this.backend?.then((b) => b.dispose(), () => undefined);
  }

  /** Calls `listener` each time more of the list is indexed (answers given so far are out of date);
   * returns the unsubscribe. Pickers showing this list subscribe while they are connected. */
  onGrow(listener: () => void): () => void {
    this.growListeners.add(listener);
    return () => this.growListeners.delete(listener);
  }

  private grew(): void {
    for (const listener of this.growListeners) listener();
  }

  private start(): Promise<ClusterBackend> {
    this.backend ??= this.connect().catch((e: unknown) => {
      this.backend = undefined;
      throw e;
    });
    return this.backend;
  }

  private async connect(): Promise<ClusterBackend> {
    mark('bp-list-feed:start');
    // The worker resolves URLs against its own script (or a blob:): give it an absolute base.
    const apiBase = typeof location !== 'undefined' ? new URL(this.apiBase || '/', location.href).href.replace(/\/+$/, '') : this.apiBase;
    const open: ClusterRequest = { op: 'open', apiBase, apiKey: this.apiKey };
    let why = 'unknown';
    const first = await this.open();
    const grew = () => this.grew();
    if (first) {
      first.onGrow = grew;
      try {
        await first.request(open);
        return first;
      } catch (e) {
        if (!(e instanceof WorkerFailed)) throw e;
        first.dispose();
        why = e.message;
      }
    }
    const fallback = await mainThreadBackend();
    if (!fallback) {
      throw new ApiError('network', `the list feed's worker could not start (${why}): serve ${WORKER_FILE} unmodified next to ${MAIN_FILE}, from the page's origin or from a CDN with CORS (connect-src and worker-src blob: in the CSP)`);
    }
    console.warn(`[branch-picker] no worker for the list feed (${why}): running it on the main thread`);
    fallback.onGrow = grew;
    await fallback.request(open);
    return fallback;
  }
}

let marked = false;

async function openBackend(): Promise<ClusterBackend | undefined> {
  return tryWorker().backend;
}

function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  return new Promise<T>((done, fail) => {
    const onAbort = () => fail(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(done, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** ApiClient over a whole list: tiles, the view's list, a point and search come from the worker;
 * saved configs still come from `{api-base}/api/v1/configs`. */
export class WholeListApi extends ApiClient {
  constructor(readonly list: RemoteList, base: string, fetchImpl?: typeof fetch) {
    super(base, fetchImpl);
  }

  override tile(z: number, x: number, y: number, f: Filters, signal?: AbortSignal): Promise<TileResult> {
    return this.list.call({ op: 'tile', z, x, y, filter: { types: f.types, carriers: f.carriers } }, signal);
  }

  override points(q: PointsQuery, signal?: AbortSignal): Promise<PointsResult> {
    return this.list.call({ op: 'points', query: q, now: Date.now() }, signal);
  }

  override point(id: string, signal?: AbortSignal): Promise<Branch> {
    return this.list.call({ op: 'point', id }, signal);
  }

  override search(q: string, near: { lat: number; lng: number } | undefined, signal?: AbortSignal): Promise<SearchSuggestion[]> {
    return this.list.call({ op: 'search', q, near }, signal);
  }
}

/** Distinct whole lists kept alive at once (the oldest is disposed: fetches aborted, worker ended). */
const KEEP = 2;
const lists = new Map<string, RemoteList>();

function sharedList(apiBase: string, apiKey: string | undefined): RemoteList {
  const key = JSON.stringify([apiBase, apiKey ?? '']);
  let list = lists.get(key);
  if (!list) {
    list = new RemoteList(apiBase, apiKey);
    lists.set(key, list);
    if (lists.size > KEEP) {
      const oldest = lists.keys().next().value!;
      lists.get(oldest)?.dispose();
      lists.delete(oldest);
    }
  }
  return list;
}

/** The client for these settings: `current` itself when it already fits (no reload). */
export function apiForSettings(current: ApiClient, s: FeedSettings): ApiClient {
  if (s.feed === 'nova-poshta') {
    const list = sharedList(s.apiBase, s.npApiKey);
    return current instanceof WholeListApi && current.list === list ? current : new WholeListApi(list, s.apiBase);
  }
  return !(current instanceof WholeListApi) && current.base === s.apiBase ? current : new ApiClient(s.apiBase);
}

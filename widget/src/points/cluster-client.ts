// The main thread's side of the cluster worker: numbered requests, answers matched by number,
// and a clear failure when the worker cannot start (404, CSP, cross-origin without blob:).
import type { ClusterAnswer, ClusterEnvelope, ClusterReply, ClusterRequest } from './cluster-protocol.js';
import { spawnClusterWorker } from './cluster-worker-factory.js';
import { mainThreadBackend } from './cluster-fallback.js';

export interface ClusterBackend {
  readonly kind: 'worker' | 'main-thread';
  /** Resolves with the answer; rejects only when the backend itself broke (WorkerFailed). */
  request(req: ClusterRequest, transfer?: Transferable[]): Promise<ClusterAnswer>;
  dispose(): void;
  /** Set by the owner: the list grew, answers given so far are out of date. */
  onGrow?: (() => void) | undefined;
}

export class WorkerFailed extends Error {
  override name = 'WorkerFailed';
}

/** The subset of Worker this client uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(m: ClusterEnvelope, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ClusterReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', fn: (e: Event) => void): void;
  terminate(): void;
}

export class WorkerBackend implements ClusterBackend {
  readonly kind = 'worker';
  private seq = 0;
  private pending = new Map<number, { done: (a: ClusterAnswer) => void; fail: (e: Error) => void }>();
  private broken: WorkerFailed | undefined;
  onGrow: (() => void) | undefined;

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e: MessageEvent<ClusterReply>) => {
      if (!e.data.answer) return this.onGrow?.();
      const p = this.pending.get(e.data.seq);
      this.pending.delete(e.data.seq);
      p?.done(e.data.answer);
    });
    // A worker that fails to load (404, CSP) only says so through an error event.
    const fail = (e: Event) => {
      const msg = (e as Partial<ErrorEvent>).message;
      const detail = typeof msg === 'string' && msg ? `: ${msg}` : '';
      this.broken = new WorkerFailed(`cluster worker failed${detail}`);
      for (const p of this.pending.values()) p.fail(this.broken);
      this.pending.clear();
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
  }

  request(req: ClusterRequest, transfer: Transferable[] = []): Promise<ClusterAnswer> {
    if (this.broken) return Promise.reject(this.broken);
    const seq = ++this.seq;
    return new Promise((done, fail) => {
      this.pending.set(seq, { done, fail });
      this.worker.postMessage({ seq, req }, transfer);
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.broken = new WorkerFailed('cluster worker disposed');
    for (const p of this.pending.values()) p.fail(this.broken);
    this.pending.clear();
  }
}

/** A worker, or undefined when the browser refused to create one synchronously (CSP, origin). */
export function tryWorker(spawn: () => WorkerLike = spawnClusterWorker): { backend?: ClusterBackend; error?: string } {
  try {
    return { backend: new WorkerBackend(spawn()) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export { mainThreadBackend };

// The main thread's side of the cluster worker: numbered requests, answers matched by number,
// and a clear failure when the worker cannot start (404, CSP, cross-origin without blob:, a CDN copy
// that fails its integrity check).
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

/**
 * A worker that is still being started (the cross-origin path fetches and verifies the file first):
 * messages wait in order until it exists; a failed start reaches the listeners as an 'error' event,
 * so WorkerBackend reports it exactly like a worker that failed to load.
 */
export class PendingWorker implements WorkerLike {
  private worker: WorkerLike | undefined;
  private queue: Array<[ClusterEnvelope, Transferable[]]> = [];
  private readonly listeners: Array<['message' | 'error' | 'messageerror', (e: never) => void]> = [];
  private ended = false;

  constructor(start: Promise<WorkerLike>) {
    start.then((w) => {
      if (this.ended) return w.terminate();
      this.worker = w;
      for (const [type, fn] of this.listeners) w.addEventListener(type as 'error', fn as (e: Event) => void);
      for (const [m, transfer] of this.queue) w.postMessage(m, transfer);
      this.queue = [];
    }, (e: unknown) => {
      this.queue = [];
      if (this.ended) return;
      const message = e instanceof Error ? e.message : String(e);
      const ev = Object.assign(new Event('error'), { message });
      for (const [type, fn] of this.listeners) if (type === 'error') fn(ev as never);
    });
  }

  postMessage(m: ClusterEnvelope, transfer: Transferable[]): void {
    if (this.worker) this.worker.postMessage(m, transfer);
    else if (!this.ended) this.queue.push([m, transfer]);
  }

  addEventListener(type: 'message', fn: (e: MessageEvent<ClusterReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', fn: (e: Event) => void): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', fn: (e: never) => void): void {
    this.listeners.push([type, fn]);
    this.worker?.addEventListener(type as 'error', fn as (e: Event) => void);
  }

  terminate(): void {
    this.ended = true;
    this.queue = [];
    this.worker?.terminate();
  }
}

/** A worker, or undefined when the browser refused to create one synchronously (CSP, origin).
 * A worker that starts asynchronously reports a refusal later, through WorkerBackend's WorkerFailed. */
export function tryWorker(spawn: () => WorkerLike | Promise<WorkerLike> = spawnClusterWorker): { backend?: ClusterBackend; error?: string } {
  try {
    const w = spawn();
    return { backend: new WorkerBackend(w instanceof Promise ? new PendingWorker(w) : w) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export { mainThreadBackend };

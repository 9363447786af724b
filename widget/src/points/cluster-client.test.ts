import { describe, expect, it, vi } from 'vitest';
import type { ClusterEnvelope } from './cluster-protocol.js';
import { PendingWorker, tryWorker, type WorkerLike } from './cluster-client.js';

/** A fake worker that records what it was sent and lets the test answer. */
function fakeWorker() {
  const sent: ClusterEnvelope[] = [];
  const on: Record<string, Array<(e: never) => void>> = {};
  const w: WorkerLike = {
    postMessage: (m) => void sent.push(m),
    addEventListener: (type: string, fn: (e: never) => void) => void (on[type] ??= []).push(fn),
    terminate: vi.fn(),
  };
  const emit = (type: string, e: unknown) => { for (const fn of on[type] ?? []) fn(e as never); };
  return { w, sent, emit };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('tryWorker with a worker that starts asynchronously (CDN: fetched and verified first)', () => {
  it('queues requests until the worker exists, then sends them in order and answers by number', async () => {
    const fake = fakeWorker();
    let ready!: (w: WorkerLike) => void;
    const { backend } = tryWorker(() => new Promise<WorkerLike>((r) => (ready = r)));
    const first = backend!.request({ op: 'stats' });
    const second = backend!.request({ op: 'tile', z: 1, x: 0, y: 0, filter: {} });
    await tick();
    expect(fake.sent).toEqual([]);
    ready(fake.w);
    await tick();
    expect(fake.sent.map((m) => m.req.op)).toEqual(['stats', 'tile']);
    fake.emit('message', { data: { seq: fake.sent[1]!.seq, answer: { ok: true, count: 2, items: [], ms: 0 } } });
    fake.emit('message', { data: { seq: fake.sent[0]!.seq, answer: { ok: true, value: {}, ms: 0 } } });
    expect(await first).toMatchObject({ ok: true, value: {} });
    expect(await second).toMatchObject({ ok: true, count: 2 });
    // Later requests go straight to the worker.
    void backend!.request({ op: 'point', id: 'x' });
    expect(fake.sent.map((m) => m.req.op)).toEqual(['stats', 'tile', 'point']);
  });

  it('a failed start (fetch or integrity) fails pending and later requests with WorkerFailed naming the cause', async () => {
    const { backend } = tryWorker(() => Promise.reject(new Error('branch-picker.worker.js did not match its integrity hash')));
    const pending = backend!.request({ op: 'stats' });
    await expect(pending).rejects.toMatchObject({ name: 'WorkerFailed', message: expect.stringMatching(/integrity hash/) });
    await expect(backend!.request({ op: 'stats' })).rejects.toMatchObject({ name: 'WorkerFailed' });
  });

  it('a synchronous refusal is still an error without a backend', () => {
    expect(tryWorker(() => { throw new Error('blocked by CSP'); })).toEqual({ error: 'blocked by CSP' });
  });
});

describe('PendingWorker', () => {
  it('terminated before it starts: the late worker is ended at once and never sent the queue', async () => {
    const fake = fakeWorker();
    let ready!: (w: WorkerLike) => void;
    const p = new PendingWorker(new Promise<WorkerLike>((r) => (ready = r)));
    p.postMessage({ seq: 1, req: { op: 'stats' } }, []);
    p.terminate();
    ready(fake.w);
    await tick();
    expect(fake.w.terminate).toHaveBeenCalledTimes(1);
    expect(fake.sent).toEqual([]);
  });

  it('listeners added after the start are attached to the worker too', async () => {
    const fake = fakeWorker();
    const p = new PendingWorker(Promise.resolve(fake.w));
    await tick();
    const got = vi.fn();
    p.addEventListener('message', got);
    fake.emit('message', { data: { seq: 0 } });
    expect(got).toHaveBeenCalledTimes(1);
  });
});

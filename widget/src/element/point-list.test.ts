// PointListController against a fake host: the host lifecycle decides what happens to a load in flight.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import type { PointsResult } from '../api/client.js';
import type { Branch } from '../model/index.js';
import { PointListController } from './point-list.js';

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
}

/** A fetch the test answers by hand; an abort rejects it as fetch would. */
function pendingFetches() {
  const calls: { signal: AbortSignal; answer(r: PointsResult): void }[] = [];
  const fetch = (_c: unknown, _w: number, _l: number, signal: AbortSignal) =>
    new Promise<PointsResult>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({ signal, answer: resolve });
    });
  return { calls, fetch };
}

const point = (id: string) => ({ id }) as Branch;
const result = (...ids: string[]): PointsResult => ({ total: ids.length, items: ids.map(point), facets: undefined });
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const host = new FakeHost();
  const f = pendingFetches();
  const list = new PointListController(host, {
    fallbackCentre: () => undefined,
    fetch: f.fetch,
    widens: () => false,
    loaded: () => {},
    failed: () => {},
  });
  return { host, list, calls: f.calls };
}

describe('PointListController', () => {
  it('asks again when the element comes back after leaving mid-load', async () => {
    const { host, list, calls } = setup();
    void list.moveTo({ lat: 55.75, lng: 37.62 });
    expect(calls).toHaveLength(1);
    host.disconnect();
    await tick();
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(list.loading).toBe(false);
    host.connect();
    expect(calls).toHaveLength(2);
    calls[1]!.answer(result('a', 'b'));
    await tick();
    expect(list.items.map((b) => b.id)).toEqual(['a', 'b']);
  });

  it('does not ask again on reconnect when the load was replaced by a newer one or had finished', async () => {
    const { host, list, calls } = setup();
    void list.moveTo({ lat: 55.75, lng: 37.62 });
    void list.moveTo({ lat: 50.45, lng: 30.52 });
    calls[1]!.answer(result('kyiv'));
    await tick();
    expect(calls[0]!.signal.aborted).toBe(true);
    host.disconnect();
    host.connect();
    expect(calls).toHaveLength(2);
    expect(list.items.map((b) => b.id)).toEqual(['kyiv']);
  });

  it('keeps the answer of the newest request only', async () => {
    const { list, calls } = setup();
    void list.moveTo({ lat: 55.75, lng: 37.62 });
    void list.more();
    calls[1]!.answer(result('p1', 'p2'));
    await tick();
    calls[0]!.answer(result('stale'));
    await tick();
    expect(list.items.map((b) => b.id)).toEqual(['p1', 'p2']);
    expect(list.limit).toBe(100);
  });
});

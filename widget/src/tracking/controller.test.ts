// The controller against a hand-driven client, fake timers and a fake page (visibility, connection).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import type { OrderStatus } from '../model/order.js';
import type { TrackingAnswer } from '../model/tracking-point.js';
import { OrderApiError, OrderRetryExhaustedError } from '../orders/errors.js';
import type { TrackingClient } from '../orders/tracking-client.js';
import { TrackingController, type TrackingControllerOptions } from './controller.js';

function answer(status: OrderStatus): TrackingAnswer {
  return { orderId: 'ord_1', status, carrier: 'russian-post', pointId: 'p', pointName: 'P', pointAddress: 'A', events: [] };
}

/** A page: hidden or not, online or not, with the events the controller listens to. */
function fakePage() {
  const listeners = new Map<string, Set<() => void>>();
  const on = (type: string, fn: () => void) => { (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn); };
  const off = (type: string, fn: () => void) => { listeners.get(type)?.delete(fn); };
  const page = {
    document: { hidden: false, addEventListener: on, removeEventListener: off },
    navigator: { onLine: true },
    target: { addEventListener: on, removeEventListener: off },
    fire(type: string) { for (const fn of [...(listeners.get(type) ?? [])]) fn(); },
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
  return page;
}

function setup(script: Array<TrackingAnswer | Error>) {
  const calls: string[] = [];
  const client: TrackingClient = {
    order: () => Promise.reject(new Error('unused')),
    tracking: (id, token) => {
      calls.push(`tracking ${id} ${token}`);
      const next = script.length > 1 ? script.shift()! : script[0]!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    lookup: (track, phone) => {
      calls.push(`lookup ${track} ${phone}`);
      const next = script.length > 1 ? script.shift()! : script[0]!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
  let updates = 0;
  const host = { addController: () => {}, removeController: () => {}, requestUpdate: () => { updates++; }, updateComplete: Promise.resolve(true) } satisfies ReactiveControllerHost;
  const page = fakePage();
  const options: TrackingControllerOptions = {
    client: () => client,
    poll: () => ({ baseMs: 1_000, maxMs: 8_000, errorBaseMs: 500, random: () => 0.5 }),
    now: () => Date.now(),
    env: page,
  };
  const c = new TrackingController(host, options);
  c.hostConnected();
  return { c, calls, page, updates: () => updates };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('TrackingController', () => {
  it('polls with growing delays while nothing changes, reports the change, and stops on a final status', async () => {
    const { c, calls } = setup([answer('registered'), answer('registered'), answer('in_transit'), answer('delivered')]);
    c.setSource({ kind: 'order', orderId: 'ord_1', token: 'tok' });
    expect(c.state).toBe('loading');
    await settle();
    expect([c.state, c.value?.status, c.changedFrom]).toEqual(['ready', 'registered', 'none']);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(c.changedFrom).toBeUndefined(); // same status: nothing to announce
    // Unchanged once: the next poll waits 2 s.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect([calls.length, c.value?.status, c.changedFrom]).toEqual([3, 'in_transit', 'registered']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([calls.length, c.value?.status]).toEqual([4, 'delivered']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toBe('tracking ord_1 tok');
  });

  it('does not poll while the page is hidden, and asks at once when it is shown after the poll fell due', async () => {
    const { c, calls, page } = setup([answer('in_transit')]);
    c.setSource({ kind: 'order', orderId: 'ord_1', token: 'tok' });
    await settle();
    page.document.hidden = true;
    page.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
    page.document.hidden = false;
    page.fire('visibilitychange');
    await settle();
    expect(calls).toHaveLength(2);
  });

  it('shown again before the poll is due: waits out the rest of the delay', async () => {
    const { c, calls, page } = setup([answer('in_transit')]);
    c.setSource({ kind: 'order', orderId: 'ord_1', token: 'tok' });
    await settle();
    page.document.hidden = true;
    page.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(400);
    page.document.hidden = false;
    page.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(599);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
  });

  it('offline: no request, the offline state, and a load as soon as the connection is back', async () => {
    const { c, calls, page } = setup([answer('in_transit')]);
    page.navigator.onLine = false;
    c.setSource({ kind: 'lookup', trackNumber: 'RA123456785RU', phone: '+79123456789' });
    await settle();
    expect([c.state, calls.length]).toEqual(['offline', 0]);
    page.navigator.onLine = true;
    page.fire('online');
    await settle();
    expect([c.state, calls]).toEqual(['ready', ['lookup RA123456785RU +79123456789']]);
  });

  it('a failed refresh keeps the last answer, backs off from the error base, and recovers', async () => {
    const down = new OrderRetryExhaustedError(3, 503, undefined);
    const { c, calls } = setup([answer('in_transit'), down, down, answer('arrived_at_point')]);
    c.setSource({ kind: 'order', orderId: 'ord_1', token: 'tok' });
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect([c.state, c.value?.status]).toEqual(['error', 'in_transit']);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect([c.state, c.value?.status, calls.length]).toEqual(['ready', 'arrived_at_point', 4]);
  });

  it('a 404 is "not found" and ends polling; 429 too_many_attempts is "blocked"', async () => {
    const nf = setup([new OrderApiError({ type: 'x', title: 'Not found', status: 404, code: 'not_found' })]);
    nf.c.setSource({ kind: 'order', orderId: 'ord_1', token: 'bad' });
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect([nf.c.state, nf.calls.length]).toEqual(['not-found', 1]);
    const blocked = setup([new OrderApiError({ type: 'x', title: 'Too many', status: 429, code: 'too_many_attempts' })]);
    blocked.c.setSource({ kind: 'lookup', trackNumber: 'RA123456785RU', phone: '+79120000000' });
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect([blocked.c.state, blocked.calls.length]).toEqual(['blocked', 1]);
  });

  it('a new source drops the answer of the old one; disconnecting stops everything and removes its listeners', async () => {
    let release: (a: TrackingAnswer) => void = () => {};
    const { c, calls, page } = setup([answer('in_transit')]);
    const slow = new Promise<TrackingAnswer>((r) => { release = r; });
    const client = (c as unknown as { o: TrackingControllerOptions }).o.client();
    const original = client.tracking;
    client.tracking = (id, token) => (id === 'ord_old' ? (calls.push('slow'), slow) : original(id, token));
    c.setSource({ kind: 'order', orderId: 'ord_old', token: 't' });
    await settle();
    c.setSource({ kind: 'order', orderId: 'ord_new', token: 't' });
    await settle();
    release(answer('delivered'));
    await settle();
    expect([c.value?.orderId, c.value?.status]).toEqual(['ord_1', 'in_transit']);
    expect(calls).toEqual(['slow', 'tracking ord_new t']);
    expect(page.count()).toBe(3);
    c.hostDisconnected();
    expect(page.count()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
  });
});

// @vitest-environment jsdom
// <bp-tracking> in a DOM: carrier text stays text, the language follows the page, the live region announces a
// status change once, and a typed lookup that fails the check never reaches the network.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrackingAnswer } from '../model/tracking-point.js';
import { BpTracking, TrackingChangeEvent } from './element.js';
import { defineBranchPicker } from '../define-guard.js';

beforeAll(() => {
  defineBranchPicker(BpTracking, customElements, 'bp-tracking');
});
afterEach(() => document.body.replaceChildren());

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function answer(status: TrackingAnswer['status']): TrackingAnswer {
  return {
    orderId: 'ord_1', status, carrier: 'nova-poshta', trackNumber: '20450000000001', pointId: 'np-1', pointName: HOSTILE, pointAddress: 'вул. Хрещатик, 1',
    events: [{ status, carrierCode: '7', description: HOSTILE, at: '2026-12-02T10:15:00+02:00', timeZone: 'Europe/Kyiv', place: 'Київ' }],
    point: { type: 'post_office', timeZone: 'Europe/Kyiv', hours: [], exceptions: [] },
  };
}

/** A fetch that answers the given tracking bodies in turn and counts requests. */
function fetchOf(...bodies: TrackingAnswer[]) {
  const urls: string[] = [];
  const fetch = (url: string) => {
    urls.push(url);
    const body = bodies.length > 1 ? bodies.shift()! : bodies[0]!;
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch, urls };
}

async function mount(setup: (el: BpTracking) => void, lang = 'uk'): Promise<BpTracking> {
  const wrap = document.createElement('div');
  wrap.lang = lang;
  const el = document.createElement('bp-tracking');
  setup(el);
  wrap.append(el);
  document.body.append(wrap);
  await el.updateComplete;
  return el;
}

const until = async (el: BpTracking, ok: () => boolean) => {
  for (let i = 0; i < 50 && !ok(); i++) {
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }
  expect(ok()).toBe(true);
};

describe('<bp-tracking>', () => {
  it('renders carrier strings as text, in the language of the nearest [lang]', async () => {
    const { fetch } = fetchOf(answer('arrived_at_point'));
    const el = await mount((e) => { e.fetch = fetch; e.orderId = 'ord_1'; e.token = 'tok_0123456789abcdef'; e.pollInterval = 60_000; });
    const root = el.shadowRoot!;
    await until(el, () => root.querySelector('[part=status]') !== null);
    expect(root.querySelector('[part=status] [role=heading]')?.textContent).toBe('Чекає у пункті видачі');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.ev-desc')?.textContent).toContain(HOSTILE);
    expect(root.querySelector('.point-name')?.textContent).toBe(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(root.querySelector('[role=status]')?.textContent).toBe('Статус посилки: Чекає у пункті видачі');
    // The page switches language: the element follows without a new request.
    el.parentElement!.lang = 'en';
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(root.querySelector('[part=status] [role=heading]')?.textContent).toBe('Waiting at the pickup point');
  });

  it('fires bp-tracking-change on the first status and on each change, not on unchanged polls', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const jitter = vi.spyOn(Math, 'random').mockReturnValue(0.5); // no ±20% spread: delays of exactly 1 s, then 2 s
    try {
      const { fetch, urls } = fetchOf(answer('in_transit'), answer('in_transit'), answer('arrived_at_point'));
      const seen: string[] = [];
      const record = (e: TrackingChangeEvent) => seen.push(`${e.detail.previous ?? '-'}>${e.detail.status}`);
      document.addEventListener('bp-tracking-change', record);
      const el = await mount((e) => { e.fetch = fetch; e.orderId = 'ord_1'; e.token = 'tok_0123456789abcdef'; e.pollInterval = 1_000; });
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(1_000); // same status: no event
      await vi.advanceTimersByTimeAsync(2_000); // doubled delay: the change
      await el.updateComplete;
      document.removeEventListener('bp-tracking-change', record);
      expect(urls).toHaveLength(3);
      expect(seen).toEqual(['->in_transit', 'in_transit>arrived_at_point']);
    } finally {
      jitter.mockRestore();
      vi.useRealTimers();
    }
  });

  it('checks a typed lookup before sending: a bad check digit names the field and sends nothing', async () => {
    const { fetch, urls } = fetchOf(answer('in_transit'));
    const el = await mount((e) => { e.fetch = fetch; }, 'ru');
    const root = el.shadowRoot!;
    const track = root.querySelector<HTMLInputElement>('#bp-tr-trackNumber')!;
    const phone = root.querySelector<HTMLInputElement>('#bp-tr-phone')!;
    track.value = '10100012000014';
    track.dispatchEvent(new Event('input'));
    phone.value = '+7 912 345-67-89';
    phone.dispatchEvent(new Event('input'));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await el.updateComplete;
    expect(track.getAttribute('aria-invalid')).toBe('true');
    expect(root.getElementById(track.getAttribute('aria-describedby')!)?.textContent).toBe('Трек-номер: контрольная цифра не сходится, проверьте номер.');
    expect(urls).toEqual([]);
  });

  it('the same number and phone submitted again after "not found" asks again (it is not ignored)', async () => {
    const urls: string[] = [];
    const bodies = [
      new Response(JSON.stringify({ type: 'x', title: 'Not found', status: 404, code: 'not_found', field: 'trackNumber' }), { status: 404, headers: { 'content-type': 'application/problem+json' } }),
      new Response(JSON.stringify(answer('in_transit')), { status: 200, headers: { 'content-type': 'application/json' } }),
    ];
    const el = await mount((e) => { e.fetch = (url) => { urls.push(url); return Promise.resolve(bodies.shift()!); }; }, 'en');
    const root = el.shadowRoot!;
    const fill = (id: string, v: string) => {
      const input = root.querySelector<HTMLInputElement>(id)!;
      input.value = v;
      input.dispatchEvent(new Event('input'));
    };
    fill('#bp-tr-trackNumber', '20450000000001');
    fill('#bp-tr-phone', '067 123 4567');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(el, () => root.querySelector('[part=banner]')?.textContent === 'No parcel found. Check the track number and the recipient’s phone.');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(el, () => root.querySelector('[part=status] [role=heading]')?.textContent === 'On its way');
    expect(urls).toEqual(['/api/v1/tracking/lookup', '/api/v1/tracking/lookup']);
  });
});

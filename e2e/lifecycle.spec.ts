// Removing, moving and re-adding the element leaks nothing (maps, listeners on window and document,
// ResizeObserver and IntersectionObserver targets) and never throws
// "Map container is already initialized".
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, pointsList } from './support.js';

declare global {
  interface Window {
    __live: () => { listeners: number; observed: number; intersecting: number };
  }
}

/** Counts what the page holds on to: listeners on window and document, elements under an observer. */
function trackRetainers(): void {
  const ids = new WeakMap<object, number>();
  let next = 0;
  const idOf = (fn: object) => ids.get(fn) ?? (ids.set(fn, ++next), next);
  const live = new Set<string>();
  const keyOf = (target: EventTarget, type: string, fn: unknown, opts?: boolean | EventListenerOptions) => {
    const name = target === window ? 'window' : target === document ? 'document' : '';
    if (!name || !fn || (typeof fn !== 'function' && typeof fn !== 'object')) return '';
    return `${name}|${type}|${typeof opts === 'boolean' ? opts : Boolean(opts?.capture)}|${idOf(fn as object)}`;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, opts?: boolean | AddEventListenerOptions) {
    const key = keyOf(this, type, fn, opts);
    // once and signal listeners remove themselves; they are not what leaks across moves. Only the
    // page's own scripts count: Playwright's injected helpers add listeners of their own.
    const own = new Error().stack?.includes(location.origin) ?? false;
    if (key && own && !(typeof opts === 'object' && (opts.once || opts.signal))) live.add(key);
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, opts?: boolean | EventListenerOptions) {
    live.delete(keyOf(this, type, fn, opts));
    return remove.call(this, type, fn, opts);
  };
  // Elements under a ResizeObserver (the map's size) or an IntersectionObserver (the rows being priced).
  const observed = new Map<object, { kind: string; els: Set<Element> }>();
  for (const [kind, O] of [['resize', ResizeObserver], ['intersection', IntersectionObserver]] as const) {
    const proto = O.prototype as { observe(el: Element, o?: unknown): void; unobserve(el: Element): void; disconnect(): void };
    const { observe, unobserve, disconnect } = proto;
    proto.observe = function (this: object, el: Element, o?: unknown) {
      const entry = observed.get(this) ?? { kind, els: new Set<Element>() };
      observed.set(this, entry);
      entry.els.add(el);
      return observe.call(this, el, o);
    };
    proto.unobserve = function (this: object, el: Element) {
      observed.get(this)?.els.delete(el);
      return unobserve.call(this, el);
    };
    proto.disconnect = function (this: object) {
      observed.delete(this);
      return disconnect.call(this);
    };
  }
  const count = (kind: string) => [...observed.values()].filter((e) => e.kind === kind).reduce((n, e) => n + e.els.size, 0);
  window.__live = () => ({ listeners: live.size, observed: count('resize'), intersecting: count('intersection') });
}

async function moveAround(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.evaluate(() => {
      const picker = document.querySelector('branch-picker')!;
      const other = document.createElement('div');
      document.body.append(other);
      other.append(picker); // move
      picker.remove(); // detach
      document.querySelector('fieldset')!.append(picker); // and back
      other.remove();
    });
  }
  await expect(pointsList(page).getByRole('option').first()).toBeVisible({ timeout: 30_000 });
}

test('reparenting and re-adding keeps one working map', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(trackRetainers);
  // With a parcel: the rows in view are priced, watched by an IntersectionObserver.
  await openPlayground(page, { 'parcel-weight': '1200', 'parcel-size': '30x20x10' });
  await moveAround(page, 1);
  const once = await page.evaluate(() => window.__live());
  await moveAround(page, 3);
  const maps = await page.locator('branch-picker').evaluate((el) => el.shadowRoot!.querySelectorAll('.leaflet-container').length);
  expect(maps).toBe(1);
  await expect.poll(() => page.locator('branch-picker').evaluate((el) => el.shadowRoot!.querySelectorAll('.leaflet-marker-icon').length)).toBeGreaterThan(0);
  // Three more moves hold on to nothing more than one did: every window/document listener and
  // observed element taken on connect is given back on disconnect (rows re-render at their own pace:
  // wait for the count to settle).
  await expect.poll(() => page.evaluate(() => window.__live())).toEqual(once);
  // The tracker does see the widget's own resize listener and observer.
  expect(once.listeners).toBeGreaterThan(0);
  expect(once.observed).toBeGreaterThan(0);
  expect(once.intersecting).toBeGreaterThan(0);
  // Detached, the picker watches nothing: no row is still being priced, no map is being sized.
  await page.evaluate(() => document.querySelector('branch-picker')!.remove());
  await expect.poll(() => page.evaluate(() => window.__live())).toMatchObject({ observed: 0, intersecting: 0 });
  expect(pageErrors).toEqual([]);
});

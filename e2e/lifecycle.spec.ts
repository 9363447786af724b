// Removing, moving and re-adding the element leaks nothing (maps, listeners on window and document,
// ResizeObserver targets) and never throws
// "Map container is already initialized".
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, pointsList } from './support.js';

declare global {
  interface Window {
    __live: () => { listeners: number; observed: number };
  }
}

/** Counts what the page holds on to: listeners on window and document, elements under a ResizeObserver. */
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
  const observed = new Map<ResizeObserver, Set<Element>>();
  const observe = ResizeObserver.prototype.observe;
  const unobserve = ResizeObserver.prototype.unobserve;
  const disconnect = ResizeObserver.prototype.disconnect;
  ResizeObserver.prototype.observe = function (this: ResizeObserver, el: Element, o?: ResizeObserverOptions) {
    observed.set(this, (observed.get(this) ?? new Set()).add(el));
    return observe.call(this, el, o);
  };
  ResizeObserver.prototype.unobserve = function (this: ResizeObserver, el: Element) {
    observed.get(this)?.delete(el);
    return unobserve.call(this, el);
  };
  ResizeObserver.prototype.disconnect = function (this: ResizeObserver) {
    observed.delete(this);
    return disconnect.call(this);
  };
  window.__live = () => ({ listeners: live.size, observed: [...observed.values()].reduce((n, s) => n + s.size, 0) });
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
  await openPlayground(page);
  await moveAround(page, 1);
  const once = await page.evaluate(() => window.__live());
  await moveAround(page, 3);
  const maps = await page.locator('branch-picker').evaluate((el) => el.shadowRoot!.querySelectorAll('.leaflet-container').length);
  expect(maps).toBe(1);
  await expect.poll(() => page.locator('branch-picker').evaluate((el) => el.shadowRoot!.querySelectorAll('.leaflet-marker-icon').length)).toBeGreaterThan(0);
  // Three more moves hold on to nothing more than one did: every window/document listener and
  // ResizeObserver target taken on connect is given back on disconnect.
  expect(await page.evaluate(() => window.__live())).toEqual(once);
  // The tracker does see the widget's own resize listener and observer.
  expect(once.listeners).toBeGreaterThan(0);
  expect(once.observed).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});

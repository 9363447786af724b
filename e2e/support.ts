// Shared helpers for the end-to-end journeys. Locators are role-based: they pierce the
// widget's open shadow root, as a screen reader would see it.
import { expect, type Locator, type Page } from '@playwright/test';

export interface RecordedEvent {
  type: string;
  cancelable: boolean;
  detail: unknown;
}

declare global {
  interface Window {
    __bpEvents: RecordedEvent[];
  }
}

const EVENT_TYPES = ['bp-select', 'bp-change', 'bp-error', 'bp-ready', 'bp-open', 'bp-close', 'bp-order', 'bp-track'];

/** Records every bp-* event that reaches the document (they bubble and are composed). */
export async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript((types: string[]) => {
    window.__bpEvents = [];
    for (const type of types) {
      document.addEventListener(type, (e) => {
        const detail = (e as CustomEvent).detail as unknown;
        window.__bpEvents.push({ type, cancelable: e.cancelable, detail: JSON.parse(JSON.stringify(detail ?? null)) });
      });
    }
  }, EVENT_TYPES);
}

export async function events(page: Page, type?: string): Promise<RecordedEvent[]> {
  const all = await page.evaluate(() => window.__bpEvents);
  return type ? all.filter((e) => e.type === type) : all;
}

export function pointsList(page: Page, name = 'Пункты'): Locator {
  return page.getByRole('listbox', { name });
}

/** The playground with the built-in basemap (tiles from the internet cannot load here). */
export async function openPlayground(page: Page, query: Record<string, string> = {}): Promise<void> {
  const params = new URLSearchParams({ 'tile-url': 'none', ...query });
  await page.goto(`/widget/?${params}`);
  await expect(pointsList(page, listName(query.lang)).getByRole('option').first()).toBeVisible();
}

export function listName(lang?: string): string {
  return lang === 'en' ? 'Points' : lang === 'uk' ? 'Пункти' : 'Пункты';
}

/** "140 м", "1,2 км", "12 km" -> metres. */
export function parseDistance(text: string): number {
  const m = /([\d\s\u00a0\u202f,.]+)\s*(км|km|м|m)/u.exec(text);
  if (!m) return Number.NaN;
  const value = Number(m[1]!.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return m[2] === 'км' || m[2] === 'km' ? value * 1000 : value;
}

/** The element that has focus, looking through shadow roots. */
export async function deepActiveElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} ${label}`;
  });
}

/** Markers currently in the widget's DOM (points and cluster badges). */
export async function markerCount(page: Page): Promise<number> {
  return page.locator('branch-picker').evaluate((el) => el.shadowRoot?.querySelectorAll('.leaflet-marker-icon').length ?? 0);
}

/** First point matching a predicate, straight from the sandbox API (ids are stable across runs). */
export async function findPoint(
  page: Page,
  bbox: string,
  predicate: (b: { id: string; status: string; type: string; carrier: string; name: string; lat: number; lng: number }) => boolean,
): Promise<{ id: string; status: string; type: string; carrier: string; name: string; lat: number; lng: number; statusNote?: string }> {
  const res = await page.request.get(`/api/v1/points?bbox=${bbox}&limit=500`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: Array<{ id: string; status: string; type: string; carrier: string; name: string; lat: number; lng: number; statusNote?: string }> };
  const found = body.items.find(predicate);
  if (!found) throw new Error(`no point in ${bbox} matches`);
  return found;
}

/** Strictest policy a shop is likely to run: own origin only, no inline code or style, no eval. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** A plain shop page that embeds only the script-tag file (twice, as two plugins might). */
export function hostPage(attributes = 'tile-url="none"'): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop checkout</title>
<script src="/widget/dist/branch-picker.js"></script>
<script src="/widget/dist/branch-picker.js"></script>
</head><body>
<h1>Checkout</h1>
<form id="f" action="/never">
  <branch-picker name="pickup_point" ${attributes} required></branch-picker>
  <button type="submit">Pay</button>
</form>
</body></html>`;
}

/** Serves hostPage() at /shop/checkout.html with a real CSP header and records violations. */
export async function openHostPage(page: Page, attributes?: string): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.route('**/shop/checkout.html', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
    body: hostPage(attributes),
  }));
  await page.goto('/shop/checkout.html');
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

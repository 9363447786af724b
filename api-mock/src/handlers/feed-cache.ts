// How long browsers and CDNs may keep each feed answer. The feed is read-only and its ETag carries the data
// version, so a stale copy is at worst one reload behind and a revalidation is a cheap 304; orders re-check the
// live point anyway. Answers that depend on the clock ("open now") hold for the rest of their minute only.

export interface CachePolicy {
  /** Browsers (max-age). */
  maxAgeS: number;
  /** Shared caches, CDNs (s-maxage). */
  sMaxAgeS: number;
  /** A CDN may answer from a stale copy while it refetches (stale-while-revalidate). */
  staleWhileRevalidateS: number;
  /** ... and when every origin fails (stale-if-error). */
  staleIfErrorS: number;
}

const DAY_S = 86_400;

export const FEED_CACHE = {
  /** The bulk of the traffic, the same for every buyer looking at the same map: long at the CDN. */
  tiles: { maxAgeS: 300, sMaxAgeS: 3_600, staleWhileRevalidateS: DAY_S, staleIfErrorS: DAY_S },
  /** Lists and details show status and hours a buyer acts on: shorter at the CDN. */
  points: { maxAgeS: 300, sMaxAgeS: 900, staleWhileRevalidateS: 3_600, staleIfErrorS: DAY_S },
  /** Long-tail queries: a CDN rarely hits them twice, but they cost nothing to keep. */
  search: { maxAgeS: 300, sMaxAgeS: 3_600, staleWhileRevalidateS: DAY_S, staleIfErrorS: DAY_S },
} as const satisfies Record<string, CachePolicy>;

/** "Open now" answers are valid until the end of the minute they were computed for; never served stale. */
export function clockBoundPolicy(minuteStart: Date, now: Date): CachePolicy {
  const left = Math.max(1, 60 - Math.floor((now.getTime() - minuteStart.getTime()) / 1000));
  return { maxAgeS: left, sMaxAgeS: left, staleWhileRevalidateS: 0, staleIfErrorS: 0 };
}

export function cacheControl(p: CachePolicy): string {
  const parts = ['public', `max-age=${p.maxAgeS}`, `s-maxage=${p.sMaxAgeS}`];
  if (p.staleWhileRevalidateS > 0) parts.push(`stale-while-revalidate=${p.staleWhileRevalidateS}`);
  if (p.staleIfErrorS > 0) parts.push(`stale-if-error=${p.staleIfErrorS}`);
  return parts.join(', ');
}

/** The start of the minute: "open now" is computed for it, so every process and request agree within it. */
export function minuteOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

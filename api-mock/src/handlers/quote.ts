// POST {apiBase}/api/v1/quote {pointId, parcel, origin} -> Quote: the quote endpoint of our open feed,
// used by every carrier that publishes the feed format (widget/src/carriers/open-feed.ts).
// Errors are the feed's {"error":{"field","message"}}; the price is pricing/open-feed-quote.ts.
import { http, type RequestHandler } from 'msw';
import type { SandboxContext } from '../context.js';
import { openFeedQuote } from '../pricing/open-feed-quote.js';
import { apiError, json, readJson } from './http.js';

export function openFeedQuoteHandlers(ctx: SandboxContext): RequestHandler[] {
  return [
    http.post('*/api/v1/quote', async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return apiError(400, 'body', 'expected a JSON body');
      const r = openFeedQuote(ctx, body.value);
      if (!r.ok) return apiError(r.status, r.field, r.message);
      return json(r.quote, { headers: { 'Cache-Control': 'no-store' } });
    }),
  ];
}

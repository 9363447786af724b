// Our own open feed: points already in the carrier-neutral Branch shape, quotes already Quote.
// The third carrier shape, and the one any new carrier can use by publishing the feed format:
// GET {apiBase}/api/v1/points (Branch items) and POST {apiBase}/api/v1/quote {pointId, parcel, origin} -> Quote;
// errors are {"error":{"field","message"}}.
import { z } from '../model/zod.js';
import { Branch, Quote, type Origin, type Parcel } from '../model/index.js';
import { firstIssue } from '../model/validate.js';
import {
  carrierError, DEFAULT_QUOTE_TTL_MS,
  type AdapterOptions, type CarrierAdapter, type CarrierError, type CarrierRequest, type QuoteContext, type RawAnswer,
} from './types.js';
import { parcelKey } from './util.js';

export const OPEN_FEED = 'open-feed';

export const OpenFeedErrorSchema = z.object({
  error: z.object({ field: z.optional(z.string()), message: z.string(), code: z.optional(z.string()) }),
});

export interface OpenFeedOptions extends AdapterOptions {
  /** The carrier id this feed serves (a feed publisher's own slug); default "open-feed". */
  id?: string;
  label?: string;
}

export function createOpenFeedAdapter(options: OpenFeedOptions = {}): CarrierAdapter {
  const id = options.id ?? OPEN_FEED;
  const ttl = options.quoteTtlMs ?? DEFAULT_QUOTE_TTL_MS;
  const endpoint = `${options.apiBase ?? ''}/api/v1/quote`;

  function toBranch(raw: unknown): Branch | CarrierError {
    const parsed = Branch.safeParse(raw);
    if (!parsed.success) return carrierError(id, 'bad_response', firstIssue(parsed.error).message);
    return parsed.data;
  }

  function dedupeKey(branch: Branch, parcel: Parcel, origin: Origin): string {
    // The feed prices per point: nothing to share between points.
    return `${branch.id}|${origin.country}|${origin.postcode ?? ''}|${origin.cityRef ?? origin.city ?? ''}|${parcelKey(parcel)}`;
  }

  function quoteRequest(parcel: Parcel, origin: Origin, branch: Branch): CarrierRequest[] {
    return [{
      url: endpoint,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pointId: branch.id, parcel, origin }),
    }];
  }

  function toQuote(raws: readonly RawAnswer[], ctx: QuoteContext): Quote | CarrierError {
    const answer = raws[0];
    if (!answer) return carrierError(id, 'bad_response', 'no answer');
    const err = OpenFeedErrorSchema.safeParse(answer.body);
    if (err.success) {
      const e = err.data.error;
      return carrierError(id, answer.status >= 500 ? 'http' : 'rejected', e.field ? `${e.field}: ${e.message}` : e.message,
        e.code ? [e.code] : [String(answer.status)], answer.status >= 500);
    }
    if (answer.status < 200 || answer.status >= 300) {
      return carrierError(id, 'http', `HTTP ${answer.status}`, [String(answer.status)], answer.status >= 500 || answer.status === 429);
    }
    const parsed = Quote.safeParse(answer.body);
    if (!parsed.success) return carrierError(id, 'bad_response', firstIssue(parsed.error).message);
    const q = parsed.data;
    // A quote for another point must never be shown for this one.
    if (q.pointId !== ctx.branch.id) return carrierError(id, 'bad_response', `quote is for ${q.pointId}, not ${ctx.branch.id}`);
    const cap = new Date(ctx.fetchedAt.getTime() + ttl).toISOString();
    return { ...q, carrier: id, expiresAt: Date.parse(q.expiresAt) < Date.parse(cap) ? q.expiresAt : cap };
  }

  return {
    id,
    label: options.label ?? 'Open feed',
    schemas: { branch: Branch, quote: Quote, error: OpenFeedErrorSchema },
    quoteTtlMs: ttl,
    toBranch,
    dedupeKey,
    quoteRequest,
    toQuote,
  };
}

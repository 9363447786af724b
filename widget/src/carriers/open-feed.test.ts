import { describe, expect, it } from 'vitest';
import { createOpenFeedAdapter } from './open-feed.js';
import { createDefaultRegistry } from './registry.js';
import { isCarrierError } from './types.js';
import quote from './fixtures/open-feed-quote.json' with { type: 'json' };
import feedError from './fixtures/open-feed-error.json' with { type: 'json' };
import { makeBranch, ORIGIN, PARCEL } from './fixtures/branches.js';

const feed = createOpenFeedAdapter({ apiBase: 'https://feed.test' });
const fetchedAt = new Date('2026-10-06T09:00:00Z');
const branch = makeBranch({ id: 'of-1', carrier: 'open-feed' });
const ctx = { branch, parcel: PARCEL, origin: ORIGIN, fetchedAt };

describe('open feed adapter', () => {
  it('accepts our Branch shape as is and rejects anything else', () => {
    expect(feed.toBranch(branch)).toEqual(branch);
    expect(isCarrierError(feed.toBranch({ ...branch, lat: 200 }))).toBe(true);
  });

  it('posts point, parcel and origin', () => {
    const [req] = feed.quoteRequest(PARCEL, ORIGIN, branch) as Array<{ url: string; body: string }>;
    expect(req!.url).toBe('https://feed.test/api/v1/quote');
    expect(JSON.parse(req!.body)).toEqual({ pointId: 'of-1', parcel: PARCEL, origin: ORIGIN });
  });

  it('caps the feed expiry at the adapter lifetime (30 minutes after the answer)', () => {
    // The fixture says 2099: the cap wins.
    const q = feed.toQuote([{ status: 200, body: quote }], ctx);
    expect(q).toMatchObject({ total: 490, currency: 'EUR', expiresAt: '2026-10-06T09:30:00.000Z' });
  });

  it('keeps the feed expiry when it comes before the cap', () => {
    const q = feed.toQuote([{ status: 200, body: { ...quote, expiresAt: '2026-10-06T09:10:00Z' } }], ctx);
    expect(isCarrierError(q)).toBe(false);
    expect(Date.parse((q as { expiresAt: string }).expiresAt)).toBe(Date.parse('2026-10-06T09:10:00Z'));
  });

  it('never accepts a quote for another point', () => {
    expect(feed.toQuote([{ status: 200, body: { ...quote, pointId: 'of-2' } }], ctx)).toMatchObject({ kind: 'bad_response' });
  });

  it('maps the feed error shape', () => {
    expect(feed.toQuote([{ status: 422, body: feedError }], ctx)).toMatchObject({ kind: 'rejected', message: 'parcel.weightG: must be at most 30000' });
  });

  it('registry serves the three shapes and extra open-feed carriers', () => {
    const strict = createDefaultRegistry({ openFeedCarriers: ['boxbox'], openFeedFallback: false });
    expect(strict.ids().sort()).toEqual(['boxbox', 'nova-poshta', 'open-feed', 'russian-post']);
    expect(strict.get('boxbox')!.id).toBe('boxbox');
    expect(strict.get('dhl')).toBeUndefined();
    // By default any other carrier of our feed is quoted through the open feed, under its own id.
    const open = createDefaultRegistry();
    expect(open.get('inpost')!.id).toBe('inpost');
    expect(open.get('inpost')!.quoteRequest(PARCEL, ORIGIN, branch)).toMatchObject([{ url: '/api/v1/quote' }]);
    expect(open.get('russian-post')!.label).toBe('Почта России');
  });
});

// Which points source the element talks to: our open tile feed ("tiles", the default) or a whole
// list clustered in the browser ("nova-poshta"). Both are ApiClients, so the element swaps one
// object and nothing else. Whole-list feeds are shared per (api base, key): two pickers, or one
// re-created after a move, load the 30k warehouses once.
import { ApiClient } from '../api/client.js';
import type { FeedKind } from '../model/index.js';
import { ListFeed, ListFeedApi } from './list-feed.js';

export interface FeedSettings {
  apiBase: string;
  feed: FeedKind;
  npApiKey?: string | undefined;
}

/** Distinct whole lists kept alive at once (the oldest is disposed: fetches aborted, worker ended). */
const KEEP = 2;
const lists = new Map<string, ListFeed>();

function sharedList(apiBase: string, apiKey: string | undefined): ListFeed {
  const key = JSON.stringify([apiBase, apiKey ?? '']);
  let feed = lists.get(key);
  if (!feed) {
    feed = new ListFeed({ apiBase, apiKey });
    lists.set(key, feed);
    if (lists.size > KEEP) {
      const oldest = lists.keys().next().value!;
      lists.get(oldest)?.dispose();
      lists.delete(oldest);
    }
  }
  return feed;
}

/** The client for these settings: `current` itself when it already fits (no reload). */
export function apiForSettings(current: ApiClient, s: FeedSettings): ApiClient {
  if (s.feed === 'nova-poshta') {
    const feed = sharedList(s.apiBase, s.npApiKey);
    return current instanceof ListFeedApi && current.feed === feed ? current : new ListFeedApi(feed, s.apiBase);
  }
  return !(current instanceof ListFeedApi) && current.base === s.apiBase ? current : new ApiClient(s.apiBase);
}

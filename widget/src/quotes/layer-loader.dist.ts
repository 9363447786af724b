// Loads the tariff layer for the script-tag build: injects QUOTES_FILE (ondemand-files.ts) next to
// the main file, with its SRI hash (ondemand-script.ts). The file reports back through the versioned
// global hook (hook.ts) and borrows this file's zod and schemas (shared-deps.ts).
import { QUOTES_HOOK, type QuotesHook } from './hook.js';
import type { QuoteLayer } from './layer.js';
import { sharedDeps } from './shared-deps.js';
import { QUOTES_FILE } from '../ondemand-files.js';
import { onDemandScript } from '../ondemand-script.js';

/** sha384 of branch-picker.quotes.js, injected by scripts/build-widget.ts. */
declare const __BP_QUOTES_SRI__: string;

/** One load per page; after a failure the next call tries again (the buyer's "retry"). */
export const loadQuoteLayer: () => Promise<QuoteLayer> = onDemandScript(QUOTES_FILE, __BP_QUOTES_SRI__, () => {
  let layer: QuoteLayer | undefined;
  const hook: QuotesHook = { deps: sharedDeps(), done: (l) => (layer = l) };
  (globalThis as unknown as Record<string, QuotesHook>)[QUOTES_HOOK] = hook;
  return () => layer;
});

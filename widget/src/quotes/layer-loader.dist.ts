// Loads the tariff layer for the script-tag build: injects QUOTES_FILE (ondemand-files.ts), a
// classic script next to the main file, with the SRI hash computed at build time. Same origin passes
// `script-src 'self'`; no inline code, no eval. The file reports back through the versioned
// global hook (hook.ts) and borrows this file's zod and schemas (shared-deps.ts).
import { QUOTES_HOOK, type QuotesHook } from './hook.js';
import type { QuoteLayer } from './layer.js';
import { sharedDeps } from './shared-deps.js';
import { MAIN_FILE, QUOTES_FILE } from '../ondemand-files.js';

/** sha384 of branch-picker.quotes.js, injected by scripts/build-widget.ts. */
declare const __BP_QUOTES_SRI__: string;

// Captured while the script tag executes: document.currentScript is null afterwards.
const script = typeof document !== 'undefined' ? document.currentScript : null;
const BASE = script instanceof HTMLScriptElement ? script.src : '';

let pending: Promise<QuoteLayer> | undefined;

/** One load per page; after a failure the next call tries again (the buyer's "retry"). */
export function loadQuoteLayer(): Promise<QuoteLayer> {
  pending ??= inject().catch((e: unknown) => {
    pending = undefined;
    throw e;
  });
  return pending;
}

function inject(): Promise<QuoteLayer> {
  return new Promise((resolve, reject) => {
    if (!BASE) {
      reject(new Error(`cannot locate ${QUOTES_FILE}: ${MAIN_FILE} was not loaded by a <script src>`));
      return;
    }
    let layer: QuoteLayer | undefined;
    const hook: QuotesHook = { deps: sharedDeps(), done: (l) => (layer = l) };
    (globalThis as unknown as Record<string, QuotesHook>)[QUOTES_HOOK] = hook;
    const el = document.createElement('script');
    el.src = new URL(QUOTES_FILE, BASE).href;
    el.integrity = __BP_QUOTES_SRI__;
    el.crossOrigin = 'anonymous';
    el.onload = () => {
      el.remove();
      if (layer) resolve(layer);
      else reject(new Error(`${QUOTES_FILE} did not register (version mismatch?)`));
    };
    el.onerror = () => {
      el.remove();
      reject(new Error(`${QUOTES_FILE} failed to load from ${el.src}`));
    };
    (document.head ?? document.documentElement).append(el);
  });
}

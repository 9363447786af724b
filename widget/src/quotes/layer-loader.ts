// Loads the tariff layer for the ESM build and app bundlers: a plain dynamic import, which the
// bundler splits into its own chunk. The script-tag build swaps this module for
// layer-loader.dist.ts (scripts/build-widget.ts).
import type { QuoteLayer } from './layer.js';

export function loadQuoteLayer(): Promise<QuoteLayer> {
  return import('./layer.js').then((m) => m.quoteLayer);
}

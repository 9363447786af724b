// The tariff layer: carrier adapters, the QuoteScheduler and the origin lookup. Only embeds with a
// parcel need it, so the element loads it on demand (layer-loader.ts) and keeps nothing but types.
// It also carries the quote-only views of the list (open on arrival, price/speed orders).
// Must not import lit or the UI: in the script-tag build this becomes its own file
// (branch-picker.quotes.js) that reuses the main file's zod and schemas (see shared-deps.ts).
import { createDefaultRegistry, type CarrierRegistry, type DefaultRegistryOptions } from '../carriers/registry.js';
import { completeOrigin } from '../carriers/origin.js';
import { QuoteScheduler, type QuoteSchedulerOptions } from './scheduler.js';
import { arrivalCheck } from '../core/arrival.js';
import { sortPoints } from '../core/sort.js';

/** The list's quote-only computations (ui/quote-view.ts takes them from here). */
export interface QuoteTools {
  arrivalCheck: typeof arrivalCheck;
  sortPoints: typeof sortPoints;
}

export interface QuoteLayer extends QuoteTools {
  createRegistry(options: DefaultRegistryOptions): CarrierRegistry;
  createScheduler(options: QuoteSchedulerOptions): QuoteScheduler;
  completeOrigin: typeof completeOrigin;
}

export const quoteLayer: QuoteLayer = {
  createRegistry: (options) => createDefaultRegistry(options),
  createScheduler: (options) => new QuoteScheduler(options),
  completeOrigin,
  arrivalCheck,
  sortPoints,
};

// How the script-tag file and its on-demand tariff file (branch-picker.quotes.js) meet: one global
// object per widget version, so two versions on one page never pick up each other's modules.
import type { QuoteLayer } from './layer.js';
import type { SharedDeps } from './shared-deps.js';
import { VERSION } from '../version.js';

export const QUOTES_HOOK = `__branchPicker_v${VERSION}_quotes`;

export interface QuotesHook {
  /** Put by the main file before it injects the tariff file: zod and schemas it already has. */
  deps: SharedDeps;
  /** Called by the tariff file once evaluated. */
  done(layer: QuoteLayer): void;
}

export function quotesHook(): QuotesHook | undefined {
  return (globalThis as unknown as Record<string, QuotesHook | undefined>)[QUOTES_HOOK];
}

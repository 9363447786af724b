// Loads the order step for the ESM build and app bundlers: a plain dynamic import, split into its own chunk.
// The script-tag build swaps this module for loader.dist.ts (scripts/build-widget.ts).
import type { OrderStepModule } from './module.js';

export type { OrderStepModule };

export function loadOrderStep(): Promise<OrderStepModule> {
  return import('./module.js').then((m) => m.orderStepModule);
}

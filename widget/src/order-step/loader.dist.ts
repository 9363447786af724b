// Loads the order step for the script-tag build: injects ORDER_FILE (ondemand-files.ts) next to the main file,
// with its SRI hash (ondemand-script.ts). The file reports back through the versioned global hook (hook.ts) and
// borrows this file's Lit, zod, schemas and formatters (shared-deps.ts).
import { ORDER_HOOK, type OrderHook } from './hook.js';
import type { OrderStepModule } from './module.js';
import { orderDeps } from './shared-deps.js';
import { ORDER_FILE } from '../ondemand-files.js';
import { onDemandScript } from '../ondemand-script.js';

export type { OrderStepModule };

/** sha384 of branch-picker.order.js, injected by scripts/build-widget.ts. */
declare const __BP_ORDER_SRI__: string;

/** One load per page; after a failure the next call tries again. */
export const loadOrderStep: () => Promise<OrderStepModule> = onDemandScript(ORDER_FILE, __BP_ORDER_SRI__, () => {
  let loaded: OrderStepModule | undefined;
  const hook: OrderHook = { deps: orderDeps(), done: (m) => (loaded = m) };
  (globalThis as unknown as Record<string, OrderHook>)[ORDER_HOOK] = hook;
  return () => loaded;
});

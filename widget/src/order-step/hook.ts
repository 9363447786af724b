// How the script-tag file and its on-demand order file (branch-picker.order.js) meet: one global object per
// widget version, so two versions on one page never pick up each other's modules.
import type { OrderStepModule } from './module.js';
import type { OrderDeps } from './shared-deps.js';
import { VERSION } from '../version.js';

export const ORDER_HOOK = `__branchPicker_v${VERSION}_order`;

export interface OrderHook {
  /** Put by the main file before it injects the order file: Lit, zod, schemas and formatters it already has. */
  deps: OrderDeps;
  /** Called by the order file once evaluated. */
  done(module: OrderStepModule): void;
}

export function orderHook(): OrderHook | undefined {
  return (globalThis as unknown as Record<string, OrderHook | undefined>)[ORDER_HOOK];
}

/** The hook's deps, or a clear error: the order file is loaded by the main file, never on its own. */
export function orderDepsFromHook(): OrderDeps {
  const deps = orderHook()?.deps;
  if (!deps) throw new Error(`[branch-picker] branch-picker.order.js is loaded by branch-picker.js, not on its own`);
  return deps;
}

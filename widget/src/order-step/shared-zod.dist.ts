// Stands in for model/zod.ts inside branch-picker.order.js (a module swap in scripts/build-widget.ts): the zod
// builders of the main file, already configured jitless, instead of a second zod.
import { orderDepsFromHook } from './hook.js';

export const z = orderDepsFromHook().z;

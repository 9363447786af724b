// Stands in for `lit` inside branch-picker.order.js (a module swap in scripts/build-widget.ts): the main file's
// Lit, so the step's element and the picker share one Lit. Type-only imports of lit are erased.
import { orderDepsFromHook } from './hook.js';

export const { LitElement, css, html, nothing } = orderDepsFromHook().lit;

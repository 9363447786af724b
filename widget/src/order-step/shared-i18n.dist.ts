// Stands in for i18n/index.ts inside branch-picker.order.js (a module swap in scripts/build-widget.ts): the main
// file's language resolution and cached Intl formatters, without its translation tables.
import { orderDepsFromHook } from './hook.js';

export const { formatDate, formatMoney, resolveLang, toLang } = orderDepsFromHook().i18n;

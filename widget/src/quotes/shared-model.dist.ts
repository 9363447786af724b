// Stands in for model/index.ts inside branch-picker.quotes.js (alias in scripts/build-widget.ts):
// the main file's schemas. Type-only imports of the model are erased and never reach here.
import { quotesHook } from './hook.js';

const deps = quotesHook()?.deps;
if (!deps) throw new Error('[branch-picker] branch-picker.quotes.js is loaded by branch-picker.js, not on its own');

export const { Branch, Quote } = deps.model;

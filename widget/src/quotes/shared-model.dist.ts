// Stands in for model/index.ts inside branch-picker.quotes.js (a module swap in scripts/build-widget.ts):
// the main file's schemas. Type-only imports of the model are erased and never reach here.
import { quotesHook } from './hook.js';
import { MAIN_FILE, QUOTES_FILE } from '../ondemand-files.js';

const deps = quotesHook()?.deps;
if (!deps) throw new Error(`[branch-picker] ${QUOTES_FILE} is loaded by ${MAIN_FILE}, not on its own`);

export const { Branch, Quote } = deps.model;

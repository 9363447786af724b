// Stands in for model/zod.ts inside branch-picker.quotes.js (a module swap in scripts/build-widget.ts):
// the zod builders of the main file, already configured jitless, instead of a second zod.
import { quotesHook } from './hook.js';
import { MAIN_FILE, QUOTES_FILE } from '../ondemand-files.js';

const deps = quotesHook()?.deps;
if (!deps) throw new Error(`[branch-picker] ${QUOTES_FILE} is loaded by ${MAIN_FILE}, not on its own`);

export const z = deps.z;

// Stands in for model/zod.ts inside branch-picker.quotes.js (alias in scripts/build-widget.ts):
// the zod builders of the main file, already configured jitless, instead of a second zod.
import { quotesHook } from './hook.js';

const deps = quotesHook()?.deps;
if (!deps) throw new Error('[branch-picker] branch-picker.quotes.js is loaded by branch-picker.js, not on its own');

export const z = deps.z;

// branch-picker/tracking and bp-tracking.js: registers <bp-tracking> (guarded: a second copy or another version
// on the page never throws) and exports everything index.ts does.
import { defineBranchPicker } from '../define-guard.js';
import { BpTracking } from './element.js';

export const TRACKING_TAG = 'bp-tracking';
defineBranchPicker(BpTracking, globalThis.customElements, TRACKING_TAG);

export * from './index.js';

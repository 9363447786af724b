// Side-effect module: registers <branch-picker> (guarded, never throws).
import { BranchPicker } from './branch-picker.js';
import { defineBranchPicker } from './define-guard.js';

defineBranchPicker(BranchPicker);

export { BranchPicker };

// TEST ONLY (dist/widget-test/, never published): until <branch-picker> mounts the step, nothing in
// branch-picker.js calls loadOrderStep. This file is that call site for e2e/order-step.spec.ts: the script-tag
// loader (loader.dist.ts, swapped in by the build), the deps it lends, SRI and the real branch-picker.order.js.
import { loadOrderStep } from './loader.js';

(globalThis as unknown as { __bpOrderStepHarness: { loadOrderStep: typeof loadOrderStep } }).__bpOrderStepHarness = { loadOrderStep };

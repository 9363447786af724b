// Entry of branch-picker.order.js: hands the order step to the main file that injected it.
import { orderHook } from './hook.js';
import { orderStepModule } from './module.js';

orderHook()?.done(orderStepModule);

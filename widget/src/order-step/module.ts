// What the on-demand order file hands to the main file: everything <branch-picker> needs to mount the step.
import { defineOrderStep, OrderStep } from './element.js';
import { orderStore, pendingOrder } from './order-store.js';

export interface OrderStepModule {
  defineOrderStep: typeof defineOrderStep;
  OrderStep: typeof OrderStep;
  pendingOrder: typeof pendingOrder;
  orderStore: typeof orderStore;
}

export const orderStepModule: OrderStepModule = { defineOrderStep, OrderStep, pendingOrder, orderStore };

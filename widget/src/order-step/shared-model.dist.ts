// Stands in for model/branch.ts, common.ts, config.ts, parcel.ts and quote.ts inside branch-picker.order.js (module swaps in
// scripts/build-widget.ts): the main file's schemas, which model/order.ts and model/tracking-point.ts build on.
import { orderDepsFromHook } from './hook.js';

export const { BranchType, CarrierId, DayHours, HoursException, Money, Origin, Parcel, Quote } = orderDepsFromHook().model;

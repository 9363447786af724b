// The data model: zod schemas are the single source of the TypeScript types,
// shared by the widget, the constructor and the sandbox.
export * from './common.js';
export * from './branch.js';
export * from './parcel.js';
export * from './quote.js';
export * from './order.js';
export * from './config.js';
export * from './feed.js';
export * from './validate.js';
export { z } from './zod.js';

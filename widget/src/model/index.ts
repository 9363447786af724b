// The data model: zod schemas are the single source of the TypeScript types,
// shared by the widget, the constructor and the sandbox.
export * from './common.js';
export * from './branch.js';
export * from './parcel.js';
export * from './quote.js';
export * from './config.js';
export * from './feed.js';
export * from './validate.js';
// Orders are imported from './order.js' directly: zod schemas are module-level calls a bundler cannot drop,
// so re-exporting them here would put the order API's schemas into every script-tag embed.
export { z } from './zod.js';

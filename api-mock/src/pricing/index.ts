export * from './geo.js';
export * from './delivery-days.js';
export * from './russian-post.js';
export * from './nova-poshta.js';
export * from './directory.js';
export * from './sandbox-directory.js';
export * from './generic.js';

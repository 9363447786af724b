export * from './types.js';
export * from './registry.js';
export { createRussianPostAdapter, packClass, RUSSIAN_POST, type RussianPostOptions } from './russian-post.js';
export { createNovaPoshtaAdapter, NOVA_POSHTA, NP_LOCKER_LIMITS, type NovaPoshtaOptions } from './nova-poshta.js';
export { createOpenFeedAdapter, OPEN_FEED, type OpenFeedOptions } from './open-feed.js';

// branch-picker/orders: the order client for shops (browsers and Node). Side-effect free.
// The Node-only file store is its own entry, branch-picker/orders/file-store, so browser bundles never see node:fs.
export { createOrderClient, type OrderClient, type OrderClientOptions, type OrderIntent, type ResumeResult } from './client.js';
export { createTrackingClient, type TrackingClient, type TrackingClientOptions } from './tracking-client.js';
export { memoryStore, type PendingIntent, type PendingOrderStore } from './pending.js';
export { localStorageStore, type StorageLike } from './local-storage-store.js';
export { retryDelay, isRetryable, type BackoffOptions } from './backoff.js';
export { formatIdempotencyKey } from './idempotency-key.js';
export { OrderApiError, QuoteChangedError, OrderRetryExhaustedError, PendingIntentError } from './errors.js';
export type { FetchLike } from './request.js';
export {
  IDEMPOTENCY_RETENTION_S,
  type OrderInput,
  type CreatedOrder,
  type OrderView,
  type TrackingView,
  type TrackingEvent,
  type Problem,
  type OrderStatus,
} from '../model/order.js';
export type { TrackingAnswer, TrackingPoint, TrackingLookup } from '../model/tracking-point.js';

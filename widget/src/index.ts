// Public entry: classes, types and events. Side-effect free (importing it registers
// nothing); import './define.js' or call defineBranchPicker() to register the tag.
export { BranchPicker } from './branch-picker.js';
export {
  BpSelectEvent,
  BpChangeEvent,
  BpErrorEvent,
  BpReadyEvent,
  BpOpenEvent,
  BpCloseEvent,
  toBranchDetail,
  type BranchDetail,
  type SelectionDetail,
  type ErrorDetail,
  type ErrorCode,
} from './element/events.js';
export { BpOrderEvent, type BpOrderDetail } from './order-step/order-event.js';
export { resolveSettings, parseAttribute, ATTRIBUTES, DEFAULTS, DEFAULT_TILE_URL, type Settings } from './element/settings.js';
export { defineBranchPicker, TAG } from './define-guard.js';
export { VERSION } from './version.js';
export type {
  Branch,
  BranchType,
  PaymentMethod,
  Parcel,
  Quote,
  WidgetConfig,
  FeedPoint,
  FeedCluster,
  SearchSuggestion,
} from './model/index.js';

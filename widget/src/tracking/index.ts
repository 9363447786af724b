// branch-picker/tracking without side effects: the class, its event and the pure helpers. ./define.ts registers the tag.
export { BpTracking, TrackingChangeEvent, type TrackingChangeDetail } from './element.js';
export { TrackingController, type TrackingSource, type TrackingState } from './controller.js';
export { checkLookup, cleanTrackNumber, type LookupCheck, type LookupField } from './lookup-input.js';
export { nextPollDelay, isFinal, DEFAULT_POLL, type PollOptions, type PollState } from './poll-policy.js';
export { buildTrackingModel, formatEventTime, type TrackingModel, type TimelineRow, type EventTime } from './view-model.js';
export { trackingMessages, type TrackingMessages } from './messages.js';
export { createTrackingClient, type TrackingClient, type TrackingClientOptions } from '../orders/tracking-client.js';
export type { TrackingAnswer, TrackingPoint } from '../model/tracking-point.js';

// The pickup point as the tracking answer carries it: the snapshot taken when the order was accepted, so the
// buyer sees the hours and time zone of the point the parcel is going to even if the live feed changes later.
// Kept beside order.ts (not in it) so the order API's base schemas stay as the shop client knows them; the
// tracking answer is TrackingView plus this optional `point`.
import { z } from './zod.js';
import { cappedText, TEXT_CAPS } from './capped-text.js';
import { BranchType, DayHours, HoursException } from './branch.js';
import { TrackingView } from './order.js';

export const TrackingPoint = z.object({
  type: BranchType,
  /** IANA zone of the point: event times, the ETA and the storage deadline are the point's local dates. */
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  hours: z.array(DayHours).check(z.maxLength(7)),
  exceptions: z.array(HoursException).check(z.maxLength(400)),
  /** Capped like Branch.phone, the snapshot's source: an over-long one must not reject the whole tracking answer. */
  phone: z.optional(cappedText(TEXT_CAPS.phone)),
});
export type TrackingPoint = z.infer<typeof TrackingPoint>;

/** `GET /api/v1/orders/{id}/tracking` and `POST /api/v1/tracking/lookup`: the timeline plus the point snapshot. */
export const TrackingAnswer = z.extend(TrackingView, { point: z.optional(TrackingPoint) });
export type TrackingAnswer = z.infer<typeof TrackingAnswer>;

/** `POST /api/v1/tracking/lookup` body: the track number and the recipient's phone, both needed. */
export const TrackingLookup = z.object({
  trackNumber: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(32), z.regex(/^[A-Za-z0-9]+$/, 'expected letters and digits')),
  phone: z.string().check(z.maxLength(32), z.regex(/^\+?[0-9 ()-]{7,24}$/, 'expected a phone number')),
});
export type TrackingLookup = z.infer<typeof TrackingLookup>;

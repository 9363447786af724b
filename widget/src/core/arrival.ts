// Open on arrival: the day a parcel reaches the point, will the point be open to hand it over?
// Dates are the point's local calendar dates (its own time zone), like its hours.
import type { Branch, Quote } from '../model/index.js';
import { addDays, isOpenOnDate, localTime } from './hours.js';

/** How far past the arrival day to look for the first open day (long holidays included). */
export const ARRIVAL_LOOKAHEAD_DAYS = 30;

export interface ArrivalCheck {
  openOnArrival: boolean;
  /** Local "YYYY-MM-DD" the parcel is expected at the point. */
  arrivalDate: string;
  /** When the point is closed on arrival: the first later day it opens (within the lookahead). */
  firstOpenDate?: string;
}

type ArrivalBranch = Pick<Branch, 'hours' | 'exceptions' | 'timeZone' | 'status'>;
type ArrivalQuote = Pick<Quote, 'deliveryDays'> & Partial<Pick<Quote, 'estimatedDate'>>;

/** The quote's estimated date, or today in the point's zone plus the maximum delivery days. */
export function arrivalDateOf(branch: Pick<Branch, 'timeZone'>, quote: ArrivalQuote, now: Date): string {
  if (quote.estimatedDate) return quote.estimatedDate;
  return addDays(localTime(now, branch.timeZone).date, quote.deliveryDays.max);
}

export function arrivalCheck(branch: ArrivalBranch, quote: ArrivalQuote, now: Date): ArrivalCheck {
  const arrivalDate = arrivalDateOf(branch, quote, now);
  // A closed point hands nothing over; its hours say nothing about when it reopens.
  if (branch.status !== 'open') return { openOnArrival: false, arrivalDate };
  if (isOpenOnDate(branch, arrivalDate)) return { openOnArrival: true, arrivalDate };
  for (let i = 1; i <= ARRIVAL_LOOKAHEAD_DAYS; i++) {
    const d = addDays(arrivalDate, i);
    if (isOpenOnDate(branch, d)) return { openOnArrival: false, arrivalDate, firstOpenDate: d };
  }
  return { openOnArrival: false, arrivalDate };
}

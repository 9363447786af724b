// A waybill's life in the Nova Poshta sandbox: a pure, deterministic function of the document (creation time,
// dispatch and estimated dates, postomat or branch, cash on delivery) and a plan seeded from its number. The status
// at any instant is the last step at or before `ctx.carrierClock.now()`, so pushing the clock moves every parcel.
//
//   1 created
//   -> 4 (between cities) / 41 (same city)     2-6 sim-hours after creation (not before 09:00 of the DateTime day)
//   -> 5 on the way (between cities only)      3-8 hours later
//   -> 6 in the recipient's city               1-3 hours before arrival
//   -> 7 at the branch / 8 in the postomat     EstimatedDeliveryDate, 08:00-13:00 Kyiv
//   then, chosen by the number's hash (outcomeOf):
//   ~80 %  received: 9 (prepaid) or 10 then 11 a day later (cash on delivery), 09:00-20:00 on the arrival day or
//          one of the two next (at least an hour after arrival)
//   ~10 %  refused: 103 at such a visit, 102 a day later (the sender orders the return: return waybill made)
//   ~10 %  unclaimed: 105 storage stopped at 09:00 of the first paid day (return waybill made at that moment)
//
// Free storage (our choice, documented): 7 days at branches, 5 days in postomats, the arrival day counting as day 1.
// DateFirstDayStorage = arrival day; DatePayedKeeping = arrival day + free days (the first day that would be paid);
// so the last free day is the day before DatePayedKeeping.
//
// The return waybill ("59…", same 12 digits as the original "20…") goes back to the sender's warehouse:
//   1 -> 4/41 (+3 h) -> 5 (+8 h, between cities) -> 7 (as many days as the way out, 10:00) -> 9 (a day later).
import { hash32 } from '../../util/hash.js';
import { addDays, kyivIsoDate, kyivToUtcMs } from './documents-store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const NP_FREE_STORAGE_DAYS = { branch: 7, postomat: 5 } as const;

export type NpOutcome = 'received' | 'refused' | 'unclaimed';

export interface NpStep {
  code: number;
  /** Epoch ms. */
  at: number;
}

export interface NpPlanInput {
  intDocNumber: string;
  /** Epoch ms of the save (carrier clock). */
  createdAt: number;
  /** "YYYY-MM-DD" */
  dispatchDate: string;
  estimatedDeliveryDate: string;
  postomat: boolean;
  local: boolean;
  cod: boolean;
}

export interface NpPlan {
  outcome: NpOutcome;
  steps: NpStep[];
  /** When 7 / 8 happens. */
  arrivalAt: number;
  /** "YYYY-MM-DD" (Kyiv) */
  firstStorageDay: string;
  /** "YYYY-MM-DD": first day of paid storage. */
  paidStorageFrom: string;
  receivedAt?: number;
  /** Refused / unclaimed: when the return waybill is created. */
  returnAt?: number;
}

/** A number in [0, 1) from the document number and a salt. */
function rnd(intDocNumber: string, salt: string): number {
  return hash32(`${intDocNumber}|${salt}`) / 4_294_967_296;
}

export function outcomeOf(intDocNumber: string): NpOutcome {
  const u = hash32(`${intDocNumber}|outcome`) % 100;
  return u < 80 ? 'received' : u < 90 ? 'refused' : 'unclaimed';
}

export function npPlan(doc: NpPlanInput): NpPlan {
  const r = (salt: string): number => rnd(doc.intDocNumber, salt);
  const steps: NpStep[] = [{ code: 1, at: doc.createdAt }];
  const base = Math.max(doc.createdAt, kyivToUtcMs(doc.dispatchDate, 9));
  let last = base + Math.round((2 + 4 * r('handover')) * HOUR);
  steps.push({ code: doc.local ? 41 : 4, at: last });
  if (!doc.local) {
    last += Math.round((3 + 5 * r('linehaul')) * HOUR);
    steps.push({ code: 5, at: last });
  }
  let arrivalAt = kyivToUtcMs(doc.estimatedDeliveryDate, 8) + Math.round(5 * r('arrival') * HOUR);
  const inCity = Math.max(last + HOUR, arrivalAt - Math.round((1 + 2 * r('incity')) * HOUR));
  arrivalAt = Math.max(arrivalAt, inCity + HOUR);
  steps.push({ code: 6, at: inCity });
  steps.push({ code: doc.postomat ? 8 : 7, at: arrivalAt });

  const firstStorageDay = kyivIsoDate(arrivalAt);
  const paidStorageFrom = addDays(firstStorageDay, doc.postomat ? NP_FREE_STORAGE_DAYS.postomat : NP_FREE_STORAGE_DAYS.branch);
  const outcome = outcomeOf(doc.intDocNumber);
  const plan: NpPlan = { outcome, steps, arrivalAt, firstStorageDay, paidStorageFrom };
  // The recipient comes in opening hours (09:00-20:00 Kyiv), on the arrival day or one of the two next.
  const visit = (salt: string): number => {
    const day = addDays(firstStorageDay, Math.floor(r(`${salt}-day`) * 3));
    return Math.max(kyivToUtcMs(day, 9) + Math.round(r(`${salt}-time`) * 11 * HOUR), arrivalAt + HOUR);
  };
  if (outcome === 'received') {
    const at = visit('pickup');
    plan.receivedAt = at;
    if (doc.cod) steps.push({ code: 10, at }, { code: 11, at: at + DAY });
    else steps.push({ code: 9, at });
  } else if (outcome === 'refused') {
    const at = visit('refusal');
    steps.push({ code: 103, at }, { code: 102, at: at + DAY });
    plan.returnAt = at + DAY;
  } else {
    const at = kyivToUtcMs(paidStorageFrom, 9);
    steps.push({ code: 105, at });
    plan.returnAt = at;
  }
  return plan;
}

/** The return waybill's steps (sender's warehouse is the destination). */
export function npReturnSteps(doc: NpPlanInput, returnAt: number): NpStep[] {
  const days = Math.max(1, Math.round((Date.parse(`${doc.estimatedDeliveryDate}T00:00:00Z`) - Date.parse(`${doc.dispatchDate}T00:00:00Z`)) / DAY));
  const steps: NpStep[] = [{ code: 1, at: returnAt }];
  let last = returnAt + 3 * HOUR;
  steps.push({ code: doc.local ? 41 : 4, at: last });
  if (!doc.local) {
    last += 8 * HOUR;
    steps.push({ code: 5, at: last });
  }
  const arrival = Math.max(last + 2 * HOUR, kyivToUtcMs(addDays(kyivIsoDate(returnAt), days), 10));
  steps.push({ code: 6, at: arrival - HOUR }, { code: 7, at: arrival }, { code: 9, at: arrival + DAY });
  return steps;
}

/** The steps reached at `now` (oldest first; never empty for a document created at or before `now`). */
export function reached(steps: readonly NpStep[], now: number): NpStep[] {
  return steps.filter((s) => s.at <= now);
}

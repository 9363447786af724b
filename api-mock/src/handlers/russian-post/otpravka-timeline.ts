// Russian Post sandbox: the life of a parcel as operation history records (OperType / OperAttr, as in
// Russian Post's tracking API documentation, tracking.pochta.ru/specification). Pure and deterministic: the same barcode, batching time and clock
// reading always give the same records, so a restart (journal replay) or a second server agrees on every event.
// No node: imports (the sandbox also runs in a browser service worker).
import { deliveryDays } from '../../pricing/delivery-days.js';
import { greatCircleKm } from '../../pricing/geo.js';
import { zonedDateTimeStrict, zoneOffsetMs } from '../../shared-logic.js';
import { hash32 } from '../../util/hash.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Days a point keeps a parcel, counted from arrival: offices 15, postomats 7 (pickup points like offices). */
export const RP_STORAGE_DAYS = { office: 15, postomat: 7 } as const;
/** Share of parcels (percent) nobody collects: they go back to the sender after the storage period. */
export const RP_RETURN_PERCENT = 12;

export type RpPointType = 'post_office' | 'pickup_point' | 'parcel_locker';

export function storageDaysFor(type: RpPointType): number {
  return type === 'parcel_locker' ? RP_STORAGE_DAYS.postomat : RP_STORAGE_DAYS.office;
}

export interface TimelinePlace {
  index: string;
  description: string;
  timeZone: string;
  city: string;
  lat: number;
  lng: number;
}

export interface TimelineInput {
  barcode: string;
  /** Sim time (ms) the order was put in a batch: the shipment's creation. */
  batchedAt: number;
  /** The accepting office (the barcode's first six digits). */
  sender: TimelinePlace;
  dest: TimelinePlace & { type: RpPointType };
  /** Sim time the shipment was removed from its batch: nothing happens after it. */
  cancelledAt?: number;
}

export interface Operation {
  type: number;
  attr: number;
  at: number;
  place: TimelinePlace;
}

export const OPER_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'Приём',
  2: 'Вручение',
  3: 'Возврат',
  8: 'Обработка',
  26: 'Отмена',
};

export const OPER_ATTR_NAMES: Readonly<Record<string, string>> = {
  '1/1': 'Единичный',
  '2/1': 'Вручение адресату',
  '2/2': 'Вручение отправителю',
  '2/3': 'Вручение адресату через почтомат',
  '3/1': 'Истёк срок хранения',
  '8/1': 'Покинуло место приёма',
  '8/2': 'Прибыло в место вручения',
  '8/3': 'Прибыло в сортировочный центр',
  '8/4': 'Покинуло сортировочный центр',
  '8/9': 'Прибыло в почтомат',
  '26/1': 'По требованию отправителя',
};

/** The sorting centre serving a place: same first three index digits, "960" (as RP's large centres are numbered). */
function sortingCentre(p: TimelinePlace): TimelinePlace {
  return { ...p, index: `${p.index.slice(0, 3)}960`, description: `${p.city} СЦ` };
}

export interface TimelinePlan {
  operations: Operation[];
  acceptedAt: number;
  arrivedAt: number;
  /** Whole days from acceptance to arrival (within the tariff's min-max). */
  days: number;
  returns: boolean;
}

/** The whole planned life of a parcel, whatever the clock says (oldest first). */
export function planTimeline(input: TimelineInput): TimelinePlan {
  const r = (k: number) => hash32(input.barcode, k);
  const { sender, dest } = input;
  const sc = sortingCentre(sender);
  const accepted = input.batchedAt + (2 + (r(1) % 4)) * HOUR;
  const left = accepted + (1 + (r(2) % 3)) * HOUR;
  const sortIn = left + (3 + (r(3) % 6)) * HOUR;
  const sortOut = sortIn + (2 + (r(4) % 4)) * HOUR;
  const span = deliveryDays(greatCircleKm(sender, dest), 'standard');
  const days = span.min + (r(5) % (span.max - span.min + 1));
  const arrived = Math.max(accepted + days * DAY + (r(6) % 6) * HOUR, sortOut + 2 * HOUR);
  const locker = dest.type === 'parcel_locker';
  const ops: Operation[] = [
    { type: 1, attr: 1, at: accepted, place: sender },
    { type: 8, attr: 1, at: left, place: sender },
    { type: 8, attr: 3, at: sortIn, place: sc },
    { type: 8, attr: 4, at: sortOut, place: sc },
    { type: 8, attr: 2, at: arrived, place: dest },
  ];
  if (locker) ops.push({ type: 8, attr: 9, at: arrived + 30 * MINUTE, place: dest });
  const storage = storageDaysFor(dest.type);
  const returns = r(7) % 100 < RP_RETURN_PERCENT;
  if (!returns) {
    // Collected on one of the storage days (never after the last one).
    const delivered = arrived + (r(8) % storage) * DAY + (1 + (r(9) % 8)) * HOUR;
    ops.push({ type: 2, attr: locker ? 3 : 1, at: delivered, place: dest });
  } else {
    // The storage period ends; the parcel travels back and is handed to the sender.
    const back = arrived + (storage + 1) * DAY;
    const destSc = sortingCentre(dest);
    const scIn = back + (6 + (r(10) % 6)) * HOUR;
    const scOut = scIn + 3 * HOUR;
    const atSender = Math.max(back + days * DAY + (r(11) % 6) * HOUR, scOut + 2 * HOUR);
    ops.push(
      { type: 3, attr: 1, at: back, place: dest },
      { type: 8, attr: 3, at: scIn, place: destSc },
      { type: 8, attr: 4, at: scOut, place: destSc },
      { type: 8, attr: 2, at: atSender, place: sender },
      { type: 2, attr: 2, at: atSender + (1 + (r(12) % 3)) * DAY, place: sender },
    );
  }
  return { operations: ops, acceptedAt: accepted, arrivedAt: arrived, days, returns };
}

/** When the accepting office takes the parcel in: until then the shipment can still be removed from its batch. */
export function acceptanceAt(input: TimelineInput): number {
  return planTimeline(input).acceptedAt;
}

/** The records visible at `now` (oldest first); a cancelled shipment ends with 26/1 and gets nothing after it. */
export function historyAt(input: TimelineInput, now: number): Operation[] {
  const limit = input.cancelledAt !== undefined ? Math.min(now, input.cancelledAt) : now;
  const ops = planTimeline(input).operations.filter((o) => o.at <= limit);
  if (input.cancelledAt !== undefined && input.cancelledAt <= now) {
    ops.push({ type: 26, attr: 1, at: input.cancelledAt, place: input.sender });
  }
  return ops;
}

/** "2026-11-25T14:05:00.000+03:00": local time of the place with its UTC offset. */
export function localIso(ms: number, timeZone: string): string {
  const at = new Date(ms);
  const w = zonedDateTimeStrict(at, timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  const offsetMin = Math.round(zoneOffsetMs(at, timeZone) / MINUTE);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${w.date}T${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)}.${String(millis).padStart(3, '0')}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

// What <bp-tracking> shows, computed from one tracking answer before render (pure: no DOM, no clock of its own).
// Event times are the wall clock of the place where each happened (its zone, else the offset the carrier wrote),
// labelled with that offset when it differs from the buyer's own; dates and hours are the point's local ones.
import { hoursOn, localTime, todayStatus } from '../core/hours.js';
import { carrierName, formatDate, getMessages, LOCALES } from '../i18n/index.js';
import { cachedFormat } from '../i18n/format.js';
import { describeStatus, type StatusTone as OpenTone } from '../ui/format.js';
import type { Lang } from '../model/index.js';
import type { OrderStatus } from '../model/order.js';
import type { TrackingAnswer } from '../model/tracking-point.js';
import type { TrackingMessages } from './messages.js';
import { isFinal } from './poll-policy.js';

/** Colour and icon family of a status: moving, waiting for the buyer, done, or gone wrong. */
export type StatusTone = 'moving' | 'ready' | 'done' | 'problem';

export interface EventTime {
  /** "2 дек., 14:30" on the place's clock. */
  text: string;
  /** The instant, for <time datetime>. */
  datetime: string;
  /** "UTC+5" when the place's offset differs from the buyer's; undefined otherwise. */
  offset: string | undefined;
}

export interface TimelineRow {
  key: string;
  status: string;
  description: string;
  place: string | undefined;
  time: EventTime;
}

export interface PointModel {
  name: string;
  address: string;
  /** "Открыто до 20:00 · обед 13:00–14:00", in the point's zone; undefined without a snapshot. */
  openNow: string | undefined;
  /** Colour of `openNow`: open, break, closed (the picker's tones). */
  openTone: OpenTone | undefined;
  /** "08:00–20:00, перерыв 13:00–14:00" or "выходной" for the point's local today. */
  hoursToday: string | undefined;
  phone: string | undefined;
}

export interface TrackingModel {
  status: OrderStatus;
  statusText: string;
  tone: StatusTone;
  final: boolean;
  carrier: string;
  trackNumber: string | undefined;
  /** Shown while the parcel is on its way ("пн, 7 декабря"). */
  eta: string | undefined;
  /** Shown while it waits at the point. */
  storageUntil: string | undefined;
  /** Newest first, as the API orders them (re-sorted here: the order of an untrusted list is not relied on). */
  events: TimelineRow[];
  point: PointModel;
}

const TONES: Record<OrderStatus, StatusTone> = {
  created: 'moving', registered: 'moving', in_transit: 'moving', arrived_at_point: 'ready', delivered: 'done',
  returning: 'problem', returned: 'problem', cancelled: 'problem', rejected: 'problem',
};
const ON_THE_WAY: ReadonlySet<OrderStatus> = new Set(['created', 'registered', 'in_transit']);

function validZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    cachedFormat(`track-zone|${zone}`, () => new Intl.DateTimeFormat('en-US', { timeZone: zone }));
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` at `ms`, minutes east of UTC. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const name = cachedFormat(`track-offset|${zone}`, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }))
    .formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The offset written in an ISO timestamp ("…+05:00" -> 300, "…Z" -> 0). */
function writtenOffsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

/**
 * `at` on the clock of the place it happened: in `zone` when it is a real IANA zone, else at the offset the carrier
 * wrote into `at`. `viewerZone` is the buyer's own zone: the offset is named only when the two clocks differ.
 */
export function formatEventTime(at: string, zone: string | undefined, lang: Lang, viewerZone: string): EventTime {
  const ms = Date.parse(at);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let text: string;
  let placeOffset: number;
  if (validZone(zone)) {
    text = cachedFormat(`track-event|${lang}|${zone}`, () => new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: zone })).format(ms);
    placeOffset = zoneOffsetMinutes(zone, ms);
  } else {
    // Shift the instant by the written offset and read it as UTC: that is the place's wall clock.
    placeOffset = writtenOffsetMinutes(at);
    text = cachedFormat(`track-event|${lang}|UTC`, () => new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' })).format(ms + placeOffset * 60_000);
  }
  const viewerOffset = validZone(viewerZone) ? zoneOffsetMinutes(viewerZone, ms) : placeOffset;
  return { text, datetime: at, offset: viewerOffset === placeOffset ? undefined : offsetLabel(placeOffset) };
}

function pointModel(a: TrackingAnswer, lang: Lang, now: Date): PointModel {
  const p = a.point;
  const base = { name: a.pointName, address: a.pointAddress, phone: p?.phone };
  if (!p || !validZone(p.timeZone)) return { ...base, openNow: undefined, openTone: undefined, hoursToday: undefined };
  const t = getMessages(lang);
  const today = hoursOn(p, localTime(now, p.timeZone).date);
  const hoursToday = today
    ? `${today.open === '00:00' && today.close === '24:00' ? t.open247 : `${today.open}–${today.close}`}${today.breaks.length
      ? `, ${t.breakWord} ${today.breaks.map((b) => `${b.from}–${b.to}`).join(', ')}` : ''}`
    : t.dayOff;
  const open = describeStatus(todayStatus({ ...p, status: 'open' }, now), lang);
  return { ...base, openNow: open.text, openTone: open.tone, hoursToday };
}

export function buildTrackingModel(a: TrackingAnswer, m: TrackingMessages, lang: Lang, now: Date, viewerZone: string): TrackingModel {
  const events = [...a.events]
    .sort((x, y) => Date.parse(y.at) - Date.parse(x.at))
    .map((e, i): TimelineRow => ({
      key: `${e.at}|${e.carrierCode}|${i}`,
      status: m.status[e.status],
      description: e.description,
      place: e.place,
      time: formatEventTime(e.at, e.timeZone, lang, viewerZone),
    }));
  return {
    status: a.status,
    statusText: m.status[a.status],
    tone: TONES[a.status],
    final: isFinal(a.status),
    carrier: carrierName(a.carrier, lang),
    trackNumber: a.trackNumber,
    // "YYYY-MM-DD" dates are the point's calendar days: shown as they are, never shifted by a zone.
    eta: a.eta && ON_THE_WAY.has(a.status) ? formatDate(a.eta, lang, 'weekday') : undefined,
    storageUntil: a.storageUntil && a.status === 'arrived_at_point' ? formatDate(a.storageUntil, lang, 'weekday') : undefined,
    events,
    point: pointModel(a, lang, now),
  };
}

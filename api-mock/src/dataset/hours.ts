import type { DayHours, HoursException } from '../../../widget/src/model/branch.js';

/**
 * Opening-hours templates. Every point of one kind shares the same frozen arrays: a million points would
 * otherwise carry seven million identical day objects. Consumers must treat them as read-only.
 */
type Spec = [days: string, open: string, close: string, breakFrom?: string, breakTo?: string];

function build(...specs: Spec[]): readonly DayHours[] {
  const out: DayHours[] = [];
  for (const [days, open, close, bf, bt] of specs) {
    const [from, to] = days.split('-').map(Number);
    if (from === undefined) throw new Error(`bad day range ${days}`);
    const breaks = Object.freeze(bf && bt ? [Object.freeze({ from: bf, to: bt })] : []);
    for (let day = from; day <= (to ?? from); day++) {
      out.push(Object.freeze({ day, open, close, breaks: breaks as DayHours['breaks'] }));
    }
  }
  out.sort((a, b) => a.day - b.day);
  return Object.freeze(out);
}

export const HOURS = {
  allDay: build(['1-7', '00:00', '24:00']),
  mall: build(['1-7', '08:00', '22:00']),
  // Russian Post
  ruMain: build(['1-5', '08:00', '22:00'], ['6-7', '09:00', '18:00']),
  ruCityA: build(['1-5', '08:00', '20:00'], ['6', '09:00', '18:00']),
  ruCityB: build(['1-5', '08:00', '20:00', '13:00', '14:00'], ['6', '10:00', '14:00']),
  ruCityC: build(['1-5', '08:00', '20:00'], ['6', '09:00', '18:00'], ['7', '09:00', '14:00']),
  ruTown: build(['1-5', '09:00', '19:00', '13:00', '14:00'], ['6', '09:00', '16:00']),
  ruRuralA: build(['2-6', '09:00', '17:00', '13:00', '14:00']),
  ruRuralB: build(['1-5', '09:00', '13:00']),
  ruRuralC: build(['1', '10:00', '16:00', '12:00', '13:00'], ['3', '10:00', '16:00', '12:00', '13:00'], ['5', '10:00', '16:00', '12:00', '13:00']),
  ruRuralD: build(['2-6', '08:00', '16:00', '12:00', '13:00']),
  pickupA: build(['1-7', '10:00', '21:00']),
  pickupB: build(['1-7', '09:00', '21:00']),
  pickupC: build(['1-6', '10:00', '20:00'], ['7', '10:00', '18:00']),
  pickupD: build(['1-7', '08:00', '22:00']),
  // Nova Poshta
  npBranch: build(['1-5', '08:00', '21:00'], ['6', '09:00', '18:00']),
  npBranchSun: build(['1-5', '08:00', '21:00'], ['6', '09:00', '18:00'], ['7', '10:00', '17:00']),
  npCargo: build(['1-5', '08:00', '20:00'], ['6', '09:00', '17:00']),
  npVillage: build(['1-5', '09:00', '18:00', '13:00', '14:00'], ['6', '09:00', '15:00']),
  // Other carriers (stress size)
  officeEU: build(['1-5', '08:00', '20:00'], ['6', '09:00', '14:00']),
  officeAsia: build(['1-5', '09:00', '19:00', '13:00', '14:00'], ['6', '10:00', '14:00']),
  officeRural: build(['1-5', '09:00', '17:00', '13:00', '14:00']),
} as const;

export type HoursKey = keyof typeof HOURS;

interface HolidaySpec {
  date: string;
  /** ISO weekday of the date, to find the regular hours it shortens. */
  weekday: number;
  closed: boolean;
  /** Shortened day: close this many minutes earlier than usual (clamped to stay after opening). */
  shortenBy?: number;
  note: string;
}

// 2026-12-31 is a Thursday; the Russian New Year holidays run 1-8 January 2027.
const RU_HOLIDAYS: HolidaySpec[] = [
  { date: '2026-12-31', weekday: 4, closed: false, shortenBy: 180, note: 'Предпраздничный день: сокращённые часы' },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({
    date: `2027-01-0${d}`,
    weekday: ((4 + d - 1) % 7) + 1,
    closed: true,
    note: 'Новогодние праздники',
  })),
  { date: '2027-02-23', weekday: 2, closed: true, note: 'День защитника Отечества' },
];

// Nova Poshta works through most Ukrainian holidays with shorter hours, and closes on New Year's Day.
const UA_HOLIDAYS: HolidaySpec[] = [
  { date: '2026-12-25', weekday: 5, closed: false, shortenBy: 180, note: 'Різдво Христове: скорочений графік' },
  { date: '2026-12-31', weekday: 4, closed: false, shortenBy: 180, note: 'Передсвятковий день: скорочений графік' },
  { date: '2027-01-01', weekday: 5, closed: true, note: 'Новий рік: вихідний' },
];

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function toHHMM(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const exceptionCache = new Map<string, readonly HoursException[]>();

/** Holiday exceptions that fit a point's own regular hours (a shortened day never opens earlier). */
export function holidayExceptions(country: 'RU' | 'UA', key: HoursKey): readonly HoursException[] {
  const cacheKey = `${country}:${key}`;
  const cached = exceptionCache.get(cacheKey);
  if (cached) return cached;
  const hours = HOURS[key];
  const out: HoursException[] = [];
  for (const h of country === 'RU' ? RU_HOLIDAYS : UA_HOLIDAYS) {
    const day = hours.find((d) => d.day === h.weekday);
    if (!day) continue; // already closed that weekday: nothing to announce
    if (h.closed) {
      out.push(Object.freeze({ date: h.date, closed: true, note: h.note }));
    } else {
      const open = toMinutes(day.open);
      const close = Math.max(open + 120, toMinutes(day.close) - (h.shortenBy ?? 0));
      out.push(Object.freeze({ date: h.date, closed: false, open: day.open, close: toHHMM(close), note: h.note }));
    }
  }
  const frozen = Object.freeze(out);
  exceptionCache.set(cacheKey, frozen);
  return frozen;
}

export const NO_EXCEPTIONS: readonly HoursException[] = Object.freeze([]);

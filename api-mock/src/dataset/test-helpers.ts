import type { Branch } from '../../../widget/src/model/branch.js';

export const CYRILLIC = /[А-Яа-яЁёІіЇїЄєҐґ]/;

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Problems in a point's weekly hours and exceptions; an empty list means well-formed. */
export function hoursProblems(b: Branch): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const d of b.hours) {
    if (seen.has(d.day)) problems.push(`day ${d.day} listed twice`);
    seen.add(d.day);
    const open = minutes(d.open);
    const close = minutes(d.close);
    if (!(open < close)) problems.push(`day ${d.day}: open ${d.open} !< close ${d.close}`);
    let last = open;
    for (const br of [...d.breaks].sort((x, y) => minutes(x.from) - minutes(y.from))) {
      const from = minutes(br.from);
      const to = minutes(br.to);
      if (!(from < to)) problems.push(`day ${d.day}: empty break ${br.from}-${br.to}`);
      if (from <= last || to >= close) problems.push(`day ${d.day}: break ${br.from}-${br.to} outside or overlapping`);
      last = to;
    }
  }
  const dates = new Set<string>();
  for (const e of b.exceptions) {
    if (dates.has(e.date)) problems.push(`exception ${e.date} twice`);
    dates.add(e.date);
    if (!e.closed) {
      if (!e.open || !e.close) problems.push(`exception ${e.date}: open day without hours`);
      else if (!(minutes(e.open) < minutes(e.close))) problems.push(`exception ${e.date}: open !< close`);
    }
  }
  return problems;
}

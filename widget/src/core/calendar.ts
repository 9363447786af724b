// Calendar dates as "YYYY-MM-DD" (arithmetic done in UTC, zone-free), and the one conversion from
// an instant to a zone's local date. Shared by the widget (hours, carrier adapters) and the sandbox
// (quotes, carrier handlers, OMS connectors) through api-mock/src/shared-logic.ts.

/** Local calendar date "YYYY-MM-DD" of an instant in a zone; an unknown zone gives the UTC date. */
export function localIsoDate(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whole days from one "YYYY-MM-DD" to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Russian Post post offices from a file in the postoffice/1.0 office shape: an array of offices or
// {"offices":[…]}. Offices go through the widget adapter's own schema and mapping.
import { RpOfficeSchema, rpOfficeToBranch } from '../../../widget/src/carriers/russian-post.js';
import { isCarrierError } from '../../../widget/src/carriers/types.js';
import type { RecordSink } from './collector.js';
import { rejectReason } from './reasons.js';
import { SLICE, yieldToLoop } from './source-error.js';
import { timeZoneAt } from './time-zone.js';

export const RP_EXPECTED = 'Russian Post offices in the postoffice/1.0 shape (an array, or {"offices":[…]})';

export function looksLikeRpOffice(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'postal-code' in v;
}

/** The offices of `{"offices":[…]}`; undefined for anything else (a bare array is told apart by its items). */
export function rpOfficesOfWrapper(json: unknown): unknown[] | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const offices = (json as { offices?: unknown }).offices;
  return Array.isArray(offices) ? offices : undefined;
}

export async function importRpOffices(offices: readonly unknown[], sink: RecordSink): Promise<void> {
  for (let i = 0; i < offices.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToLoop();
    const raw = offices[i];
    const parsed = RpOfficeSchema.safeParse(raw);
    if (!parsed.success) {
      sink.reject(rejectReason(parsed.error, raw));
      continue;
    }
    const branch = rpOfficeToBranch(parsed.data, { timeZoneOf: timeZoneAt });
    if (isCarrierError(branch)) sink.reject(branch.message);
    else sink.offer(branch, true);
  }
}

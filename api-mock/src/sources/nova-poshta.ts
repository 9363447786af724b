// Nova Poshta warehouses from a file: one Address.getWarehouses answer envelope, an array of such answers (pages),
// or a bare array of its items. Items go through the widget adapter's own schema and mapping.
import { NpWarehouseSchema, npWarehouseToBranch } from '../../../widget/src/carriers/nova-poshta.js';
import { isCarrierError } from '../../../widget/src/carriers/types.js';
import type { RecordSink } from './collector.js';
import { rejectReason } from './reasons.js';
import { SLICE, SourceError, yieldToLoop } from './source-error.js';
import { timeZoneAt } from './time-zone.js';

export const NP_EXPECTED = 'a Nova Poshta Address.getWarehouses answer ({"success":true,"data":[…]}), an array of such answers, or an array of its items';

type Envelope = { success: unknown; data: unknown[]; errors?: unknown };

export function isNpEnvelope(v: unknown): v is Envelope {
  return typeof v === 'object' && v !== null && 'success' in v && Array.isArray((v as { data?: unknown }).data);
}

/** Looks like a warehouse item (good or bad): the keys every item has. */
export function looksLikeNpItem(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'Ref' in v && ('CityRef' in v || 'CityDescription' in v);
}

function errorsOf(env: Envelope): string {
  const e = env.errors;
  const list = Array.isArray(e) ? e : typeof e === 'object' && e !== null ? Object.values(e) : [];
  return list.map(String).join('; ') || 'no message';
}

/**
 * The items of one answer or of its pages, in page order; undefined when `json` is neither.
 * An answer with success=false is not a list of points: it fails the source.
 */
export function npItemsOfAnswers(json: unknown, label: string): unknown[] | undefined {
  const pages = isNpEnvelope(json) ? [json] : Array.isArray(json) && json.length > 0 && json.every(isNpEnvelope) ? json : undefined;
  if (!pages) return undefined;
  const items: unknown[] = [];
  pages.forEach((page, i) => {
    if (page.success !== true) {
      throw new SourceError(`${label}: ${pages.length > 1 ? `page ${i + 1} is` : 'is'} a Nova Poshta error answer (${errorsOf(page)}), not ${NP_EXPECTED}`);
    }
    for (const item of page.data) items.push(item);
  });
  return items;
}

/** One raw item: validated with the adapter's schema, mapped with its mapping (zone from the coordinate). */
export function offerNpItem(raw: unknown, sink: RecordSink): void {
  const parsed = NpWarehouseSchema.safeParse(raw);
  if (!parsed.success) {
    sink.reject(rejectReason(parsed.error, raw));
    return;
  }
  const branch = npWarehouseToBranch(parsed.data, { timeZoneOf: timeZoneAt });
  if (isCarrierError(branch)) sink.reject(branch.message);
  else sink.offer(branch, true);
}

export async function importNpItems(items: readonly unknown[], sink: RecordSink): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToLoop();
    offerNpItem(items[i], sink);
  }
}

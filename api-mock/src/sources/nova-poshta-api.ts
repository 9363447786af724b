// Live paging of Nova Poshta's Address.getWarehouses with the operator's key: Page 1, 2, … until a short page or
// info.totalCount. Each item goes the same way as a file's (the adapter's schema and mapping); a page the API
// refuses, or an answer that is not an envelope, fails the source (the previous data stays served).
import { z } from '../../../widget/src/model/zod.js';
import type { RecordSink } from './collector.js';
import { offerNpItem } from './nova-poshta.js';
import { rejectReason } from './reasons.js';
import { SourceError } from './source-error.js';

export const NP_API_URL = 'https://api.novaposhta.ua/v2.0/json/';
/** The real API's documented page size for warehouses; the sandbox allows up to 1000. */
export const NP_PAGE_LIMIT = 500;
/** A runaway guard: 500 × 2,000 pages is ten times Nova Poshta's whole network. */
const MAX_PAGES = 2_000;

const PageSchema = z.object({
  success: z.boolean(),
  data: z.array(z.unknown()),
  errors: z.optional(z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())])),
  info: z.optional(z.looseObject({ totalCount: z.optional(z.union([z.number(), z.string()])) })),
});

export interface NpApiOptions {
  apiKey: string;
  url?: string;
  limit?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function importNpApi(options: NpApiOptions, label: string, sink: RecordSink): Promise<void> {
  const url = options.url ?? NP_API_URL;
  const limit = options.limit ?? NP_PAGE_LIMIT;
  const get = options.fetch ?? fetch;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = JSON.stringify({
      apiKey: options.apiKey, modelName: 'Address', calledMethod: 'getWarehouses',
      methodProperties: { Page: String(page), Limit: String(limit) },
    });
    let answer: unknown;
    try {
      const res = await get(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      if (!res.ok) throw new SourceError(`${label}: page ${page}: HTTP ${res.status} from ${url}`);
      answer = await res.json();
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError(`${label}: page ${page}: ${error instanceof Error ? error.message : String(error)} (${url})`);
    }
    const parsed = PageSchema.safeParse(answer);
    if (!parsed.success) throw new SourceError(`${label}: page ${page} is not a Nova Poshta answer (${rejectReason(parsed.error, answer)})`);
    const p = parsed.data;
    if (!p.success) {
      const errors = Array.isArray(p.errors) ? p.errors : Object.values(p.errors ?? {});
      throw new SourceError(`${label}: Nova Poshta refused page ${page}: ${errors.map(String).join('; ') || 'no message'}`);
    }
    for (const item of p.data) offerNpItem(item, sink);
    const total = Number(p.info?.totalCount);
    if (p.data.length < limit || (Number.isFinite(total) && page * limit >= total)) return;
  }
  throw new SourceError(`${label}: more than ${MAX_PAGES} pages of ${limit}: stopped`);
}

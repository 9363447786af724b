// Our own Branch records: a JSON array (read whole) or NDJSON, one Branch per line, streamed line by line so a
// file of millions of points never sits in memory as text.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RecordSink } from './collector.js';
import { SLICE, SourceError, yieldToLoop } from './source-error.js';

export const BRANCHES_EXPECTED = 'Branch records (a JSON array, or NDJSON with one object per line)';

export function looksLikeBranch(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'id' in v && 'carrier' in v;
}

export async function importBranchArray(records: readonly unknown[], sink: RecordSink): Promise<void> {
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToLoop();
    sink.offer(records[i]);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** NDJSON: blank lines are skipped; a line that is not a JSON object is rejected, unless it is the first one. */
export async function importBranchNdjson(path: string, label: string, sink: RecordSink): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let first = true;
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      if (!isObject(value)) {
        // A file whose first record is not an object is not NDJSON of points (a JSON document, CSV, a binary).
        if (first) throw new SourceError(`${label}: line ${lineNo} is not a JSON object; expected ${BRANCHES_EXPECTED}`);
        sink.reject(value === undefined ? 'not JSON' : 'not a JSON object');
        continue;
      }
      first = false;
      sink.offer(value);
      if (lineNo % SLICE === 0) await yieldToLoop();
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

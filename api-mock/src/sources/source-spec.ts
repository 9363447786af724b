// What DATASET (and the points CLI) name as sources: `file:path` (the format is read from the file: .ndjson and
// .jsonl are NDJSON Branch records, .json anything json-file.ts recognises) and `np-api:KEY` (live paging of
// Nova Poshta's API; NP_API_URL points it elsewhere, e.g. at the sandbox). Several, comma-separated, merge in order.
import { NP_API_URL } from './nova-poshta-api.js';

export type SourceSpec =
  | { kind: 'file'; path: string; label: string }
  | { kind: 'np-api'; apiKey: string; url: string; label: string };

/** True when the value names sources rather than a generated size. */
export function namesSources(value: string): boolean {
  return /^\s*(?:file|np-api):/.test(value);
}

export function isNdjsonPath(path: string): boolean {
  return /\.(?:ndjson|jsonl)$/i.test(path);
}

/** Parses "file:a.json,file:b.ndjson,np-api:KEY"; throws one line naming the part it does not understand. */
export function parseSources(value: string, env: { NP_API_URL?: string | undefined } = {}): SourceSpec[] {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('no sources given: expected file:path or np-api:KEY, comma-separated');
  return parts.map((part): SourceSpec => {
    if (part.startsWith('file:') && part.length > 5) return { kind: 'file', path: part.slice(5), label: part };
    if (part.startsWith('np-api:') && part.length > 7) {
      const url = env.NP_API_URL || NP_API_URL;
      // The key is a secret: it never appears in logs or reports.
      return { kind: 'np-api', apiKey: part.slice(7), url, label: `np-api:${url}` };
    }
    throw new Error(`source "${part.split(':')[0]}:…" not understood: expected file:path or np-api:KEY`);
  });
}

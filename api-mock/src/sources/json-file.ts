// A JSON points file of any supported format: what it holds is told by its shape (an answer envelope, a wrapper
// object) or, for a bare array, by the keys most of its first records carry. Anything else is not a points list
// and fails with one line naming the file and what was expected.
import { readFile } from 'node:fs/promises';
import { BRANCHES_EXPECTED, importBranchArray, looksLikeBranch } from './branches.js';
import type { BranchCollector, SourceFormat } from './collector.js';
import { importNpItems, looksLikeNpItem, NP_EXPECTED, npItemsOfAnswers } from './nova-poshta.js';
import { importRpOffices, looksLikeRpOffice, RP_EXPECTED, rpOfficesOfWrapper } from './russian-post.js';
import { SourceError } from './source-error.js';

const EXPECTED = `${NP_EXPECTED}; ${RP_EXPECTED}; or ${BRANCHES_EXPECTED}`;
/** How many records of a bare array vote on its format. */
const SAMPLE = 50;

interface Detected { format: SourceFormat; records: unknown[] }

function describe(json: unknown): string {
  if (Array.isArray(json)) return `an array of ${json.length} ${json.length === 1 ? 'value' : 'values'} that are not points`;
  if (typeof json === 'object' && json !== null) {
    const keys = Object.keys(json);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}`;
  }
  return json === null ? 'null' : `a ${typeof json}`;
}

/** The format of a parsed JSON document, or a SourceError. */
export function detect(json: unknown, label: string): Detected {
  const npItems = npItemsOfAnswers(json, label);
  if (npItems) return { format: 'nova-poshta', records: npItems };
  const offices = rpOfficesOfWrapper(json);
  if (offices) return { format: 'russian-post', records: offices };
  if (Array.isArray(json)) {
    if (json.length === 0) return { format: 'empty', records: [] };
    const votes = { 'nova-poshta': 0, 'russian-post': 0, branches: 0 };
    for (const v of json.slice(0, SAMPLE)) {
      if (looksLikeBranch(v)) votes.branches++;
      else if (looksLikeNpItem(v)) votes['nova-poshta']++;
      else if (looksLikeRpOffice(v)) votes['russian-post']++;
    }
    const [best, count] = Object.entries(votes).sort((a, b) => b[1] - a[1])[0] as [keyof typeof votes, number];
    // A majority of the sample, so a few bad records cannot hide the format and a few look-alikes cannot fake one.
    if (count * 2 > Math.min(json.length, SAMPLE)) return { format: best, records: json };
  }
  throw new SourceError(`${label}: not a points list: found ${describe(json)}; expected ${EXPECTED}`);
}

export async function importJsonFile(path: string, label: string, collector: BranchCollector): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SourceError(`${label}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`${label}: not a points list: not JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); expected ${EXPECTED}`);
  }
  const { format, records } = detect(json, label);
  const sink = collector.source(label, format);
  if (format === 'nova-poshta') await importNpItems(records, sink);
  else if (format === 'russian-post') await importRpOffices(records, sink);
  else await importBranchArray(records, sink);
}

// Why a record was rejected, as one short line that groups well: the field path with array positions
// folded ("hours.*.open") and what was expected. zod/mini ships no messages ("Invalid input"), so the issue's
// own data says what was wrong.
import type { z } from '../../../widget/src/model/zod.js';

type Issue = z.core.$ZodIssue;

const GENERIC = 'Invalid input';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function what(issue: Issue, raw: unknown): string {
  if (issue.message && issue.message !== GENERIC) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(raw, issue.path) === undefined ? 'missing' : `expected ${issue.expected}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `does not match ${String(issue.pattern)}` : `expected ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the accepted forms';
    case 'unrecognized_keys':
      return `unknown keys ${issue.keys.join(', ')}`;
    default:
      return issue.code;
  }
}

/** "hours.*.open: does not match /…/" for the first issue; `raw` is the record that was validated. */
export function rejectReason(error: z.core.$ZodError, raw: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  const path = issue.path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  const text = what(issue, raw);
  return path ? `${path}: ${text}` : text;
}

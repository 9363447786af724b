// The constructor's draft in localStorage: the raw form values (even invalid ones, so nothing
// typed is lost) and the id of the last saved config. A damaged draft is never discarded whole:
// every field that still has the right shape is kept, the rest fall back to the empty form.
import { emptyValues, type FormValues } from './config-form.js';

export const DRAFT_KEY = 'branch-picker-constructor:draft:v1';
/** Where an unreadable draft is moved, so it can still be recovered by hand. */
export const BROKEN_DRAFT_KEY = 'branch-picker-constructor:draft:broken';

export interface Draft {
  values: FormValues;
  /** Id of the config saved on the server, when there is one. */
  savedId?: string;
  /** JSON of the config as last saved, to tell whether the form has changed since. */
  savedJson?: string;
}

/** The subset of Storage we use; lets tests pass a Map-backed fake. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface Restored {
  draft: Draft;
  /** Field names that were in the stored draft but unusable, and were reset. */
  dropped: string[];
  /** True when something was stored (even if damaged). */
  found: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merge a stored (untrusted) value into the empty form: each field is taken only when its type
 * matches the form's (string, boolean or list of strings). Returns the form and the rejected names.
 */
export function mergeValidFields(stored: unknown): { values: FormValues; dropped: string[] } {
  const values = emptyValues();
  const dropped: string[] = [];
  if (!isRecord(stored)) return { values, dropped: stored === undefined ? [] : ['values'] };
  const target = values as unknown as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(values)) {
    if (!(key in stored)) continue;
    const raw = stored[key];
    if (Array.isArray(fallback)) {
      if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) target[key] = [...new Set(raw)];
      else dropped.push(key);
    } else if (typeof raw === typeof fallback) {
      target[key] = raw;
    } else {
      dropped.push(key);
    }
  }
  return { values, dropped };
}

export function saveDraft(storage: DraftStorage, draft: Draft): boolean {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded or storage disabled (private mode): the form still works, just unsaved.
    return false;
  }
}

export function restoreDraft(storage: DraftStorage): Restored {
  let text: string | null = null;
  try {
    text = storage.getItem(DRAFT_KEY);
  } catch {
    text = null;
  }
  if (text === null) return { draft: { values: emptyValues() }, dropped: [], found: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      storage.setItem(BROKEN_DRAFT_KEY, text);
    } catch {
      /* nothing more we can do */
    }
    return { draft: { values: emptyValues() }, dropped: ['draft'], found: true };
  }
  const record = isRecord(parsed) ? parsed : {};
  const { values, dropped } = mergeValidFields(record.values);
  if (!isRecord(parsed)) dropped.push('draft');
  const draft: Draft = { values };
  if (typeof record.savedId === 'string' && record.savedId !== '') draft.savedId = record.savedId;
  else if (record.savedId !== undefined) dropped.push('savedId');
  if (draft.savedId && typeof record.savedJson === 'string') draft.savedJson = record.savedJson;
  return { draft, dropped, found: true };
}

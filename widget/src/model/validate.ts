import type { z } from './zod.js';

export interface Rejected {
  index: number;
  /** Path of the first bad field, e.g. "hours.0.open". */
  path: string;
  message: string;
}

export interface ParsedList<T> {
  items: T[];
  rejected: Rejected[];
}

/**
 * Validate a list item by item: one malformed record is dropped and reported,
 * it never takes the good ones down with it.
 */
export function parseEach<S extends z.ZodMiniType>(schema: S, input: readonly unknown[]): ParsedList<z.infer<S>> {
  const items: z.infer<S>[] = [];
  const rejected: Rejected[] = [];
  input.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) items.push(result.data as z.infer<S>);
    else rejected.push({ index, ...firstIssue(result.error) });
  });
  return { items, rejected };
}

export interface FieldIssue {
  /** Path of the bad field, e.g. "theme.primary"; "" when the object as a whole is wrong. */
  path: string;
  message: string;
}

/**
 * Validate an object field by field: each top-level field an issue points into is dropped and named
 * (its first issue), and what is left is validated again, so one bad field never takes the good ones
 * down. `value` is undefined only when the rest still fails with no field to blame (a last issue with
 * path ""). Shared by the element's config (element/settings.ts) and the constructor's share links.
 */
export function parseValidFields<S extends z.ZodMiniType>(
  schema: S,
  input: Readonly<Record<string, unknown>>,
): { value: z.infer<S> | undefined; dropped: FieldIssue[] } {
  const rest: Record<string, unknown> = { ...input };
  const dropped: FieldIssue[] = [];
  // Each pass removes at least one field or stops, so this ends; two passes are the norm.
  for (;;) {
    const r = schema.safeParse(rest);
    if (r.success) return { value: r.data as z.infer<S>, dropped };
    let removed = false;
    for (const issue of r.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string' || !(key in rest)) continue;
      dropped.push({ path: issue.path.map(String).join('.'), message: issue.message });
      delete rest[key];
      removed = true;
    }
    if (!removed) return { value: undefined, dropped: [...dropped, { path: '', message: firstIssue(r.error).message }] };
  }
}

/** A clear, one-line description of what is wrong, naming the field. */
export function firstIssue(error: z.core.$ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'invalid value' };
  const path = issue.path.map(String).join('.');
  return { path, message: path ? `${path}: ${issue.message}` : issue.message };
}

/** Every issue as "field: message", for forms that show one error per field. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= issue.message;
  }
  return out;
}

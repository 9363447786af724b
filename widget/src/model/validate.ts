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

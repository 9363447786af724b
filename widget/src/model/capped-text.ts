// Length caps for carrier text. A hostile or broken feed can send a 10,000-character name; rejecting the
// record would hide a point the buyer may need, so over-long text is TRUNCATED (with "…") instead. The caps
// sit far above anything real data holds, so a real point is never touched. Identifiers are different:
// a truncated id or carrier ref would point at the wrong thing, so those keep maxLength (reject).
import { z } from './zod.js';

/** Caps in UTF-16 code units, as String.length counts. */
export const TEXT_CAPS = {
  /** Point and settlement names: the longest real Russian Post / Nova Poshta names are under 120. */
  name: 200,
  /** One address part (region, city, street) or a whole one-line address. */
  addressLine: 300,
  /** House number, building, block. */
  house: 100,
  postcode: 20,
  phone: 64,
  /** Status notes, holiday notes, carrier event wording. */
  note: 500,
} as const;

/** `text` shortened to at most `max` code units, ending in "…"; never splits a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate without its low half
  return `${text.slice(0, end)}…`;
}

/**
 * A string schema that truncates instead of failing (`min` still rejects: an empty name is not a point).
 * `overwrite` keeps it a plain ZodMiniString (same input and output type), so the inferred types do not change.
 */
export function cappedText(max: number, min = 0): z.ZodMiniString<string> {
  return min > 0
    ? z.string().check(z.minLength(min), z.overwrite((s) => capText(s, max)))
    : z.string().check(z.overwrite((s) => capText(s, max)));
}

// Plural forms and number formatting shared by the language files.
// Intl.PluralRules knows Russian/Ukrainian one/few/many (1 пункт, 2 пункта, 5 пунктов,
// 21 пункт, 1,5 пункта); we only supply the word forms.
import type { Lang } from '../model/index.js';

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** BCP 47 locale per widget language: en-GB for 24-hour time and day-month dates. */
export const LOCALES: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };

const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) { r = new Intl.PluralRules(LOCALES[lang]); rules.set(lang, r); }
  return r.select(n);
}

/** The word form for n ("пункта" for 2 in Russian). */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  switch (pluralCategory(lang, n)) {
    case 'one': return forms.one;
    case 'few': return forms.few ?? forms.other;
    case 'many': return forms.many ?? forms.other;
    default: return forms.other;
  }
}

/** A plain number with the language's grouping ("12 345", "12,345"). */
export function formatNumber(lang: Lang, n: number): string {
  let f = numbers.get(lang);
  if (!f) { f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }); numbers.set(lang, f); }
  return f.format(n);
}

/** "5 пунктов": the number and its word. */
export function countOf(lang: Lang, n: number, forms: PluralForms): string {
  return `${formatNumber(lang, n)} ${plural(lang, n, forms)}`;
}

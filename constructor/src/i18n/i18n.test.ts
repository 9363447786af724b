import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { resolveUiLang, UI_STRINGS } from './index.js';

/** Every string leaf (functions called with sample arguments), by dotted key. */
function leaves(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'function') out.set(key, String((v as (...a: unknown[]) => unknown)(2, 3)));
    else if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Names and codes that read the same in every language. */
const SAME = /^(embed\.tabs\.(html|react|vue|csp)|preview\.phone|check\.schema\..*|options\.countries\.(KZ))$/;

describe('constructor interface languages', () => {
  it('the owner\'s choice wins, then the browser\'s languages (uk-UA, "ua"), then English', () => {
    expect(resolveUiLang('ru', ['uk-UA', 'en'])).toBe('ru');
    expect(resolveUiLang(null, ['de-DE', 'uk-UA', 'en'])).toBe('uk');
    expect(resolveUiLang(null, ['ua'])).toBe('uk');
    expect(resolveUiLang('fr', ['de-DE'])).toBe('en');
    expect(resolveUiLang(undefined, [])).toBe('en');
  });

  for (const lang of ['ru', 'uk'] as const) {
    it(`${lang} translates every string of en (same keys, different words)`, () => {
      const base = leaves(en);
      const other = leaves(UI_STRINGS[lang]);
      const baseKeys = [...base.keys()].filter((k) => !k.startsWith('check.schema.'));
      const otherKeys = [...other.keys()].filter((k) => !k.startsWith('check.schema.'));
      expect(otherKeys.sort()).toEqual(baseKeys.sort());
      const untranslated = baseKeys.filter((k) => !SAME.test(k) && k !== 'lang' && other.get(k) === base.get(k));
      expect(untranslated).toEqual([]);
    });
  }

  it('plural forms follow each language', () => {
    expect(UI_STRINGS.ru.city.points(1)).toBe('1 пункт');
    expect(UI_STRINGS.ru.city.points(3)).toBe('3 пункта');
    expect(UI_STRINGS.ru.city.points(11)).toBe('11 пунктов');
    expect(UI_STRINGS.uk.city.points(22)).toBe('22 пункти');
    expect(UI_STRINGS.uk.city.points(25)).toBe('25 пунктів');
  });
});

// The constructor's interface language: the owner's choice kept in this browser, else the
// browser's languages through the widget's own tag mapping (toLang: "uk-UA" -> uk, "ua" -> uk),
// else English. Independent of the widget language the owner configures for buyers.
import { toLang } from '../../../widget/src/i18n/index.js';
import type { Lang } from '../../../widget/src/model/config.js';
import { en, type UiStrings } from './en.js';
import { ru } from './ru.js';
import { uk } from './uk.js';

export type { UiStrings };
export const UI_LANGS: readonly Lang[] = ['en', 'ru', 'uk'];
export const UI_STRINGS: Readonly<Record<Lang, UiStrings>> = { en, ru, uk };
/** Each language named in itself, for the switch. */
export const UI_LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ru: 'Русский', uk: 'Українська' };
export const UI_LANG_KEY = 'branch-picker-constructor:ui-lang';

export function resolveUiLang(stored: string | null | undefined, browser: readonly string[]): Lang {
  const chosen = toLang(stored);
  if (chosen) return chosen;
  for (const tag of browser) {
    const lang = toLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

export function strings(lang: Lang): UiStrings {
  return UI_STRINGS[lang];
}

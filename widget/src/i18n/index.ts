// Translations and Intl formatters of the widget: ru (default), uk, en.
import { LANGS, type Lang } from '../model/index.js';

export type { Messages, UnselectableReason } from './types.js';
export type { Lang };
export { ru } from './ru.js';
export { uk } from './uk.js';
export { en } from './en.js';
export { plural, pluralCategory, formatNumber, LOCALES, type PluralForms } from './plural.js';
export {
  getMessages, formatMoney, formatDistance, formatDate, formatWeekday, formatTodayStatus, carrierName, formatTime,
} from './format.js';

export const DEFAULT_LANG: Lang = 'ru';

/**
 * Map a BCP 47 tag to a widget language: "ru-RU" -> ru, "uk-UA" -> uk, "en-GB" -> en.
 * "ua" (a country code people often put in lang) counts as Ukrainian. Anything else: null.
 */
export function toLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'ua') return 'uk';
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : null;
}

/** The element itself, then ancestors, crossing shadow roots to their hosts. */
function declaredLang(el: Element): Lang | null {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) {
      const lang = toLang(found.getAttribute('lang'));
      // An unsupported or empty lang on an ancestor is skipped: keep looking further out.
      if (lang) return lang;
      node = found.parentElement ?? hostOf(found);
      continue;
    }
    node = hostOf(node);
  }
  return null;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root.host : null;
}

/**
 * The language to render in: the element's lang, the nearest [lang] ancestor (through
 * shadow roots), the document's lang, the browser's languages, then Russian.
 * Only ru, uk and en are supported; other values are skipped.
 */
export function resolveLang(el: Element): Lang {
  const declared = declaredLang(el);
  if (declared) return declared;
  const docLang = toLang(el.ownerDocument?.documentElement?.getAttribute('lang'));
  if (docLang) return docLang;
  if (typeof navigator !== 'undefined') {
    for (const tag of navigator.languages ?? [navigator.language]) {
      const lang = toLang(tag);
      if (lang) return lang;
    }
  }
  return DEFAULT_LANG;
}

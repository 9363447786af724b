import { BRANCH_TYPES, CARRIER_IDS, CONFIG_DEFAULTS } from '../../widget/src/model/index.js';
import { DEFAULTS } from '../../widget/src/element/settings.js';
import type { UiStrings } from './i18n/en.js';

/**
 * What the widget does when a setting is absent: its attributes' DEFAULTS plus the config-only
 * CONFIG_DEFAULTS, both the widget's own. The snippet leaves these out so an embed stays short and
 * follows future default changes. An empty carriers/types list means "all" to the widget; the form
 * shows all of them ticked.
 */
export const WIDGET_DEFAULTS = {
  carriers: CARRIER_IDS as readonly string[],
  types: BRANCH_TYPES,
  layout: DEFAULTS.layout,
  mode: DEFAULTS.mode,
  name: DEFAULTS.name,
  zoom: DEFAULTS.zoom,
  center: DEFAULTS.center,
  tileUrl: DEFAULTS.tileUrl,
  feed: DEFAULTS.feed,
  ...CONFIG_DEFAULTS,
};

export const CARRIER_OPTIONS = [
  { value: 'russian-post', label: 'Russian Post' },
  { value: 'nova-poshta', label: 'Nova Poshta' },
] as const;

export const TYPE_OPTIONS = [
  { value: 'post_office', label: 'Post offices' },
  { value: 'pickup_point', label: 'Pickup points' },
  { value: 'parcel_locker', label: 'Parcel lockers' },
] as const;

export const LANG_OPTIONS = [
  { value: '', label: 'Automatic (from the page)' },
  { value: 'ru', label: 'Русский (ru)' },
  { value: 'uk', label: 'Українська (uk)' },
  { value: 'en', label: 'English (en)' },
] as const;

export const LAYOUT_OPTIONS = [
  { value: 'both', label: 'Map and list' },
  { value: 'map', label: 'Map only' },
  { value: 'list', label: 'List only' },
] as const;

export const MODE_OPTIONS = [
  { value: 'inline', label: 'Inline on the page' },
  { value: 'modal', label: 'In a dialog opened by a button' },
] as const;

export const SORT_OPTIONS = [
  { value: 'nearest', label: 'Nearest first' },
  { value: 'cheapest', label: 'Cheapest first' },
  { value: 'fastest', label: 'Fastest delivery first' },
  { value: 'best', label: 'Best (weighted)' },
] as const;

export const FEED_OPTIONS = [
  { value: 'tiles', label: 'Open tile feed' },
  { value: 'nova-poshta', label: 'Nova Poshta (whole list, your key)' },
] as const;

export const CURRENCY_OPTIONS = ['RUB', 'UAH', 'KZT', 'BYN', 'EUR', 'USD'] as const;

export const COUNTRY_OPTIONS = [
  { value: '', label: 'Not set' },
  { value: 'RU', label: 'Russia (RU)' },
  { value: 'UA', label: 'Ukraine (UA)' },
  { value: 'KZ', label: 'Kazakhstan (KZ)' },
  { value: 'BY', label: 'Belarus (BY)' },
  { value: 'PL', label: 'Poland (PL)' },
  { value: 'DE', label: 'Germany (DE)' },
] as const;

export interface LabelledOption {
  value: string;
  label: string;
}

/** The form's choices with labels in the interface language (values are the widget's). */
export function localOptions(t: UiStrings) {
  const o = t.options;
  const pairs = <K extends string>(labels: Record<K, string>): LabelledOption[] =>
    (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
  return {
    lang: [{ value: '', label: o.langAuto }, ...LANG_OPTIONS.slice(1)] as LabelledOption[],
    layout: pairs(o.layout),
    mode: pairs(o.mode),
    sort: pairs(o.sort),
    feed: pairs(o.feed),
    carriers: pairs(o.carriers),
    types: pairs(o.types),
    countries: [
      { value: '', label: o.countryUnset },
      ...(Object.entries(o.countries) as [string, string][]).map(([value, label]) => ({ value, label: `${label} (${value})` })),
    ],
  };
}

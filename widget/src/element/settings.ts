// Attribute and config validation. Every attribute is parsed on its own: a bad value is
// reported (naming the attribute) and replaced by the config value or the default, so
// one typo in a shop's markup never breaks the widget.
import { WidgetConfig, type BranchType as BranchTypeT, type FeedKind as FeedKindT, type Lang as LangT, type Layout as LayoutT, type Mode as ModeT } from '../model/index.js';
import type { Parsed } from '../core/parsed.js';
import { parseValidFields } from '../model/validate.js';
import {
  ALL_ATTRIBUTES,
  ATTRIBUTE_TABLE,
  DEFAULT_TILE_URL,
  SPEC,
  type AttributeName,
  type AttributeSpec,
  type ParcelAttribute,
  type SettingAttribute,
} from './settings-table.js';

export interface Settings {
  apiBase: string;
  carriers: string[];
  types: BranchTypeT[];
  /** Undefined: resolve from the DOM (nearest [lang], page, browser). */
  lang: LangT | undefined;
  center: { lat: number; lng: number };
  zoom: number;
  layout: LayoutT;
  mode: ModeT;
  selected: string | undefined;
  name: string;
  /** Raster tile URL template, or "none" for the built-in basemap only. */
  tileUrl: string;
  configId: string | undefined;
  required: boolean;
  /** Points source: the open tile feed, or a whole list clustered in a worker. */
  feed: FeedKindT;
  npApiKey: string | undefined;
  /** The order step after a confirm. */
  order: boolean;
  trackUrl: string | undefined;
}

export { DEFAULT_TILE_URL };
export type { AttributeName };

const SETTING_SPECS = (ATTRIBUTE_TABLE as readonly AttributeSpec[]).filter((s) => s.group === 'settings');

/** Defaults of every setting, from the attribute table. */
export const DEFAULTS: Readonly<Settings> = Object.freeze(
  Object.fromEntries(SETTING_SPECS.map((s) => [s.prop, s.default])) as unknown as Settings,
);

/** The attributes resolved into Settings, kebab-case as in markup. */
export const ATTRIBUTES = SETTING_SPECS.map((s) => s.attr) as readonly SettingAttribute[];
/** The attributes merged into the parcel and the origin (parcel-input.ts). */
export const PARCEL_ATTRIBUTES = ALL_ATTRIBUTES.filter((a) => SPEC[a].group === 'parcel') as readonly ParcelAttribute[];

/** Attributes the element reads with getAttribute instead of a mirrored property
 * (`feed` is taken by the element's tile loader, `lang` is a global attribute). */
export const DOM_ATTRIBUTES = ALL_ATTRIBUTES.filter((a) => SPEC[a].dom) as readonly AttributeName[];

export interface SettingIssue {
  field: string;
  message: string;
}

/** Parse one attribute's raw string. `null` (absent) is never passed here. */
export function parseAttribute(name: SettingAttribute, raw: string): Parsed<unknown> {
  return SPEC[name].parse(raw.trim(), '');
}

/**
 * Validate a config object (property or loaded by id). A bad field is reported (named) and left out;
 * the good fields still apply, as a bad attribute never hides the others. Not an object: no config.
 */
export function parseConfig(input: unknown): { config: WidgetConfig | undefined; issues: SettingIssue[] } {
  const issues: SettingIssue[] = [];
  if (input == null) return { config: undefined, issues };
  if (typeof input !== 'object' || Array.isArray(input)) return { config: undefined, issues: [{ field: 'config', message: 'config: expected an object' }] };
  const { value, dropped } = parseValidFields(WidgetConfig, input as Record<string, unknown>);
  for (const d of dropped) issues.push(d.path ? { field: `config.${d.path}`, message: `config.${d.path}: ${d.message}` } : { field: 'config', message: d.message });
  return { config: value, issues };
}

function fromConfig(c: WidgetConfig | undefined): Partial<Settings> {
  const out: Record<string, unknown> = {};
  if (!c) return out;
  for (const s of SETTING_SPECS) {
    if (!s.config || s.configApplied === false) continue;
    const v = (c as Record<string, unknown>)[s.config];
    if (v !== undefined) out[s.prop] = s.fromConfig ? s.fromConfig(v) : v;
  }
  return out as Partial<Settings>;
}

/**
 * Resolve the effective settings: defaults < config < attributes.
 * `attrs` maps attribute names to their raw values (null = absent).
 */
export function resolveSettings(
  attrs: Partial<Record<SettingAttribute, string | null>>,
  config?: WidgetConfig,
): { settings: Settings; issues: SettingIssue[] } {
  const settings: Settings = { ...DEFAULTS, center: { ...DEFAULTS.center }, ...fromConfig(config) };
  const issues: SettingIssue[] = [];
  const target = settings as unknown as Record<string, unknown>;
  for (const name of ATTRIBUTES) {
    const raw = attrs[name];
    if (raw == null) continue;
    const r = parseAttribute(name, raw);
    if (r.ok) target[SPEC[name].prop] = r.value;
    else issues.push({ field: name, message: `${name}="${raw.slice(0, 80)}": ${r.message}` });
  }
  return { settings, issues };
}

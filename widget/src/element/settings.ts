// Attribute and config validation. Every attribute is parsed on its own: a bad value is
// reported (naming the attribute) and replaced by the config value or the default, so
// one typo in a shop's markup never breaks the widget.
import {
  BranchType,
  CarrierId,
  FeedKind,
  Lang,
  LatLng,
  Layout,
  Mode,
  WidgetConfig,
  firstIssue,
  z,
  type BranchType as BranchTypeT,
  type FeedKind as FeedKindT,
  type Lang as LangT,
  type Layout as LayoutT,
  type Mode as ModeT,
} from '../model/index.js';
import { bad, ok, type Parsed } from '../core/parsed.js';

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
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export const DEFAULTS: Readonly<Settings> = Object.freeze({
  apiBase: '',
  carriers: [],
  types: [],
  lang: undefined,
  center: { lat: 55.7558, lng: 37.6173 },
  zoom: 12,
  layout: 'both',
  mode: 'inline',
  selected: undefined,
  name: 'branch',
  tileUrl: DEFAULT_TILE_URL,
  configId: undefined,
  required: false,
  feed: 'tiles',
  npApiKey: undefined,
});

/** The attributes the element observes, kebab-case as in markup. */
export const ATTRIBUTES = [
  'api-base', 'carriers', 'types', 'lang', 'center', 'zoom', 'layout', 'mode',
  'selected', 'name', 'tile-url', 'config-id', 'required', 'feed', 'np-api-key',
] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

/** Attributes the element reads with getAttribute instead of a mirrored property
 * (`feed` is taken by the element's tile loader, `lang` is a global attribute). */
export const DOM_ATTRIBUTES: readonly AttributeName[] = ['lang', 'feed', 'np-api-key'];

export interface SettingIssue {
  field: string;
  message: string;
}

function withSchema<T>(schema: z.ZodMiniType<T>, value: unknown): Parsed<T> {
  const r = schema.safeParse(value);
  return r.success ? ok(r.data) : bad(firstIssue(r.error).message);
}

const list = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);

const Id = z.string().check(z.minLength(1), z.maxLength(64));
/** http(s) URL or a same-origin path; no trailing slash. */
const ApiBase = z.string().check(z.regex(/^(?:https?:\/\/[^\s]+|\/[^\s]*|)$/, 'expected an http(s) URL or a path starting with "/"'));
const TileUrl = z.string().check(
  z.regex(/^(?:none|(?:https?:)?\/\/?[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}[^\s]*)$/, 'expected "none" or a URL template with {z}, {x} and {y}'),
);
const Zoom = z.int().check(z.gte(2, 'expected an integer 2..19'), z.lte(19, 'expected an integer 2..19'));
const NpApiKey = z.string().check(z.minLength(1), z.maxLength(200));
const FieldName = z.string().check(z.minLength(1), z.maxLength(100));

/** Parse one attribute's raw string. `null` (absent) is never passed here. */
export function parseAttribute(name: AttributeName, raw: string): Parsed<unknown> {
  const v = raw.trim();
  switch (name) {
    case 'api-base': {
      const r = withSchema(ApiBase, v);
      return r.ok ? ok(v.replace(/\/+$/, '')) : r;
    }
    case 'carriers':
      return withSchema(z.array(CarrierId), list(v));
    case 'types':
      return withSchema(z.array(BranchType), list(v));
    case 'lang':
      return withSchema(Lang, v.toLowerCase().slice(0, 2));
    case 'center': {
      const parts = v.split(',').map((s) => s.trim());
      if (parts.length !== 2 || parts.some((p) => p === '')) return bad('expected "lat,lng"');
      return withSchema(LatLng, { lat: Number(parts[0]), lng: Number(parts[1]) });
    }
    case 'zoom':
      return /^\d+$/.test(v) ? withSchema(Zoom, Number(v)) : bad('expected an integer 2..19');
    case 'layout':
      return withSchema(Layout, v);
    case 'mode':
      return withSchema(Mode, v);
    case 'selected':
    case 'config-id':
      return v === '' ? ok(undefined) : withSchema(Id, v);
    case 'name':
      return withSchema(FieldName, v);
    case 'tile-url':
      return withSchema(TileUrl, v);
    case 'feed':
      return withSchema(FeedKind, v);
    case 'np-api-key':
      return v === '' ? ok(undefined) : withSchema(NpApiKey, v);
    case 'required':
      // Boolean attribute: present = true, whatever its value.
      return ok(true);
  }
}

const KEY: Record<AttributeName, keyof Settings> = {
  'api-base': 'apiBase', carriers: 'carriers', types: 'types', lang: 'lang', center: 'center', zoom: 'zoom',
  layout: 'layout', mode: 'mode', selected: 'selected', name: 'name', 'tile-url': 'tileUrl', 'config-id': 'configId',
  required: 'required', feed: 'feed', 'np-api-key': 'npApiKey',
};

/** Validate a config object (property or loaded by id). Invalid: undefined + the issue. */
export function parseConfig(input: unknown): { config: WidgetConfig | undefined; issue?: SettingIssue } {
  if (input == null) return { config: undefined };
  const r = WidgetConfig.safeParse(input);
  if (r.success) return { config: r.data };
  const { path, message } = firstIssue(r.error);
  return { config: undefined, issue: { field: path ? `config.${path}` : 'config', message } };
}

function fromConfig(c: WidgetConfig | undefined): Partial<Settings> {
  if (!c) return {};
  const out: Partial<Settings> = {};
  if (c.apiBase !== undefined) {
    const r = parseAttribute('api-base', c.apiBase);
    if (r.ok) out.apiBase = r.value as string;
  }
  if (c.carriers) out.carriers = c.carriers;
  if (c.types) out.types = c.types;
  if (c.lang) out.lang = c.lang;
  if (c.center) out.center = c.center;
  if (c.zoom !== undefined) out.zoom = c.zoom;
  if (c.layout) out.layout = c.layout;
  if (c.mode) out.mode = c.mode;
  if (c.tileUrl !== undefined && parseAttribute('tile-url', c.tileUrl).ok) out.tileUrl = c.tileUrl;
  if (c.feed) out.feed = c.feed;
  if (c.npApiKey) out.npApiKey = c.npApiKey;
  return out;
}

/**
 * Resolve the effective settings: defaults < config < attributes.
 * `attrs` maps attribute names to their raw values (null = absent).
 */
export function resolveSettings(
  attrs: Partial<Record<AttributeName, string | null>>,
  config?: WidgetConfig,
): { settings: Settings; issues: SettingIssue[] } {
  const settings: Settings = { ...DEFAULTS, center: { ...DEFAULTS.center }, ...fromConfig(config) };
  const issues: SettingIssue[] = [];
  const target = settings as unknown as Record<string, unknown>;
  for (const name of ATTRIBUTES) {
    const raw = attrs[name];
    if (raw == null) continue;
    const r = parseAttribute(name, raw);
    if (r.ok) target[KEY[name]] = r.value;
    else issues.push({ field: name, message: `${name}="${raw.slice(0, 80)}": ${r.message}` });
  }
  return { settings, issues };
}

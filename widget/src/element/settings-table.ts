// Every attribute of <branch-picker>, declared once (as Leaflet's Marker declares each option
// with its default and its @option doc): attribute, property, WidgetConfig key, default and
// parser. The element's Lit properties, ATTRIBUTES, DEFAULTS and the parsers derive from this
// table; scripts/widget-manifest.ts reads the doc comment above each entry (comments never
// reach the bundle). constructor/src/attribute-contract.test.ts checks the manifest, the README,
// WidgetConfig and the constructor's form, app and snippet against it; scripts/widget-manifest.test.ts
// checks that the README table is the generated one and that literal `@default` texts are the defaults.
//
// Doc comment format: one line of documentation, then `@type <TS type>`, optionally
// `@default <text>` when the default is better described than printed, and `@attributeOnly <reason>`
// for an attribute without a WidgetConfig key.
import {
  ApiBase,
  BranchType,
  CarrierId,
  FeedKind,
  FieldName,
  Lang,
  LatLng,
  Layout,
  Mode,
  NpApiKey,
  SettingId,
  TileUrl,
  TrackUrl,
  Zoom,
  firstIssue,
  z,
} from '../model/index.js';
import { bad, ok, type Parsed } from '../core/parsed.js';
import { parseMoney, parseOrigin, parseSize, parseWeight } from './parcel-input.js';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export interface AttributeSpec {
  /** Kebab-case, as in markup. */
  readonly attr: string;
  /** The element's property (and, for `group: 'settings'`, the Settings key). */
  readonly prop: string;
  /**
   * Where a WidgetConfig holds the same setting (a dotted path), or `null` when the setting is
   * attribute-only; its doc comment then says why in `@attributeOnly <reason>`.
   */
  readonly config: string | null;
  /** 'settings': resolved into Settings; 'parcel': merged into the parcel / origin (parcel-input.ts). */
  readonly group: 'settings' | 'parcel';
  /** Read with getAttribute, not a mirrored Lit property (`lang` is global, `feed` is taken). */
  readonly dom?: true;
  /** Boolean attribute: present = true. */
  readonly boolean?: true;
  /** The value when neither attribute nor config sets it (settings group only). */
  readonly default?: unknown;
  /** Normalise the config's (already schema-checked) value; default: taken as it is. */
  readonly fromConfig?: (value: unknown) => unknown;
  /** False when the element does not take this setting from a config (the snippet writes it as an attribute). */
  readonly configApplied?: false;
  /** Parse the trimmed raw value. Parcel money attributes get the origin country's currency. */
  readonly parse: (raw: string, currency: string) => Parsed<unknown>;
}

function withSchema<T>(schema: z.ZodMiniType<T>, value: unknown): Parsed<T> {
  const r = schema.safeParse(value);
  return r.success ? ok(r.data) : bad(firstIssue(r.error).message);
}

const list = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);
const optional = <T>(schema: z.ZodMiniType<T>) => (v: string): Parsed<T | undefined> => (v === '' ? ok(undefined) : withSchema(schema, v));

export const ATTRIBUTE_TABLE = [
  /** Server root of the points API (`{api-base}/api/v1/...`). @type string @default `""` (same origin) */
  {
    attr: 'api-base', prop: 'apiBase', config: 'apiBase', group: 'settings', default: '',
    fromConfig: (v) => String(v).replace(/\/+$/, ''),
    parse: (v) => {
      const r = withSchema(ApiBase, v);
      return r.ok ? ok(v.replace(/\/+$/, '')) : r;
    },
  },
  /** Comma list of carrier slugs, e.g. `russian-post,nova-poshta`. @type string @default all */
  { attr: 'carriers', prop: 'carriers', config: 'carriers', group: 'settings', default: [], parse: (v) => withSchema(z.array(CarrierId), list(v)) },
  /** Comma list of `post_office`, `pickup_point`, `parcel_locker`. @type string @default all */
  { attr: 'types', prop: 'types', config: 'types', group: 'settings', default: [], parse: (v) => withSchema(z.array(BranchType), list(v)) },
  /** `ru`, `uk` or `en` (`ru-RU` etc. accepted). @type 'ru' | 'uk' | 'en' @default nearest `[lang]`, page, browser, `ru` */
  { attr: 'lang', prop: 'lang', config: 'lang', group: 'settings', dom: true, default: undefined, parse: (v) => withSchema(Lang, v.toLowerCase().slice(0, 2)) },
  /** Initial map centre `lat,lng`. @type string @default `55.7558,37.6173` */
  {
    attr: 'center', prop: 'center', config: 'center', group: 'settings', default: { lat: 55.7558, lng: 37.6173 },
    parse: (v) => {
      const parts = v.split(',').map((s) => s.trim());
      if (parts.length !== 2 || parts.some((p) => p === '')) return bad('expected "lat,lng"');
      return withSchema(LatLng, { lat: Number(parts[0]), lng: Number(parts[1]) });
    },
  },
  /** Initial zoom, 2..19. @type number @default `12` */
  { attr: 'zoom', prop: 'zoom', config: 'zoom', group: 'settings', default: 12, parse: (v) => (/^\d+$/.test(v) ? withSchema(Zoom, Number(v)) : bad('must be a whole number from 2 to 19')) },
  /** `both` (map and list), `map`, or `list` (no map at all; search moves the list). @type 'both' | 'map' | 'list' @default `both` */
  { attr: 'layout', prop: 'layout', config: 'layout', group: 'settings', default: 'both', parse: (v) => withSchema(Layout, v) },
  /** `inline`, or `modal`: a button that opens the picker in a `<dialog>`. @type 'inline' | 'modal' @default `inline` */
  { attr: 'mode', prop: 'mode', config: 'mode', group: 'settings', default: 'inline', parse: (v) => withSchema(Mode, v) },
  /** Id of a preselected point (committed silently, shown on the map). @type string @attributeOnly the current order's point is page state, not a shop-wide setting */
  { attr: 'selected', prop: 'selected', config: null, group: 'settings', default: undefined, parse: optional(SettingId) },
  /** Form field name the chosen id is submitted under. @type string @default `branch` */
  // config.name is what the constructor's snippet writes into the name attribute; the element itself
  // keeps the attribute's (saved configs in the wild use it as a label).
  { attr: 'name', prop: 'name', config: 'name', configApplied: false, group: 'settings', default: 'branch', parse: (v) => withSchema(FieldName, v) },
  /** Raster tile template, or `none` for the built-in vector basemap. @type string @default `https://tile.openstreetmap.org/{z}/{x}/{y}.png` */
  { attr: 'tile-url', prop: 'tileUrl', config: 'tileUrl', group: 'settings', default: DEFAULT_TILE_URL, parse: (v) => withSchema(TileUrl, v) },
  /** Load a `WidgetConfig` saved by the constructor from `{api-base}/api/v1/configs/{id}`. @type string @attributeOnly it names the saved config to load, so it cannot live inside one */
  { attr: 'config-id', prop: 'configId', config: null, group: 'settings', default: undefined, parse: optional(SettingId) },
  /** The form is invalid (`valueMissing`) until a point is chosen. @type boolean @default off @attributeOnly form validation belongs to the checkout form the element sits in */
  { attr: 'required', prop: 'required', config: null, group: 'settings', boolean: true, default: false, parse: () => ok(true) },
  /** Where points come from: `tiles` (our open feed, clustered on the server per map tile), or `nova-poshta` (the carrier's own whole list through `Address.getWarehouses`, paged, validated and clustered in a Web Worker, `branch-picker.worker.js`, loaded from next to the script). @type 'tiles' | 'nova-poshta' @default `tiles` */
  { attr: 'feed', prop: 'feed', config: 'feed', group: 'settings', dom: true, default: 'tiles', parse: (v) => withSchema(FeedKind, v) },
  /** Nova Poshta API key for `feed="nova-poshta"`. It is visible to buyers: use a read-only key or a proxy. @type string */
  { attr: 'np-api-key', prop: 'npApiKey', config: 'npApiKey', group: 'settings', dom: true, default: undefined, parse: optional(NpApiKey) },
  /** Let the buyer place the order inside the picker after confirming a point: recipient, review of point, price and delivery date, one confirm; `bp-order` tells the page. Loaded on demand (`branch-picker.order.js`). Needs `config-id` (the widget the order comes through) and a parcel. @type boolean @default off */
  { attr: 'order', prop: 'order', config: 'order', group: 'settings', boolean: true, default: false, parse: () => ok(true) },
  /** "Track parcel" link of a created order: a URL or path template with `{orderId}`, `{orderNumber}`, `{token}`, `{trackNumber}` (URL-encoded), e.g. `/track#order={orderId}&token={token}`. Without it the button fires `bp-track`. @type string */
  { attr: 'track-url', prop: 'trackUrl', config: 'trackUrl', group: 'settings', default: undefined, parse: optional(TrackUrl) },
  /** Parcel weight in grams, e.g. `1200`. With `parcel-size` it makes a parcel (tariffs and fit checks). @type string */
  { attr: 'parcel-weight', prop: 'parcelWeight', config: 'parcel.weightG', group: 'parcel', parse: parseWeight },
  /** `LxWxH` in cm: `30x20x10` (`×` and `*` work too). @type string */
  { attr: 'parcel-size', prop: 'parcelSize', config: 'parcel.dimensionsCm', group: 'parcel', parse: parseSize },
  /** Declared value in **major units**: `5000`, `1 500,50`, or with a code `5000 UAH`. Without a code: the currency of the origin country (RU → RUB, UA → UAH). @type string */
  { attr: 'declared-value', prop: 'declaredValue', config: 'parcel.declaredValue', group: 'parcel', parse: parseMoney },
  /** Cash on delivery amount, same format as `declared-value`. @type string */
  { attr: 'cod', prop: 'cod', config: 'parcel.cashOnDelivery', group: 'parcel', parse: parseMoney },
  /** Where the shop ships from: `RU:101000` (postcode), `UA:Київ` (city; the Nova Poshta city ref is looked up once), a bare postcode (`101000` = RU, `01001` = UA), or one per country joined with `;`: `RU:101000;UA:Київ`. @type string */
  { attr: 'origin', prop: 'origin', config: 'origin', group: 'parcel', parse: parseOrigin },
] as const satisfies readonly AttributeSpec[];

export type AttributeName = (typeof ATTRIBUTE_TABLE)[number]['attr'];
type SettingsEntry = Extract<(typeof ATTRIBUTE_TABLE)[number], { group: 'settings' }>;
type ParcelEntry = Extract<(typeof ATTRIBUTE_TABLE)[number], { group: 'parcel' }>;
export type SettingAttribute = SettingsEntry['attr'];
export type ParcelAttribute = ParcelEntry['attr'];

/**
 * The element's attribute-backed properties (all but the `dom` ones), typed from the table: the raw
 * string (a boolean for a boolean attribute); the settings controller validates it.
 */
export type AttributeProperties = {
  -readonly [E in Exclude<(typeof ATTRIBUTE_TABLE)[number], { dom: true }> as E['prop']]: E extends { boolean: true } ? boolean : string | null;
};

/** Every attribute the element observes, kebab-case as in markup. */
export const ALL_ATTRIBUTES = ATTRIBUTE_TABLE.map((s) => s.attr) as readonly AttributeName[];
export const SPEC = Object.fromEntries(ATTRIBUTE_TABLE.map((s) => [s.attr, s])) as Readonly<Record<AttributeName, AttributeSpec>>;

/** The Lit property declarations of the attribute-backed properties (all but the `dom` ones). */
export function litAttributeProperties(): Record<string, { attribute: string; type?: BooleanConstructor }> {
  const out: Record<string, { attribute: string; type?: BooleanConstructor }> = {};
  for (const s of ATTRIBUTE_TABLE as readonly AttributeSpec[]) {
    if (!s.dom) out[s.prop] = s.boolean ? { attribute: s.attr, type: Boolean } : { attribute: s.attr };
  }
  return out;
}

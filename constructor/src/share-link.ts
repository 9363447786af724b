// The current settings as a link: `#config=<base64url of the config's JSON>`. Opening one
// validates it with the widget's own WidgetConfig schema; a bad field is dropped and named, the
// good ones are kept (one bad value never throws the rest of a shared configuration away).
import { WidgetConfig } from '../../widget/src/model/config.js';
import { parseValidFields } from '../../widget/src/model/validate.js';

export const SHARE_PREFIX = '#config=';
/** A URL longer than this is refused by some browsers and chat apps; the config is far smaller. */
export const MAX_SHARE_CHARS = 8000;

export interface SharedConfig {
  config: WidgetConfig;
  /** Fields that were present but invalid, as "path: message", and were left out. */
  dropped: { field: string; message: string }[];
}

export type ShareResult = { ok: true; shared: SharedConfig } | { ok: false; reason: string };

function toBase64Url(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The link's hash part for a valid config (the saved id is not part of the settings). */
export function shareHash(config: WidgetConfig): string {
  const { id: _id, ...settings } = config;
  return `${SHARE_PREFIX}${toBase64Url(JSON.stringify(settings))}`;
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** Read `#config=…`. Undefined when the hash is not a share link at all. */
export function readShareHash(hash: string): ShareResult | undefined {
  if (!isShareHash(hash)) return undefined;
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_SHARE_CHARS) return { ok: false, reason: `longer than ${MAX_SHARE_CHARS} characters` };
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(payload));
  } catch {
    return { ok: false, reason: 'not an encoded configuration' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a configuration object' };
  return { ok: true, shared: keepValidFields(raw as Record<string, unknown>) };
}

/** Validate; each bad top-level field is dropped and named, the good ones are kept (the saved id is not a setting). */
export function keepValidFields(input: Record<string, unknown>): SharedConfig {
  const { id: _id, ...settings } = input;
  const r = parseValidFields(WidgetConfig, settings);
  const dropped = r.dropped.filter((d) => d.path !== '').map((d) => ({ field: d.path, message: d.message }));
  return r.value ? { config: r.value, dropped } : { config: {}, dropped: [...dropped, { field: 'config', message: 'could not be read' }] };
}

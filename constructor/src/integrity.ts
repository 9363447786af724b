// Where the script-tag build lives and its SRI hash. integrity.json is written by the widget
// build; when it cannot be read the snippet goes out without `integrity` and says so.
import { MAIN_FILE } from '../../widget/src/ondemand-files.js';
import type { ScriptSource } from './snippet.js';

export interface ScriptInfo extends ScriptSource {
  /** Why the integrity hash is missing, for the visible note. */
  problem?: string;
}

/** Accepts the flat `{"<MAIN_FILE>": "sha384-..."}` and the build's `{version, files: {...}}`. */
function hashFor(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  const rec = body as Record<string, unknown>;
  const files = rec.files;
  if (typeof files === 'object' && files !== null) return (files as Record<string, unknown>)[MAIN_FILE];
  return rec[MAIN_FILE];
}

/** `distBase` is absolute or relative to `pageUrl` (e.g. "/widget/dist/"). */
export async function loadScriptInfo(fetchFn: typeof fetch, distBase: string, pageUrl: string): Promise<ScriptInfo> {
  const base = new URL(distBase.endsWith('/') ? distBase : `${distBase}/`, pageUrl);
  const scriptUrl = new URL(MAIN_FILE, base).href;
  const integrityUrl = new URL('integrity.json', base).href;
  try {
    const res = await fetchFn(integrityUrl, { cache: 'no-store' });
    if (!res.ok) return { scriptUrl, problem: `${integrityUrl} answered ${res.status}` };
    const body: unknown = await res.json();
    const hash = hashFor(body);
    if (typeof hash !== 'string' || !/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(hash)) {
      return { scriptUrl, problem: `${integrityUrl} has no valid hash for ${MAIN_FILE}` };
    }
    const version = (body as { version?: unknown }).version;
    return typeof version === 'string' && /^[\w.+-]{1,40}$/.test(version) ? { scriptUrl, integrity: hash, version } : { scriptUrl, integrity: hash };
  } catch (e) {
    return { scriptUrl, problem: `could not read ${integrityUrl} (${e instanceof Error ? e.message : String(e)})` };
  }
}

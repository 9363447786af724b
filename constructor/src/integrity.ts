// Where the script-tag build lives and its SRI hash. integrity.json is written by the widget
// build; when it cannot be read the snippet goes out without `integrity` and says so.
import type { ScriptSource } from './snippet.js';

export const SCRIPT_FILE = 'branch-picker.js';

export interface ScriptInfo extends ScriptSource {
  /** Why the integrity hash is missing, for the visible note. */
  problem?: string;
}

/** `distBase` is absolute or relative to `pageUrl` (e.g. "/widget/dist/"). */
export async function loadScriptInfo(fetchFn: typeof fetch, distBase: string, pageUrl: string): Promise<ScriptInfo> {
  const base = new URL(distBase.endsWith('/') ? distBase : `${distBase}/`, pageUrl);
  const scriptUrl = new URL(SCRIPT_FILE, base).href;
  const integrityUrl = new URL('integrity.json', base).href;
  try {
    const res = await fetchFn(integrityUrl, { cache: 'no-store' });
    if (!res.ok) return { scriptUrl, problem: `${integrityUrl} answered ${res.status}` };
    const body: unknown = await res.json();
    const hash = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[SCRIPT_FILE] : undefined;
    if (typeof hash !== 'string' || !/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(hash)) {
      return { scriptUrl, problem: `${integrityUrl} has no valid hash for ${SCRIPT_FILE}` };
    }
    return { scriptUrl, integrity: hash };
  } catch (e) {
    return { scriptUrl, problem: `could not read ${integrityUrl} (${e instanceof Error ? e.message : String(e)})` };
  }
}

// Starts the cluster worker of the library builds: dist/widget/ + WORKER_FILE (ondemand-files.ts), a classic
// (IIFE) script next to the script-tag file, or next to the esm/ folder for the npm build.
// Same-origin: a plain Worker (passes `script-src 'self'`; worker-src falls back to it).
// Cross-origin (a CDN): browsers refuse such workers, so the file is fetched with its SRI hash (baked in at
// build time, like the on-demand scripts' hashes) and started from a blob: of the verified text, so a
// tampered CDN copy never runs. That needs `blob:` in worker-src and the CDN in connect-src; a refusal
// (CSP, network, integrity) rejects, and the caller reports it (see cluster-client.ts).
import { WORKER_FILE } from '../ondemand-files.js';

declare const __BP_WORKER_SRI__: string;

// Captured while the script tag executes: document.currentScript is null afterwards.
const script = typeof document !== 'undefined' ? document.currentScript : null;
const BASE: string = script instanceof HTMLScriptElement && script.src ? script.src : import.meta.url;
const NAME = 'branch-picker-cluster';

/** Where the worker file lives for a given script or module URL. */
export function workerUrl(base: string): string {
  const esm = base.indexOf('/esm/');
  return esm >= 0 ? `${base.slice(0, esm)}/${WORKER_FILE}` : new URL(WORKER_FILE, base).href;
}

export function spawnClusterWorker(): Worker | Promise<Worker> {
  return startWorker(workerUrl(BASE), __BP_WORKER_SRI__);
}

/** The worker at `url`: synchronously when it is same-origin, else only once its bytes match `integrity`. */
export function startWorker(url: string, integrity: string): Worker | Promise<Worker> {
  if (typeof location === 'undefined' || new URL(url).origin === location.origin) return new Worker(url, { name: NAME });
  return verified(url, integrity);
}

async function verified(url: string, integrity: string): Promise<Worker> {
  let text: string;
  try {
    const res = await fetch(url, { integrity, mode: 'cors', credentials: 'omit' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (e) {
    // Browsers report a failed integrity check as a plain network error (details in the console).
    throw new Error(`${WORKER_FILE} from ${url} failed to load or did not match its integrity hash (${e instanceof Error ? e.message : String(e)})`);
  }
  const boot = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  try {
    return new Worker(boot, { name: NAME });
  } finally {
    // The worker has its own reference once created; the page does not need the URL.
    setTimeout(() => URL.revokeObjectURL(boot), 10_000);
  }
}

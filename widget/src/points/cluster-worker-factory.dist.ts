// Starts the cluster worker of the library builds: dist/widget/ + WORKER_FILE (ondemand-files.ts), a classic
// (IIFE) script next to the script-tag file, or next to the esm/ folder for the npm build.
// Same-origin: a plain Worker (passes `script-src 'self'`; worker-src falls back to it).
// Cross-origin (a CDN): browsers refuse such workers, so a blob bootstrap importScripts() it;
// a CSP without blob: blocks that too, and the caller reports it (see cluster-client.ts).
import { WORKER_FILE } from '../ondemand-files.js';

// Captured while the script tag executes: document.currentScript is null afterwards.
const script = typeof document !== 'undefined' ? document.currentScript : null;
const BASE: string = script instanceof HTMLScriptElement && script.src ? script.src : import.meta.url;

/** Where the worker file lives for a given script or module URL. */
export function workerUrl(base: string): string {
  const esm = base.indexOf('/esm/');
  return esm >= 0 ? `${base.slice(0, esm)}/${WORKER_FILE}` : new URL(WORKER_FILE, base).href;
}

export function spawnClusterWorker(): Worker {
  const url = workerUrl(BASE);
  const name = 'branch-picker-cluster';
  if (typeof location === 'undefined' || new URL(url).origin === location.origin) return new Worker(url, { name });
  const boot = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' }));
  try {
    return new Worker(boot, { name });
  } finally {
    // The worker has its own reference once created; the page does not need the URL.
    setTimeout(() => URL.revokeObjectURL(boot), 10_000);
  }
}

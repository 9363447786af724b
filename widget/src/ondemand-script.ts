// Injects one on-demand file of the script-tag build (ondemand-files.ts): a classic script next to
// the main file, with the SRI hash computed at build time. Same origin passes `script-src 'self'`;
// no inline code, no eval. The file reports back through its versioned global hook. Used by
// quotes/layer-loader.dist.ts and map/basemap-loader.dist.ts.
import { MAIN_FILE } from './ondemand-files.js';

// Captured while the script tag executes: document.currentScript is null afterwards.
const script = typeof document !== 'undefined' ? document.currentScript : null;
const BASE = script instanceof HTMLScriptElement ? script.src : '';

/**
 * A loader of `file`: one load per page; after a failure the next call tries again (the buyer's
 * "retry"). `arm` installs the file's hook just before the tag is added, and returns what reads the
 * value the file registered (undefined: it did not register).
 */
export function onDemandScript<T>(file: string, integrity: string, arm: () => () => T | undefined): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= inject(file, integrity, arm).catch((e: unknown) => {
    pending = undefined;
    throw e;
  }));
}

function inject<T>(file: string, integrity: string, arm: () => () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    if (!BASE) {
      reject(new Error(`cannot locate ${file}: ${MAIN_FILE} was not loaded by a <script src>`));
      return;
    }
    const registered = arm();
    const el = document.createElement('script');
    el.src = new URL(file, BASE).href;
    el.integrity = integrity;
    el.crossOrigin = 'anonymous';
    el.onload = () => {
      el.remove();
      const value = registered();
      if (value) resolve(value);
      else reject(new Error(`${file} did not register (version mismatch?)`));
    };
    el.onerror = () => {
      el.remove();
      reject(new Error(`${file} failed to load from ${el.src}`));
    };
    (document.head ?? document.documentElement).append(el);
  });
}

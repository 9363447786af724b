// The sandbox inside a page: the same handlers behind msw's service worker
// (/mockServiceWorker.js, copied to api-mock/public, which is Vite's publicDir).
import { getResponse, http, type RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createSandboxContext, type SandboxContext, type SandboxDataset } from './context.js';
import { datasetFileName, isPackedDataset, unpackDataset } from './dataset-pack.js';
import type { DatasetSize } from './dataset/index.js';
import { createHandlers } from './handlers/index.js';

export interface BrowserSandboxOptions {
  /**
   * Without `dataset` or `datasetUrl`: load the static file the Vite plugin emits for this size,
   * "/sandbox/dataset-<size>.json" (default small). The generator reads GeoNames from disk and runs in
   * Node only, so a page never generates.
   */
  size?: DatasetSize;
  /** A ready dataset, skips loading. */
  dataset?: SandboxDataset;
  /**
   * Load the dataset as JSON from here: "/__sandbox/dataset" of the Node sandbox, or the packed static
   * file of the Vite plugin (pass it relative to the page when the site lives under a sub-path).
   */
  datasetUrl?: string | URL;
  now?: () => Date;
  /** Default "/mockServiceWorker.js"; pass a URL relative to the page when the site lives under a sub-path. */
  serviceWorkerUrl?: string | URL;
  /** Log every mocked request to the console (default false). */
  verbose?: boolean;
}

export interface BrowserSandbox {
  worker: SetupWorker;
  context: SandboxContext;
  stop(): void;
}

/** Every response the worker answers carries this header (the Node server never sets it). */
export const SOURCE_HEADER = 'x-sandbox-source';
export const WORKER_SOURCE = 'worker';

async function loadDataset(url: string | URL): Promise<SandboxDataset> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`sandbox dataset: HTTP ${res.status} from ${String(url)}`);
  const data: unknown = await res.json();
  if (isPackedDataset(data)) return unpackDataset(data);
  const plain = data as Partial<SandboxDataset>;
  if (!Array.isArray(plain.branches) || !Array.isArray(plain.settlements)) throw new Error(`sandbox dataset: ${String(url)} is not a dataset`);
  return plain as SandboxDataset;
}

/**
 * One handler in front of the shared set that marks what it answers, so a page (or a test) can tell a
 * worker answer from the Node server's on the same origin. The shared handlers stay untouched.
 */
export function markedAsWorker(handlers: RequestHandler[]): RequestHandler {
  return http.all('*', async ({ request }) => {
    const response = await getResponse(handlers, request);
    // Response.error() (the "drop" fault) has immutable headers and nothing to mark.
    if (response && response.type !== 'error') response.headers.set(SOURCE_HEADER, WORKER_SOURCE);
    return response;
  });
}

/** Await this before defining <branch-picker>, so the first fetch is already mocked. */
export async function startBrowserSandbox(options: BrowserSandboxOptions = {}): Promise<BrowserSandbox> {
  const dataset = options.dataset ?? await loadDataset(options.datasetUrl ?? `/${datasetFileName(options.size ?? 'small')}`);
  const context = createSandboxContext({ dataset, ...(options.now ? { now: options.now } : {}) });
  const worker = setupWorker(markedAsWorker(createHandlers(context)));
  await worker.start({
    serviceWorker: { url: String(options.serviceWorkerUrl ?? '/mockServiceWorker.js') },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return { worker, context, stop: () => worker.stop() };
}

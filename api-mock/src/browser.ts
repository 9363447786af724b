// The sandbox inside a page: the same handlers behind msw's service worker
// (/mockServiceWorker.js, copied to api-mock/public, which is Vite's publicDir).
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createSandboxContext, type SandboxContext, type SandboxDataset } from './context.js';
import type { DatasetSize } from './dataset/index.js';
import { createHandlers } from './handlers/index.js';

export interface BrowserSandboxOptions {
  /** Dataset to generate in the page when `dataset` is not given (default small). */
  size?: DatasetSize;
  seed?: number;
  /** A ready dataset, skips generation. */
  dataset?: SandboxDataset;
  /**
   * Load the dataset as JSON from here, e.g. "/__sandbox/dataset" of the Node sandbox
   * (the generator reads GeoNames from disk and runs in Node only).
   */
  datasetUrl?: string;
  now?: () => Date;
  serviceWorkerUrl?: string;
  /** Log every mocked request to the console (default false). */
  verbose?: boolean;
}

export interface BrowserSandbox {
  worker: SetupWorker;
  context: SandboxContext;
  stop(): void;
}

async function loadDataset(url: string): Promise<SandboxDataset> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`sandbox dataset: HTTP ${res.status} from ${url}`);
  const data = (await res.json()) as Partial<SandboxDataset>;
  if (!Array.isArray(data.branches) || !Array.isArray(data.settlements)) throw new Error(`sandbox dataset: ${url} is not a dataset`);
  return data as SandboxDataset;
}

async function generate(options: BrowserSandboxOptions): Promise<SandboxDataset> {
  // Loaded only when needed: pages that bring a dataset do not pay for the generator.
  const { generateDataset } = await import('./dataset/index.js');
  return generateDataset({ size: options.size ?? 'small', ...(options.seed !== undefined ? { seed: options.seed } : {}) });
}

/** Await this before defining <branch-picker>, so the first fetch is already mocked. */
export async function startBrowserSandbox(options: BrowserSandboxOptions = {}): Promise<BrowserSandbox> {
  const dataset = options.dataset ?? (options.datasetUrl ? await loadDataset(options.datasetUrl) : await generate(options));
  const context = createSandboxContext({ dataset, ...(options.now ? { now: options.now } : {}) });
  const worker = setupWorker(...createHandlers(context));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return { worker, context, stop: () => worker.stop() };
}

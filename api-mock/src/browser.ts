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
  /** A ready dataset (e.g. fetched JSON), skips generation. */
  dataset?: SandboxDataset;
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

/** Await this before defining <branch-picker>, so the first fetch is already mocked. */
export async function startBrowserSandbox(options: BrowserSandboxOptions = {}): Promise<BrowserSandbox> {
  // The generator is loaded only when needed: pages that pass a dataset do not pay for it.
  const dataset = options.dataset ?? (await import('./dataset/index.js')).generateDataset({
    size: options.size ?? 'small',
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const context = createSandboxContext({ dataset, ...(options.now ? { now: options.now } : {}) });
  const worker = setupWorker(...createHandlers(context));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return { worker, context, stop: () => worker.stop() };
}

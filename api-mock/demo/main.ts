// The static demo: the sandbox starts in this page's service worker, then the widget is defined, so its
// very first request is already answered by the worker (nothing here needs a server).
import { startBrowserSandbox } from '../src/browser.js';
import { datasetFileName } from '../src/dataset-pack.js';
import { siteRoot } from './site-root.js';

const status = document.getElementById('sandbox-status')!;

function show(text: string, state: 'ready' | 'error'): void {
  status.textContent = text;
  status.dataset.state = state;
}

async function main(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    show('This browser offers no service workers here (they need https or localhost, and no private mode in some browsers): the static demo cannot run.', 'error');
    return;
  }
  const root = siteRoot(location.href);
  const { context } = await startBrowserSandbox({
    datasetUrl: new URL(datasetFileName('small'), root),
    serviceWorkerUrl: new URL('mockServiceWorker.js', root),
  });
  // Only now: defining the element starts its requests.
  await import('../../widget/src/define.js');
  const points = new Intl.NumberFormat('en-US').format(context.dataset.branches.length);
  show(`Sandbox ready: ${points} test points of ${context.carriers.join(', ')}, served by the service worker.`, 'ready');
}

main().catch((error: unknown) => {
  show(`The sandbox did not start: ${error instanceof Error ? error.message : String(error)}`, 'error');
});

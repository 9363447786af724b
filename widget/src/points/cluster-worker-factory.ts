// Starts the cluster worker when the widget's sources are bundled by an app (Vite dev and the
// demo site): the literal `new URL(..., import.meta.url)` lets the bundler emit the worker.
// The library builds swap this module for cluster-worker-factory.dist.ts (scripts/build-widget.ts).
export function spawnClusterWorker(): Worker {
  return new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module', name: 'branch-picker-cluster' });
}

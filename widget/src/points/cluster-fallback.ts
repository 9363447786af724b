// Without a worker (blocked by CSP, cross-origin without blob:), the ESM build runs the list feed's
// service on the main thread: a separate chunk, loaded only then. Loading and validation still run
// in ~8 ms slices; building the cluster index is one uninterrupted task (supercluster's load cannot
// be split: ~0.1-0.3 s for 30k points), which is why the worker is the default.
import type { ClusterBackend } from './cluster-client.js';

export async function mainThreadBackend(): Promise<ClusterBackend | undefined> {
  const { WholeListService } = await import('./whole-list-service.js');
  const backend: ClusterBackend = {
    kind: 'main-thread',
    request: (req) => service.handle(req),
    dispose: () => undefined,
  };
  const service = new WholeListService(undefined, () => backend.onGrow?.());
  return backend;
}

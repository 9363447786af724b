// Without a worker (blocked by CSP, cross-origin without blob:), the ESM build clusters on the
// main thread: the index module is a separate chunk loaded only then. Requests are answered one
// per macrotask so map moves and input stay interleaved; building the index itself is one
// uninterrupted task (supercluster's load cannot be split), which is why the worker is the default.
import type { ClusterBackend } from './cluster-client.js';

export async function mainThreadBackend(): Promise<ClusterBackend | undefined> {
  const { ClusterIndex, answer } = await import('./cluster-index.js');
  const index = new ClusterIndex();
  return {
    kind: 'main-thread',
    request: (req) => new Promise((done) => setTimeout(() => done(answer(index, req)), 0)),
    dispose: () => undefined,
  };
}

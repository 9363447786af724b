// The script-tag build has no main-thread fallback: the list service (supercluster, kdbush, the
// filters) would add ~5 KB gzip to a
// bundle that sits at its 80 KB budget, and an IIFE cannot load a chunk lazily. Without a worker
// the picker reports a clear bp-error instead (code "network", naming the worker file to serve).
import type { ClusterBackend } from './cluster-client.js';

export async function mainThreadBackend(): Promise<ClusterBackend | undefined> {
  return undefined;
}

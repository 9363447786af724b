// The script-tag build has no main-thread fallback: supercluster + kdbush would add ~3 KB gzip to a
// bundle that sits at its 80 KB budget, and an IIFE cannot load a chunk lazily. Without a worker
// the map reports a clear bp-error instead (the list keeps working: it needs no clustering).
import type { ClusterBackend } from './cluster-client.js';

export async function mainThreadBackend(): Promise<ClusterBackend | undefined> {
  return undefined;
}

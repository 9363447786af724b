// DATASET for the servers (scripts/start.ts, oms/serve.ts): a generated size (small|full|stress) or sources
// (file:…, np-api:…), plus reloading the sources on SIGHUP and every DATASET_REFRESH_S seconds.
import type { SandboxContext, SandboxDataset } from '../context.js';
import { generateDataset, type DatasetSize } from '../dataset/index.js';
import { loadSources, type LoadReport } from './load.js';
import { fileStamp, SourceRefresher } from './refresh.js';
import { namesSources, parseSources, type SourceSpec } from './source-spec.js';

const SIZES: readonly DatasetSize[] = ['small', 'full', 'stress'];

export type BootDataset =
  | { kind: 'generated'; size: DatasetSize; dataset: SandboxDataset }
  | { kind: 'sources'; sources: SourceSpec[]; dataset: SandboxDataset; report: LoadReport; stamp: string | undefined };

/** What DATASET names, without loading it (e.g. to pick the heap size first). */
export function parseDatasetSetting(value: string | undefined, fallback: DatasetSize, env: NodeJS.ProcessEnv = process.env):
  { kind: 'generated'; size: DatasetSize } | { kind: 'sources'; sources: SourceSpec[] } {
  const v = value?.trim() || fallback;
  if (namesSources(v)) return { kind: 'sources', sources: parseSources(v, env) };
  if (!SIZES.includes(v as DatasetSize)) throw new Error(`DATASET must be small, full, stress or sources like file:points.json (got "${v}")`);
  return { kind: 'generated', size: v as DatasetSize };
}

export async function bootDataset(value: string | undefined, fallback: DatasetSize, env: NodeJS.ProcessEnv = process.env): Promise<BootDataset> {
  const setting = parseDatasetSetting(value, fallback, env);
  if (setting.kind === 'generated') return { ...setting, dataset: generateDataset({ size: setting.size }) };
  const stamp = fileStamp(setting.sources);
  const { dataset, report } = await loadSources(setting.sources);
  if (dataset.branches.length === 0) throw new Error(`DATASET ${setting.sources.map((s) => s.label).join(',')}: no valid points loaded`);
  return { ...setting, dataset, report, stamp };
}

/** DATASET_REFRESH_S: seconds between reloads, or undefined (reload on SIGHUP only). */
export function refreshSeconds(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.DATASET_REFRESH_S;
  if (raw === undefined || raw === '') return undefined;
  const s = Number(raw);
  if (!Number.isFinite(s) || s <= 0) throw new Error(`DATASET_REFRESH_S must be a positive number of seconds (got "${raw}")`);
  return s;
}

/**
 * Reload on SIGHUP and, when set, on an interval; files that were not touched since they were loaded are not read
 * again. Answers the refresher (stop() ends the interval).
 */
export function watchSources(
  ctx: SandboxContext, loaded: { sources: readonly SourceSpec[]; stamp: string | undefined }, options: { intervalS?: number | undefined; log: (line: string) => void },
): SourceRefresher {
  const refresher = new SourceRefresher({ ctx, sources: loaded.sources, loadedStamp: loaded.stamp, log: options.log });
  process.on('SIGHUP', () => {
    options.log('SIGHUP: reloading the sources');
    refresher.refresh().catch(() => undefined); // logged by the refresher; the current data stays
  });
  if (options.intervalS !== undefined) refresher.every(options.intervalS);
  return refresher;
}

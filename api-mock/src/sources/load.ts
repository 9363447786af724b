// Loads sources into one dataset the sandbox serves: each source in order, its records validated and merged
// (first id wins), settlements derived from the points, the version a hash of the content.
import { performance } from 'node:perf_hooks';
import type { SandboxDataset } from '../context.js';
import { importBranchNdjson } from './branches.js';
import { BranchCollector, type SourceReport } from './collector.js';
import { importJsonFile } from './json-file.js';
import { importNpApi } from './nova-poshta-api.js';
import { settlementsOf } from './settlements.js';
import { isNdjsonPath, type SourceSpec } from './source-spec.js';

export interface LoadReport {
  sources: SourceReport[];
  points: number;
  /** carrier -> type -> count. */
  byCarrier: Record<string, Record<string, number>>;
  /** IANA zone -> points. */
  timeZones: Record<string, number>;
  settlements: number;
  version: string;
  ms: number;
}

export interface LoadResult {
  dataset: SandboxDataset;
  report: LoadReport;
}

export interface LoadOptions {
  /** For np-api sources (tests route it to a sandbox). */
  fetch?: typeof fetch;
}

async function loadOne(spec: SourceSpec, collector: BranchCollector, options: LoadOptions): Promise<void> {
  if (spec.kind === 'np-api') {
    await importNpApi({ apiKey: spec.apiKey, url: spec.url, ...(options.fetch ? { fetch: options.fetch } : {}) }, spec.label, collector.source(spec.label, 'nova-poshta-api'));
  } else if (isNdjsonPath(spec.path)) {
    await importBranchNdjson(spec.path, spec.label, collector.source(spec.label, 'branches-ndjson'));
  } else {
    await importJsonFile(spec.path, spec.label, collector);
  }
}

/** Throws a SourceError (one line) when a source is not a points list; bad records are only counted. */
export async function loadSources(specs: readonly SourceSpec[], options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const collector = new BranchCollector();
  for (const spec of specs) {
    const t = performance.now();
    const before = collector.reports.length;
    await loadOne(spec, collector, options);
    for (const r of collector.reports.slice(before)) r.ms = Math.round(performance.now() - t);
  }
  const { branches } = collector;
  const byCarrier: Record<string, Record<string, number>> = {};
  const timeZones: Record<string, number> = {};
  for (const b of branches) {
    const types = (byCarrier[b.carrier] ??= {});
    types[b.type] = (types[b.type] ?? 0) + 1;
    timeZones[b.timeZone] = (timeZones[b.timeZone] ?? 0) + 1;
  }
  const settlements = settlementsOf(branches);
  const version = collector.digest();
  const dataset: SandboxDataset = { size: 'sources', seed: 0, branches, settlements, version };
  return {
    dataset,
    report: {
      sources: collector.reports, points: branches.length, byCarrier, timeZones, settlements: settlements.length, version,
      ms: Math.round(performance.now() - started),
    },
  };
}

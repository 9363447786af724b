// Reloads the sources without downtime: the new dataset is loaded and indexed beside the one being served (search
// prepared too), then swapped in with one assignment. Nothing is swapped when the content hash is unchanged (ETags
// stay), when a source fails, or when nothing valid was loaded: the current data keeps being served.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDataSnapshot, type SandboxContext } from '../context.js';
import { loadSources, type LoadOptions, type LoadReport } from './load.js';
import type { SourceSpec } from './source-spec.js';

export interface RefreshReport {
  changed: boolean;
  version: string;
  previousVersion: string;
  points: number;
  added: number;
  /** Ids served before and missing now: orders to them are refused from now on (the order API reads the same data). */
  removed: string[];
  ms: number;
  load: LoadReport;
}

export interface RefresherOptions extends LoadOptions {
  ctx: SandboxContext;
  sources: readonly SourceSpec[];
  log?: (line: string) => void;
  /** Build the unfiltered cluster index before the swap (default true), so the first tile is not the one that pays. */
  warm?: boolean;
  /** fileStamp() of the sources as they were loaded for the data served now (taken before that load). */
  loadedStamp?: string | undefined;
}

/**
 * Size and modification time of every file source, or undefined when a source is not a file (an API is always
 * asked again) or cannot be read. Equal stamps: the files were not touched, so there is nothing to reload.
 */
export function fileStamp(sources: readonly SourceSpec[]): string | undefined {
  const parts: string[] = [];
  for (const s of sources) {
    if (s.kind !== 'file') return undefined;
    try {
      const st = statSync(s.path);
      parts.push(`${s.path}:${st.size}:${st.mtimeMs}`);
    } catch {
      return undefined;
    }
  }
  return parts.join('|');
}

/** At most this many removed ids are named in the log line; the report has them all. */
const NAMED = 10;

export class SourceRefresher {
  private running: Promise<RefreshReport> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private loadedStamp: string | undefined;

  constructor(private readonly options: RefresherOptions) {
    this.loadedStamp = options.loadedStamp;
  }

  /** One reload at a time: a call while one runs gets that run's result. */
  refresh(): Promise<RefreshReport> {
    this.running ??= this.run().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Reload every `seconds`; failures are logged and the current data stays. */
  every(seconds: number): void {
    this.stop();
    this.timer = setInterval(() => { this.refresh().catch(() => undefined); }, seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<RefreshReport> {
    const { ctx, log = () => undefined } = this.options;
    const started = performance.now();
    // Taken before reading: a file written during the load has a newer stamp and is read again next time.
    const stamp = fileStamp(this.options.sources);
    if (stamp !== undefined && stamp === this.loadedStamp) {
      const load: LoadReport = { sources: [], points: ctx.byId.size, byCarrier: {}, timeZones: {}, settlements: ctx.dataset.settlements.length, version: ctx.version, ms: 0 };
      return { changed: false, version: ctx.version, previousVersion: ctx.version, points: ctx.byId.size, added: 0, removed: [], ms: 0, load };
    }
    let result;
    try {
      result = await loadSources(this.options.sources, this.options);
    } catch (error) {
      log(`refresh failed, still serving ${ctx.version}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    const { dataset, report } = result;
    const previous = ctx.snapshot;
    if (dataset.branches.length > 0) this.loadedStamp = stamp;
    const base = { version: dataset.version ?? '', previousVersion: previous.version, points: dataset.branches.length, load: report };
    if (dataset.version === previous.version) {
      log(`refresh: unchanged (${base.points} points, version ${base.version})`);
      return { ...base, changed: false, added: 0, removed: [], ms: Math.round(performance.now() - started) };
    }
    if (dataset.branches.length === 0) {
      const error = new Error(`refresh: the sources hold no valid points; still serving ${previous.version} (${previous.byId.size} points)`);
      log(error.message);
      throw error;
    }
    const next = createDataSnapshot(dataset, { warm: this.options.warm ?? true });
    await next.search.prepare();
    const removed: string[] = [];
    for (const id of previous.byId.keys()) if (!next.byId.has(id)) removed.push(id);
    let added = 0;
    for (const id of next.byId.keys()) if (!previous.byId.has(id)) added++;
    ctx.swap(next);
    const ms = Math.round(performance.now() - started);
    log(`refresh: ${base.points} points (version ${previous.version} -> ${next.version}), ${added} added, ${removed.length} removed`
      + `${removed.length > 0 ? ` (${removed.slice(0, NAMED).join(', ')}${removed.length > NAMED ? ', …' : ''})` : ''} in ${ms} ms`);
    return { ...base, changed: true, added, removed, ms };
  }
}

// One load's accumulator: every source offers its candidate branches here, in order. Each candidate gets a time
// zone when it lacks one, is validated against the Branch schema and deduplicated (first id wins); each
// rejection is counted by reason, so a bad record is reported and never takes the load down.
import { createHash, type Hash } from 'node:crypto';
import { Branch } from '../../../widget/src/model/index.js';
import { rejectReason } from './reasons.js';
import { timeZoneAt } from './time-zone.js';

export type SourceFormat = 'nova-poshta' | 'nova-poshta-api' | 'russian-post' | 'branches' | 'branches-ndjson' | 'empty';

export interface SourceReport {
  /** The source as configured (an API key is never shown). */
  source: string;
  format: SourceFormat;
  /** Records read, good and bad. */
  records: number;
  accepted: number;
  /** Rejected records by reason ("hours.*.open: does not match …"). */
  rejected: Record<string, number>;
  /** Records whose id an earlier record (of this or an earlier source) already had. */
  duplicates: number;
  /** Accepted records whose time zone came from their coordinates. */
  zonesDerived: number;
  ms: number;
}

/** What an importer hands its records to. */
export interface RecordSink {
  /** A Branch-shaped candidate (our own record, or a carrier item mapped with its zone from the coordinate). */
  offer(candidate: unknown, zoneFromCoordinates?: boolean): void;
  reject(reason: string): void;
}

/** One source's view of the collector. */
class SourceSink implements RecordSink {
  constructor(private readonly owner: BranchCollector, readonly report: SourceReport) {}

  offer(candidate: unknown, zoneFromCoordinates = false): void {
    this.report.records++;
    this.owner.add(candidate, this.report, zoneFromCoordinates);
  }

  reject(reason: string): void {
    this.report.records++;
    this.report.rejected[reason] = (this.report.rejected[reason] ?? 0) + 1;
  }
}

function needsZone(v: unknown): v is Record<string, unknown> & { lat: number; lng: number } {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (r.timeZone === undefined || r.timeZone === '') && typeof r.lat === 'number' && typeof r.lng === 'number'
    && Math.abs(r.lat) <= 90 && Math.abs(r.lng) <= 180;
}

/** Fields whose values repeat across points (the same hours, payment, limits): kept once, as the packed dataset does. */
const SHARED = ['hours', 'exceptions', 'payment', 'limits'] as const;

export class BranchCollector {
  readonly branches: Branch[] = [];
  readonly reports: SourceReport[] = [];
  private readonly ids = new Set<string>();
  private readonly shared = new Map<string, unknown>();
  // The content hash is the dataset's version (ETags): equal data, equal hash, on any machine.
  private readonly hash: Hash = createHash('sha256').update('branches/v1\n');

  source(source: string, format: SourceFormat): SourceSink {
    const report: SourceReport = { source, format, records: 0, accepted: 0, rejected: {}, duplicates: 0, zonesDerived: 0, ms: 0 };
    this.reports.push(report);
    return new SourceSink(this, report);
  }

  add(candidate: unknown, report: SourceReport, zoneFromCoordinates: boolean): void {
    let derived = zoneFromCoordinates;
    if (needsZone(candidate)) {
      candidate.timeZone = timeZoneAt(candidate.lat, candidate.lng);
      derived = true;
    }
    const parsed = Branch.safeParse(candidate);
    if (!parsed.success) {
      const reason = rejectReason(parsed.error, candidate);
      report.rejected[reason] = (report.rejected[reason] ?? 0) + 1;
      return;
    }
    const branch = parsed.data;
    if (this.ids.has(branch.id)) {
      report.duplicates++;
      return;
    }
    this.ids.add(branch.id);
    this.hash.update(JSON.stringify(branch)).update('\n');
    this.branches.push(this.dedupeFields(branch));
    report.accepted++;
    if (derived) report.zonesDerived++;
  }

  /** A million points hold a few thousand distinct schedules: one object each saves most of the heap. */
  private dedupeFields(branch: Branch): Branch {
    const out: Record<string, unknown> = branch;
    for (const field of SHARED) {
      const key = `${field}:${JSON.stringify(branch[field])}`;
      const known = this.shared.get(key);
      if (known === undefined) this.shared.set(key, branch[field]);
      else out[field] = known;
    }
    return branch;
  }

  /** Hex digest of every accepted branch in order; call once, at the end. */
  digest(): string {
    return this.hash.digest('hex').slice(0, 24);
  }
}

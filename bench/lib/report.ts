// One row per figure: our value, the baseline measured in the same run, their ratio, the budget and a verdict.
import { writeFileSync } from 'node:fs';
import { fmtNumber } from './stats.js';

export type Status = 'PASS' | 'FAIL' | 'INFO' | 'SKIPPED';

export interface Row {
  section: string;
  metric: string;
  /** Our figure (NaN when skipped). */
  value: number;
  unit: string;
  baseline?: { label: string; value: number; unit: string; note?: string } | undefined;
  /** How many times better we are than the baseline (>1 is better), or as `ratioMeaning` says. */
  ratio?: number | undefined;
  ratioMeaning?: string | undefined;
  budget?: string | undefined;
  status: Status;
  note?: string | undefined;
}

export interface RowInput extends Omit<Row, 'status' | 'section'> {
  /** Budget verdict; omitted = no budget (INFO). */
  ok?: boolean | undefined;
  status?: Status | undefined;
}

export class Report {
  readonly rows: Row[] = [];
  private section = '';

  begin(section: string, title: string): void {
    this.section = section;
    console.log(`\n=== ${title} ===`);
  }

  add(input: RowInput): Row {
    const { ok, status, ...rest } = input;
    const row: Row = { section: this.section, ...rest, status: status ?? (ok === undefined ? 'INFO' : ok ? 'PASS' : 'FAIL') };
    this.rows.push(row);
    console.log(formatRowLong(row));
    return row;
  }

  skip(metric: string, reason: string, budget?: string): void {
    this.add({ metric, value: NaN, unit: '', budget, status: 'SKIPPED', note: reason });
  }

  note(text: string): void {
    console.log(`  · ${text}`);
  }

  printTable(): void {
    const head = ['section', 'metric', 'ours', 'baseline', 'ratio', 'budget', 'status'];
    const lines = this.rows.map((r) => [
      r.section,
      r.metric,
      r.status === 'SKIPPED' ? '—' : fmtNumber(r.value, r.unit),
      r.baseline ? `${fmtNumber(r.baseline.value, r.baseline.unit)}${r.baseline.note ? ` (${r.baseline.note})` : ''}` : '—',
      ratioText(r) ?? '—',
      r.budget ?? '—',
      r.status,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    console.log(`\n${fmt(head)}\n${widths.map((w) => '-'.repeat(w)).join('-+-')}`);
    for (const l of lines) console.log(fmt(l));
    const count = (s: Status) => this.rows.filter((r) => r.status === s).length;
    console.log(`\n${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('INFO')} INFO, ${count('SKIPPED')} SKIPPED`);
  }

  write(path: string, meta: Record<string, unknown>): void {
    // NaN/Infinity are not JSON: write null so consumers see "no figure".
    const clean = (v: number | undefined) => (v === undefined || Number.isFinite(v) ? v : null);
    const rows = this.rows.map((r) => ({
      ...r,
      value: clean(r.value),
      ratio: clean(r.ratio),
      baseline: r.baseline ? { ...r.baseline, value: clean(r.baseline.value) } : undefined,
    }));
    writeFileSync(path, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  }
}

function ratioText(r: Row): string | undefined {
  if (r.ratio === undefined || !Number.isFinite(r.ratio)) return r.ratio === undefined ? undefined : String(r.ratio);
  const x = r.ratio >= 100 ? r.ratio.toFixed(0) : r.ratio >= 10 ? r.ratio.toFixed(1) : r.ratio.toFixed(2);
  return `${x}× ${r.ratioMeaning ?? 'better'}`;
}

function formatRowLong(r: Row): string {
  if (r.status === 'SKIPPED') return `  ${r.metric}: SKIPPED: ${r.note ?? ''}`;
  const parts = [`  ${r.metric}: ${fmtNumber(r.value, r.unit)}`];
  if (r.baseline) parts.push(`baseline ${r.baseline.label} ${fmtNumber(r.baseline.value, r.baseline.unit)}${r.baseline.note ? ` (${r.baseline.note})` : ''}`);
  const rt = ratioText(r);
  if (rt) parts.push(`ratio ${rt}`);
  parts.push(`budget ${r.budget ?? 'none'}`);
  parts.push(r.status);
  return parts.join(' | ') + (r.note ? `\n      ${r.note}` : '');
}

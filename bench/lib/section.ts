import type { Report } from './report.js';

export interface BenchOptions {
  quick: boolean;
}

export interface Section {
  id: string;
  title: string;
  run(report: Report, opts: BenchOptions): Promise<void>;
}

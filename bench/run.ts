// The project benchmark: `npm run bench [-- --only feed,search] [-- --quick]`.
// Every figure is printed next to a baseline measured in the same run, their ratio and its budget
// (listed in bench/README.md, "Budgets"); the table is also written to bench/results.json.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Report } from './lib/report.js';
import type { Section } from './lib/section.js';
import { browserSection } from './sections/browser.js';
import { bundleSection } from './sections/bundle.js';
import { datasetSection } from './sections/dataset.js';
import { feedSection } from './sections/feed.js';
import { feedScaleSection } from './sections/feed-scale.js';
import { ordersSection } from './sections/orders.js';
import { quotesSection } from './sections/quotes.js';
import { searchSection } from './sections/search.js';

const SECTIONS: Section[] = [datasetSection, feedSection, feedScaleSection, searchSection, browserSection, quotesSection, bundleSection, ordersSection];

function parseArgs(argv: string[]): { only: Set<string> | null; quick: boolean } {
  let only: Set<string> | null = null;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const list = a.includes('=') ? a.slice(7) : argv[++i] ?? '';
      only = new Set(list.split(',').map((s) => s.trim()).filter(Boolean));
    } else if (a === '--help' || a === '-h') {
      console.log(`usage: npm run bench -- [--only ${SECTIONS.map((s) => s.id).join(',')}] [--quick]`);
      process.exit(0);
    } else {
      console.error(`unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (only) {
    const unknown = [...only].filter((id) => !SECTIONS.some((s) => s.id === id));
    if (unknown.length) {
      console.error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);
      process.exit(2);
    }
  }
  return { only, quick };
}

const { only, quick } = parseArgs(process.argv.slice(2));
const report = new Report();
const started = performance.now();
const sectionMs: Record<string, number> = {};
console.log(`branch-picker bench${quick ? ' (quick)' : ''}: ${cpus().length} CPU(s), Node ${process.version}.`);
console.log('Absolute times drift with machine load; read the ratios against the same-run baselines.');

for (const section of SECTIONS) {
  if (only && !only.has(section.id)) continue;
  report.begin(section.id, section.title);
  const t = performance.now();
  try {
    await section.run(report, { quick });
  } catch (error) {
    console.error(error);
    report.add({ metric: `${section.id}: section failed`, value: NaN, unit: '', status: 'FAIL', note: error instanceof Error ? error.message : String(error) });
  }
  sectionMs[section.id] = Math.round(performance.now() - t);
  console.log(`  (${section.id} took ${(sectionMs[section.id]! / 1000).toFixed(1)} s)`);
}

report.printTable();
const out = join(import.meta.dirname, 'results.json');
report.write(out, {
  startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
  durationS: Math.round((performance.now() - started) / 100) / 10,
  quick,
  sections: sectionMs,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, platform: process.platform },
});
console.log(`\nwrote ${out} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exit(report.rows.some((r) => r.status === 'FAIL') ? 1 : 0);

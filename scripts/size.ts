// Size of the script-tag files (JS with the CSS inlined): raw and gzip.
//   npm run size   (after npm run build:widget)
// The budget is for branch-picker.js, what every embed downloads. The other files load on demand:
// branch-picker.quotes.js only with a parcel (tariffs), branch-picker.basemap.js only for the built-in map, branch-picker.worker.js only with feed="nova-poshta".
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BASEMAP_FILE, MAIN_FILE, ORDER_FILE, QUOTES_FILE, TRACKING_FILE, WORKER_FILE } from '../widget/src/ondemand-files.js';

const BUDGET_GZIP_KB = 80;
const dir = resolve(import.meta.dirname, '../dist/widget');
const MAIN = MAIN_FILE;
const ON_DEMAND = [
  [QUOTES_FILE, 'on demand: with a parcel'],
  [BASEMAP_FILE, 'on demand: tiles fail or tile-url="none"'],
  [WORKER_FILE, 'on demand: feed="nova-poshta"'],
  [ORDER_FILE, 'on demand: the order step'],
  [TRACKING_FILE, 'standalone: tracking pages (<bp-tracking>), never loaded by the picker'],
] as const;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
function measure(name: string): { raw: number; gz: number } {
  const file = resolve(dir, name);
  if (!existsSync(file)) {
    console.error(`dist/widget/${name} is missing: run npm run build:widget first`);
    process.exit(1);
  }
  const raw = readFileSync(file);
  return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
}

const main = measure(MAIN);
const ok = main.gz <= BUDGET_GZIP_KB * 1024;
const row = (name: string, s: { raw: number; gz: number }, note: string) =>
  console.log(`${name.padEnd(26)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gz).padStart(8)}  ${note}`);
row(MAIN, main, `every embed; budget ${BUDGET_GZIP_KB} KB gzip  ${ok ? 'OK' : 'OVER BUDGET'}`);
let total = { ...main };
for (const [name, note] of ON_DEMAND) {
  const s = measure(name);
  row(name, s, note);
  total = { raw: total.raw + s.raw, gz: total.gz + s.gz };
}
row('total (all files)', total, 'if one page needed everything; not a budget');
process.exit(ok ? 0 : 1);

// Size of the script-tag bundle (JS with the CSS inlined): raw and gzip, against the budget.
//   npm run size   (after npm run build:widget)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_KB = 80;
const file = resolve(import.meta.dirname, '../dist/widget/branch-picker.js');
if (!existsSync(file)) {
  console.error('dist/widget/branch-picker.js is missing: run npm run build:widget first');
  process.exit(1);
}
const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ok = gz <= BUDGET_GZIP_KB * 1024;
console.log(`branch-picker.js  raw ${kb(raw.length)}  gzip ${kb(gz)}  budget ${BUDGET_GZIP_KB} KB gzip  ${ok ? 'OK' : 'OVER BUDGET'}`);
process.exit(ok ? 0 : 1);

#!/usr/bin/env node
// `npm test`: every unit test (SQLite), the order and storage tests again on a throwaway PostgreSQL cluster,
// then every end-to-end test, then one summary line "N passed, N failed, N skipped" counting all three. Runs the e2e suite even when unit tests fail,
// so one failure never hides the rest; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'bp-tests-'));
const env = { ...process.env, TEST_REPORT_DIR: reportDir };

function run(label, cmd, args) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status ?? 1;
}

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

// A stray `.only` would run a subset and pass: both runners refuse it here (vitest allows it outside CI by
// default, Playwright's config only in CI; plain `npx vitest` / `npx playwright test` still allow it while developing).
const NO_ONLY = '--allowOnly=false';
const unitStatus = run('unit tests', 'npx', ['vitest', 'run', NO_ONLY, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'unit.json')}`]);
// The order system's tests again on PostgreSQL (scripts/with-postgres.sh installs and starts it, then removes it).
const pgStatus = process.env.SKIP_POSTGRES === '1'
  ? (console.log('\n== PostgreSQL: skipped (SKIP_POSTGRES=1)'), 0)
  : run('order and storage tests on PostgreSQL', 'sh', ['scripts/with-postgres.sh', 'npx', 'vitest', 'run', NO_ONLY, 'api-mock/src/oms', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'pg.json')}`]);
const chromiumStatus = run('chromium', 'sh', ['scripts/ensure-chromium.sh']);
const e2eStatus = chromiumStatus === 0 ? run('e2e tests', 'npx', ['playwright', 'test', '--forbid-only']) : chromiumStatus;

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [file, status] of [['unit.json', unitStatus], ['pg.json', pgStatus]]) {
  const report = readJson(join(reportDir, file));
  if (report) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (status !== 0) failed += 1; // the runner itself broke: count it, never report a false green
}
const e2e = readJson(join(reportDir, 'e2e.json'));
if (e2e?.stats) { passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0); failed += e2e.stats.unexpected ?? 0; skipped += e2e.stats.skipped ?? 0; }
else if (e2eStatus !== 0) failed += 1;
if (failed === 0 && (unitStatus !== 0 || pgStatus !== 0 || e2eStatus !== 0)) failed += 1; // e.g. a suite-level error outside any test
// A skipped test is a test that silently stopped guarding anything: in the summary always, fatal in CI.
if (skipped > 0 && process.env.CI) failed += 1;

// Always printed; the last line stays "N passed, N failed", the shape .ci/run and CI read.
console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && unitStatus === 0 && pgStatus === 0 && e2eStatus === 0 ? 0 : 1);

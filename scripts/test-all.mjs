#!/usr/bin/env node
// `npm test`: every unit test, then every end-to-end test, then one summary line
// "N passed, N failed" counting both. Runs the e2e suite even when unit tests fail,
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

const unitStatus = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'unit.json')}`]);
const chromiumStatus = run('chromium', 'sh', ['scripts/ensure-chromium.sh']);
const e2eStatus = chromiumStatus === 0 ? run('e2e tests', 'npx', ['playwright', 'test']) : chromiumStatus;

let passed = 0;
let failed = 0;
const unit = readJson(join(reportDir, 'unit.json'));
if (unit) { passed += unit.numPassedTests ?? 0; failed += (unit.numFailedTests ?? 0); }
else if (unitStatus !== 0) failed += 1; // the runner itself broke: count it, never report a false green
const e2e = readJson(join(reportDir, 'e2e.json'));
if (e2e?.stats) { passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0); failed += e2e.stats.unexpected ?? 0; }
else if (e2eStatus !== 0) failed += 1;
if (failed === 0 && (unitStatus !== 0 || e2eStatus !== 0)) failed += 1; // e.g. a suite-level error outside any test

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && unitStatus === 0 && e2eStatus === 0 ? 0 : 1);

// A lean server process: the sandbox API with the order system, no demo site. The kill -9 tests and the order
// benchmarks start it as a child. Settings come from the environment:
//   PORT (0 = any; the URL is printed as "listening <url>"), DATASET (small; or sources: file:a.json,file:b.ndjson,
//   np-api:KEY, reloaded on SIGHUP and every DATASET_REFRESH_S seconds), DATA_DIR, DATABASE_URL,
//   CARRIER_BASE_URL (carriers and their tariffs in another process; default this one), OMS_LEASE_MS,
//   OMS_RETRY_BASE_MS, OMS_RETRY_CAP_MS, CONNECTOR_TIMEOUT_MS, NO_OMS=1 (a carriers-only sandbox).
import { join } from 'node:path';
import { fileJournal } from '../carriers-sim/file-journal.js';
import { createSandboxContext } from '../context.js';
import { createSandboxServer } from '../server.js';
import { bootDataset, refreshSeconds, watchSources } from '../sources/boot.js';
import { formatReport } from '../sources/report-format.js';
import { defaultConnectors, type Connector } from './connectors/index.js';
import { createOms } from './index.js';

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};

async function main(): Promise<void> {
  const refreshS = refreshSeconds();
  const boot = await bootDataset(process.env.DATASET, 'small');
  const { dataset } = boot;
  if (boot.kind === 'sources') for (const line of formatReport(boot.report, { reasons: 5 })) console.error(`[sources] ${line}`);
  const dataDir = process.env.DATA_DIR ?? '.data';
  const context = createSandboxContext({ dataset, warm: false, carrierSpeed: num('CARRIER_SPEED', 1), journal: fileJournal(join(dataDir, 'carriers')) });
  let self = '';
  const carriers = () => process.env.CARRIER_BASE_URL?.replace(/\/$/, '') || self;
  const connectors = new Map<string, Connector>();
  const oms = process.env.NO_OMS === '1' ? undefined : await createOms({
    ctx: context, dataDir, databaseUrl: process.env.DATABASE_URL, connectors, tariffBase: carriers,
    dispatcher: { leaseMs: num('OMS_LEASE_MS', 60_000), retryBaseMs: num('OMS_RETRY_BASE_MS', 1_000), retryCapMs: num('OMS_RETRY_CAP_MS', 300_000) },
    tracker: { intervalMs: num('TRACK_INTERVAL_MS', 60_000) },
    log: (m) => console.error(`[oms] ${m}`),
  });
  const server = createSandboxServer({ context, port: num('PORT', 0), host: process.env.HOST ?? '127.0.0.1', ...(oms ? { serverRoutes: oms.handlers } : {}) });
  self = await server.listen();
  for (const [id, c] of defaultConnectors({ baseUrl: carriers(), timeoutMs: num('CONNECTOR_TIMEOUT_MS', 5_000) })) connectors.set(id, c);
  oms?.start();
  if (boot.kind === 'sources') watchSources(context, boot, { intervalS: refreshS, log: (l) => console.error(`[sources] ${l}`) });
  console.log(`listening ${self}`);
  const stop = () => {
    server.close().then(() => oms?.close()).then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});

// 6. The order system (budgets: bench/README.md, "Budgets", the 6 orders rows):
// - load: POST /api/v1/orders from 50 concurrent keep-alive clients on loopback against the lean order server
//   (api-mock/src/oms/serve.ts, DATASET=small, fresh DATA_DIR) in its own process, carriers in another
//   (NO_OMS=1, CARRIER_BASE_URL), on SQLite and on a throwaway PostgreSQL; baseline: the same load against
//   GET /api/v1/configs/demo on the same server (its floor). A figure counts only when every answer was 201
//   and the database holds exactly that many orders afterwards (/__sandbox/oms).
// - chaos: runChaos (30% of responses dropped / 503 / committed-then-dropped at both hops, racing duplicates).
// - kill -9: runKillTest (the order server killed 5 times mid-burst and restarted on the same database).
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChaos } from '../../api-mock/src/oms/testing/chaos.js';
import { runKillTest } from '../../api-mock/src/oms/testing/kill.js';
import type { Branch } from '../../widget/src/model/index.js';
import { dataset } from '../lib/datasets.js';
import { closedLoop, openLoop, cpuMs, holdPostgres, send, startServe, type LoadResult, type ServeChild } from '../lib/orders-load.js';
import type { Report } from '../lib/report.js';
import type { Section } from '../lib/section.js';
import { median, percentile, sleep } from '../lib/stats.js';

const CLIENTS = 50;
const P99_BUDGET_MS = 50;
const RATE_BUDGET = 500;
/** Offered traffic for the latency budget: half the throughput budget, spread over the 50 clients. */
const OPEN_RATE = 250;
const POINTS_PER_CARRIER = 4;
// Constant: the server caches a tariff answer per point, parcel and origin (5 min), warmed once per point.
const PARCEL = { weightG: 1000, dimensionsCm: { length: 20, width: 15, height: 10 } };

interface EngineResult {
  label: string;
  orders: LoadResult;
  /** The same kind of orders offered at OPEN_RATE per second (open loop). */
  steady: LoadResult;
  floor: LoadResult;
  /** Order server CPU (user + system) per request, ms; and the carriers' process per order (the dispatcher's calls). */
  cpu: { order: number; floor: number; carriersPerOrder: number };
  inDb: number;
  expectedInDb: number;
  valid: boolean;
  why: string;
}

function pickPoints(): Branch[] {
  const open = (carrier: string) => dataset('small').branches.filter((b) => b.carrier === carrier && b.status === 'open' && b.type === 'post_office'
    && (b.limits.maxWeightG ?? Infinity) >= 2000).slice(0, POINTS_PER_CARRIER);
  const points = [...open('russian-post'), ...open('nova-poshta')];
  if (points.length < 2 * POINTS_PER_CARRIER) throw new Error(`orders: only ${points.length} open points of both carriers in the small dataset`);
  return points;
}

function orderBody(point: Branch, orderNumber: string): string {
  const ua = point.address.country === 'UA';
  return JSON.stringify({
    orderNumber, configId: 'demo', pointId: point.id, carrier: point.carrier, parcel: PARCEL,
    recipient: { givenName: ua ? 'Олена' : 'Анна', surname: ua ? 'Коваль' : 'Иванова', phone: ua ? '+380671234567' : '+79123456789' },
  });
}

async function omsStatus(agent: Agent, base: string): Promise<{ orders: number; outbox: Record<string, number> }> {
  const a = await send(agent, `${base}/__sandbox/oms`);
  if (a.status !== 200) throw new Error(`/__sandbox/oms answered ${a.status}: ${a.body.slice(0, 200)}`);
  return JSON.parse(a.body) as { orders: number; outbox: Record<string, number> };
}

/** One engine: fresh data dir (and database), carriers' process, order server, warm-up, floor, orders, count. */
async function loadEngine(label: string, databaseUrl: string, n: number, points: Branch[], log: (s: string) => void): Promise<EngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-orders-'));
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let carriers: ServeChild | undefined;
  let oms: ServeChild | undefined;
  try {
    carriers = await startServe({ NO_OMS: '1', DATASET: 'small', DATA_DIR: join(dir, 'carriers'), PORT: '0', DATABASE_URL: '', CARRIER_BASE_URL: '' });
    // DATABASE_URL '' = SQLite in DATA_DIR (an inherited one must not leak in).
    oms = await startServe({ DATASET: 'small', DATA_DIR: join(dir, 'oms'), PORT: '0', CARRIER_BASE_URL: carriers.url, DATABASE_URL: databaseUrl });
    const base = oms.url;
    const post = (orderNumber: string, point: Branch) => ({
      url: `${base}/api/v1/orders`, method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `"${crypto.randomUUID()}"` },
      body: orderBody(point, orderNumber),
    });
    const tag = label === 'SQLite' ? 'S' : 'P';

    // Warm-up, not measured: one order per point (fills the tariff cache), then both routes under load (JIT, sockets).
    for (const [i, p] of points.entries()) {
      const req = post(`BW-${tag}-${i}`, p);
      const a = await send(agent, req.url, req);
      if (a.status !== 201) throw new Error(`${label}: warm-up order to ${p.id} answered ${a.status}: ${a.body.slice(0, 300)} ${oms.stderrTail()}`);
    }
    const warmFloor = await closedLoop(agent, 300, CLIENTS, 200, () => ({ url: `${base}/api/v1/configs/demo` }));
    const warmOrders = await closedLoop(agent, 300, CLIENTS, 201, (i) => post(`BX-${tag}-${i}`, points[i % points.length]!));
    for (const w of [warmFloor, warmOrders]) {
      if (w.unexpected.length) throw new Error(`${label}: warm-up answered ${w.unexpected[0]}`);
    }
    // Let the dispatcher ship the warm-up orders so that the floor is measured on a quiet server.
    const drain = async (what: string, ms: number) => {
      const by = Date.now() + ms;
      for (;;) {
        const st = await omsStatus(agent, base);
        if (!st.outbox.pending && !st.outbox.in_flight) return;
        if (Date.now() > by) {
          log(`${label}: outbox still busy after ${what}: ${JSON.stringify(st.outbox)}`);
          return;
        }
        await sleep(100);
      }
    };
    await drain('warm-up', 60_000);
    const before = (await omsStatus(agent, base)).orders;

    const c0 = cpuMs(oms.child.pid);
    const floor = await closedLoop(agent, n, CLIENTS, 200, () => ({ url: `${base}/api/v1/configs/demo` }));
    const c1 = cpuMs(oms.child.pid);
    const k1 = cpuMs(carriers.child.pid);
    const orders = await closedLoop(agent, n, CLIENTS, 201, (i) => post(`B-${tag}-${i}`, points[i % points.length]!));
    const c2 = cpuMs(oms.child.pid);
    const k2 = cpuMs(carriers.child.pid);
    const cpu = { floor: (c1 - c0) / n, order: (c2 - c1) / n, carriersPerOrder: (k2 - k1) / n };
    // The steady-traffic run starts on a server that has shipped the burst (steady state, not a backlog).
    await drain('the burst', 180_000);
    const steadyN = Math.round(n / 2);
    const steady = await openLoop(agent, steadyN, CLIENTS, OPEN_RATE, 201, (i) => post(`S-${tag}-${i}`, points[i % points.length]!));
    const after = await omsStatus(agent, base);
    const accepted = (orders.statuses.get(201) ?? 0) + (steady.statuses.get(201) ?? 0);
    const expectedInDb = before + accepted;
    const problems: string[] = [];
    if (accepted !== n + steadyN) problems.push(`${n + steadyN - accepted} of ${n + steadyN} answers were not 201 (${[...orders.statuses, ...steady.statuses].map(([s, c]) => `${s}: ${c}`).join(', ')}; e.g. ${orders.unexpected[0] ?? steady.unexpected[0] ?? ''})`);
    if (floor.unexpected.length) problems.push(`floor: ${floor.unexpected[0]}`);
    if (after.orders !== expectedInDb) problems.push(`database holds ${after.orders} orders, expected ${expectedInDb}`);
    log(`${label}: ${n} requests each; outbox right after the burst ${JSON.stringify(after.outbox)}; keep-alive resets retried: ${orders.retried + floor.retried}`);
    return { label, orders, steady, floor, cpu, inDb: after.orders - before, expectedInDb: accepted, valid: problems.length === 0, why: problems.join('; ') };
  } finally {
    agent.destroy();
    await oms?.stop();
    await carriers?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function reportEngine(report: Report, r: EngineResult, sqlite: EngineResult | undefined): void {
  const isSqlite = r.label === 'SQLite';
  const invalid = r.valid ? undefined : `INVALID: ${r.why}`;
  const lat = r.orders.latencies;
  const flat = r.floor.latencies;
  const p99 = percentile(lat, 99);
  const vsSqlite = (v: number | undefined, unit: string) => (v === undefined ? undefined : `SQLite in this run: ${v.toFixed(1)} ${unit}`);
  report.add({
    metric: `${r.label}: orders in the database after the load`,
    value: r.inDb, unit: 'orders',
    baseline: { label: '201 answers', value: r.expectedInDb, unit: 'orders' },
    budget: `all ${r.orders.requests + r.steady.requests} answers 201, each one order in the database`,
    ok: r.valid, note: invalid,
  });
  const sl = r.steady.latencies;
  const sp99 = percentile(sl, 99);
  report.add({
    metric: `${r.label}: POST /api/v1/orders at ${OPEN_RATE}/s offered by ${CLIENTS} clients (open loop), p99 / p50`,
    value: sp99, unit: 'ms',
    baseline: { label: 'p50', value: median(sl), unit: 'ms' },
    ...(isSqlite ? { budget: `<= ${P99_BUDGET_MS} ms p99 (our side only)`, ok: r.valid && sp99 <= P99_BUDGET_MS } : r.valid ? {} : { status: 'FAIL' as const }),
    note: invalid ?? `${r.steady.requests} orders; latency from each order's due time (queueing included); ${vsSqlite(sqlite ? percentile(sqlite.steady.latencies, 99) : undefined, 'ms') ?? ''}`,
  });
  report.add({
    metric: `${r.label}: POST /api/v1/orders, ${CLIENTS} clients flat out (closed loop), p99`,
    value: p99, unit: 'ms',
    baseline: { label: 'GET /api/v1/configs/demo p99', value: percentile(flat, 99), unit: 'ms', note: 'floor' },
    ratio: p99 / percentile(flat, 99), ratioMeaning: 'the floor',
    ...(r.valid ? {} : { status: 'FAIL' as const }),
    note: invalid ?? `saturation: 50 clients each sending the next order as soon as one is answered; ${vsSqlite(sqlite ? percentile(sqlite.orders.latencies, 99) : undefined, 'ms') ?? ''}`,
  });
  report.add({
    metric: `${r.label}: POST /api/v1/orders, ${CLIENTS} clients flat out (closed loop), p50`,
    value: median(lat), unit: 'ms',
    baseline: { label: 'GET /api/v1/configs/demo p50', value: median(flat), unit: 'ms', note: 'floor' },
    ratio: median(lat) / median(flat), ratioMeaning: 'the floor',
    ...(r.valid ? {} : { status: 'FAIL' as const }),
    note: invalid ?? vsSqlite(sqlite ? median(sqlite.orders.latencies) : undefined, 'ms'),
  });
  report.add({
    metric: `${r.label}: orders accepted per second, one process`,
    value: Math.round(r.orders.perSecond), unit: 'orders/s',
    baseline: { label: 'GET /api/v1/configs/demo', value: Math.round(r.floor.perSecond), unit: 'req/s', note: 'floor' },
    ratio: r.orders.perSecond / r.floor.perSecond, ratioMeaning: 'of the floor\'s rate',
    ...(isSqlite ? { budget: `>= ${RATE_BUDGET} /s`, ok: r.valid && r.orders.perSecond >= RATE_BUDGET } : r.valid ? {} : { status: 'FAIL' as const }),
    note: invalid ?? [`${r.orders.requests} orders in ${(r.orders.wallMs / 1000).toFixed(2)} s`, vsSqlite(sqlite?.orders.perSecond, 'orders/s')].filter(Boolean).join('; '),
  });
  if (Number.isFinite(r.cpu.order)) {
    report.add({
      metric: `${r.label}: order server CPU per order (user + system, during the burst)`,
      value: r.cpu.order, unit: 'ms',
      baseline: { label: 'per floor request', value: r.cpu.floor, unit: 'ms', note: 'floor' },
      ratio: r.cpu.order / r.cpu.floor, ratioMeaning: 'the floor',
      note: `less sensitive to other load on the machine than the wall-clock figures; the carriers' process meanwhile: ${r.cpu.carriersPerOrder.toFixed(2)} ms per order (the dispatcher's shipments)`,
    });
  }
}

/** A part that throws becomes one FAIL row; the other parts still run. */
async function part(report: Report, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    console.error(e);
    report.add({ metric: `${name}: failed`, value: NaN, unit: '', status: 'FAIL', note: e instanceof Error ? e.message.slice(0, 600) : String(e) });
  }
}

export const ordersSection: Section = {
  id: 'orders',
  title: '6. Orders: POST /api/v1/orders under load (SQLite, PostgreSQL), chaos, kill -9',
  async run(report, { quick }) {
    const n = quick ? 1000 : 4000;
    const points = pickPoints();
    report.note(`load: ${n} orders and ${n} floor requests per engine, ${CLIENTS} concurrent keep-alive clients on loopback; serve.ts (DATASET=small, fresh DATA_DIR) with carriers in a NO_OMS=1 process; ${points.length} points (${POINTS_PER_CARRIER} Russian Post, ${POINTS_PER_CARRIER} Nova Poshta), parcel constant, tariff cache warmed with one order per point`);
    const log = (s: string) => report.note(s);

    let sqlite: EngineResult | undefined;
    await part(report, 'load SQLite', async () => {
      sqlite = await loadEngine('SQLite', '', n, points, log);
      reportEngine(report, sqlite, undefined);
    });

    await part(report, 'load PostgreSQL', async () => {
      let held;
      try {
        held = await holdPostgres();
      } catch (e) {
        report.skip('PostgreSQL: POST /api/v1/orders load', `PostgreSQL could not be started: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      try {
        report.note(`PostgreSQL: ${held.version} (scripts/with-postgres.sh: fsync=off, throwaway cluster)`);
        const url = await held.freshDatabase(`bp_bench_orders_${process.pid}`);
        reportEngine(report, await loadEngine('PostgreSQL', url, n, points, log), sqlite);
      } finally {
        await held.stop();
      }
    });

    const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'SQLite';
    await part(report, 'chaos', async () => {
      const intents = quick ? 300 : 1000;
      const failures: string[] = [];
      const r = await runChaos({ intents, log: (l) => { if (failures.length < 3) failures.push(l); } });
      report.note(`chaos (${engine}): ${r.intents} intents, ${r.fulfilled} fulfilled, ${r.ordersInDb} orders in the database, ${r.carrierShipments} live carrier shipments, ${r.trackNumbersMatching} track numbers matching the carrier's, ${r.duplicateRequests} racing duplicate requests; dispatcher ${JSON.stringify(r.dispatcher)}${failures.length ? `; failed intents e.g. ${failures.join(' | ')}` : ''}`);
      const tag = `chaos, ${r.intents} intents, 30% faults at both hops`;
      report.add({ metric: `${tag}: duplicate carrier shipments`, value: r.duplicateShipments, unit: 'shipments', budget: '0', ok: r.duplicateShipments === 0 });
      report.add({ metric: `${tag}: lost intents`, value: r.lost, unit: 'intents', budget: '0', ok: r.lost === 0 });
      report.add({ metric: `${tag}: orders without a carrier shipment`, value: r.ordersWithoutShipment, unit: 'orders', budget: '0', ok: r.ordersWithoutShipment === 0 });
      // A chaos run in which no fault happened proves nothing.
      report.add({ metric: 'chaos: faults applied, client -> order API', value: r.faultsApplied.clientHop, unit: 'responses', budget: '> 0 (the chaos happened)', ok: r.faultsApplied.clientHop > 0 });
      report.add({ metric: 'chaos: faults applied, order API -> carrier', value: r.faultsApplied.carrierHop, unit: 'responses', budget: '> 0 (the chaos happened)', ok: r.faultsApplied.carrierHop > 0 });
      report.add({ metric: 'chaos: dispatcher reconciliations', value: r.dispatcher.reconciled, unit: '', note: `sent ${r.dispatcher.sent}, unknown outcomes ${r.dispatcher.unknown}, rejected ${r.dispatcher.rejected}` });
      report.add({ metric: 'chaos: time', value: r.ms, unit: 'ms' });
    });

    await part(report, 'kill -9', async () => {
      const orders = quick ? 60 : 200;
      const kills = 5;
      const r = await runKillTest({ orders, kills });
      report.note(`kill -9 (${engine}): ${r.orders} orders sent by 8 clients, ${r.kills} kills, ${r.clientRetries} client retries, ${r.carrierShipments} live carrier shipments, ${r.registered} registered with a track number`);
      const tag = `kill -9 x${r.kills} mid-burst`;
      report.add({ metric: `${tag}: acknowledged orders`, value: r.acknowledged, unit: 'orders', baseline: { label: 'orders sent', value: r.orders, unit: 'orders' }, budget: `${kills} kills, every order acknowledged`, ok: r.kills === kills && r.acknowledged === r.orders });
      report.add({ metric: `${tag}: acknowledged orders lost`, value: r.lostAcknowledged, unit: 'orders', budget: '0', ok: r.lostAcknowledged === 0 });
      report.add({ metric: `${tag}: duplicate carrier shipments`, value: r.duplicateShipments, unit: 'shipments', budget: '0', ok: r.duplicateShipments === 0 });
      report.add({ metric: `${tag}: acknowledged without a carrier shipment`, value: r.acknowledgedWithoutShipment, unit: 'orders', budget: '0', ok: r.acknowledgedWithoutShipment === 0 });
      report.add({ metric: 'kill -9: time', value: r.ms, unit: 'ms' });
    });
  },
};

// Kill -9 the order server at random moments of a burst, restart it on the same database, and check from the
// carrier's side that every acknowledged order is still there and reached its carrier exactly once.
// The carriers run in their own process (they are not killed), as they would in reality.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreatedOrder } from '../../../../widget/src/model/order.js';
import { generateDataset } from '../../dataset/index.js';
import { freshPostgres } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SERVE = join(ROOT, 'api-mock/src/oms/serve.ts');

export interface KillOptions {
  orders: number;
  kills: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface KillReport {
  orders: number;
  acknowledged: number;
  kills: number;
  /** Acknowledged orders the restarted server could not find. */
  lostAcknowledged: number;
  carrierShipments: number;
  duplicateShipments: number;
  acknowledgedWithoutShipment: number;
  registered: number;
  clientRetries: number;
  ms: number;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.on('error', fail);
  });
}

function startServe(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVE], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s: ${err.slice(-500)}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/listening/.test(out)) fail(new Error(`server exited with ${code}: ${err.slice(-800)}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runKillTest(o: KillOptions): Promise<KillReport> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'bp-kill-'));
  const pgdb = await freshPostgres();
  const carriers = await startServe({ NO_OMS: '1', DATA_DIR: join(dir, 'carrier'), PORT: '0' });
  const port = await freePort();
  const omsEnv: Record<string, string> = {
    PORT: String(port), DATA_DIR: join(dir, 'oms'), CARRIER_BASE_URL: carriers.url,
    OMS_LEASE_MS: '3000', OMS_RETRY_BASE_MS: '50', OMS_RETRY_CAP_MS: '500', CONNECTOR_TIMEOUT_MS: '1500',
    ...(pgdb ? { DATABASE_URL: pgdb.url } : {}),
  };
  let oms = await startServe(omsEnv);
  const base = oms.url;
  const dataset = generateDataset({ size: 'small' });
  const points = dataset.branches.filter((b) => b.status === 'open' && b.type === 'post_office' && (b.carrier === 'russian-post' || b.carrier === 'nova-poshta')
    && (b.limits.maxWeightG ?? Infinity) >= 2000).slice(0, 30);
  const acked = new Map<string, CreatedOrder>();
  let retries = 0;
  let kills = 0;
  let stopping = false;
  try {
    // The killer: random moments while the burst runs.
    const killer = (async () => {
      while (kills < o.kills && !stopping) {
        await sleep(300 + Math.random() * 900);
        if (stopping) break;
        oms.child.kill('SIGKILL');
        await new Promise((r) => oms.child.once('exit', r));
        kills++;
        o.log?.(`kill -9 #${kills}`);
        oms = await startServe(omsEnv);
      }
    })();
    let next = 0;
    const worker = async () => {
      // At least `orders`, and on until every kill has happened: the kills land in the middle of a burst.
      while (next < o.orders || kills < o.kills) {
        const i = next++;
        const point = points[i % points.length]!;
        const ua = point.address.country === 'UA';
        const key = crypto.randomUUID();
        const body = JSON.stringify({
          orderNumber: `K-${i}`, configId: 'demo', pointId: point.id, carrier: point.carrier,
          parcel: { weightG: 1000, dimensionsCm: { length: 20, width: 15, height: 10 } },
          recipient: { givenName: 'Тест', surname: 'Тестов', phone: ua ? '+380671234567' : '+79123456789' },
        });
        // A client that keeps its key until it gets an answer (the order client's policy, unbounded here).
        for (;;) {
          try {
            const res = await fetch(`${base}/api/v1/orders`, {
              method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `"${key}"` }, body, signal: AbortSignal.timeout(5_000),
            });
            if (res.status === 201) {
              const order = CreatedOrder.parse(await res.json());
              acked.set(order.id, order);
              break;
            }
            const text = await res.text();
            if (res.status < 500 && res.status !== 409) throw new Error(`order K-${i}: ${res.status} ${text}`);
          } catch (e) {
            if (e instanceof Error && e.message.startsWith('order K-')) throw e;
          }
          retries++;
          await sleep(50 + Math.random() * 200);
        }
        await sleep(10);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 8 }, worker));
    while (kills < o.kills) await sleep(100);
    stopping = true;
    await killer;

    // The last server drains its outbox.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const stats = await (await fetch(`${base}/__sandbox/oms`)).json() as { outbox: Record<string, number> };
      if (!stats.outbox.pending && !stats.outbox.in_flight) break;
      if (Date.now() > deadline) throw new Error(`outbox did not drain: ${JSON.stringify(stats)}`);
      await sleep(100);
    }
    let lost = 0;
    let registered = 0;
    for (const order of acked.values()) {
      const res = await fetch(`${base}/api/v1/orders/${order.id}`, { headers: { authorization: `Bearer ${order.token}` } });
      if (res.status !== 200) {
        lost++;
        continue;
      }
      const view = await res.json() as { status: string; trackNumber?: string };
      if (view.status === 'registered' && view.trackNumber) registered++;
    }
    const rp = await (await fetch(`${carriers.url}/__sandbox/russian-post/shipments`)).json() as { items: Array<{ orderNum: string; deleted: boolean }> };
    const np = await (await fetch(`${carriers.url}/__sandbox/nova-poshta/shipments`)).json() as { items: Array<{ clientBarcode: string; deleted: boolean }> };
    const count = new Map<string, number>();
    for (const id of [...rp.items.filter((s) => !s.deleted).map((s) => s.orderNum), ...np.items.filter((s) => !s.deleted).map((s) => s.clientBarcode)]) {
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    const shipments = [...count.values()].reduce((a, n) => a + n, 0);
    return {
      orders: next,
      acknowledged: acked.size,
      kills,
      lostAcknowledged: lost,
      carrierShipments: shipments,
      duplicateShipments: shipments - count.size,
      acknowledgedWithoutShipment: [...acked.keys()].filter((id) => !count.has(id)).length,
      registered,
      clientRetries: retries,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    stopping = true;
    oms.child.kill('SIGKILL');
    carriers.child.kill('SIGKILL');
    await pgdb?.drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

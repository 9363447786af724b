// What the orders section needs around the order system: the lean order server (api-mock/src/oms/serve.ts)
// as a child process, a throwaway PostgreSQL cluster held open for the section (scripts/with-postgres.sh), and a
// keep-alive HTTP client that runs a closed-loop load (N requests, C clients each sending its next request as
// soon as the previous one answered) and times every request.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from './bench-server.js';

const SERVE = join(REPO_ROOT, 'api-mock/src/oms/serve.ts');
const WITH_POSTGRES = join(REPO_ROOT, 'scripts/with-postgres.sh');

export interface ServeChild {
  url: string;
  child: ChildProcess;
  /** The last lines the process wrote to stderr (its [oms] log), for error messages. */
  stderrTail(): string;
  stop(): Promise<void>;
}

/** `node --import tsx api-mock/src/oms/serve.ts` with `env` on top of ours; resolves once it prints "listening <url>". */
export function startServe(env: Record<string, string>, timeoutMs = 60_000): Promise<ServeChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const tail = () => err.split('\n').slice(-15).join('\n');
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.length > 100_000) err = err.slice(-20_000);
  });
  const stop = () => new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve.ts did not start in ${timeoutMs / 1000} s: ${tail()}`));
    }, timeoutMs);
    const early = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`serve.ts exited (${code ?? signal}) before listening: ${tail()}`));
    };
    child.once('exit', early);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m && out.length < 1e6) {
        clearTimeout(timer);
        child.off('exit', early);
        out = '';
        resolve({ url: m[1]!, child, stderrTail: tail, stop });
      }
    });
  });
}

/** CPU time (user + system) a process has used so far, ms; NaN where /proc is missing. Assumes CLK_TCK = 100. */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface HeldPostgres {
  /** Admin URL of the cluster (its `postgres` database). */
  adminUrl: string;
  version: string;
  /** A new, empty database on the cluster. */
  freshDatabase(name: string): Promise<string>;
  /** Stop and remove the cluster (a no-op when TEST_DATABASE_URL came from outside). */
  stop(): Promise<void>;
}

/**
 * PostgreSQL for the section: the caller's TEST_DATABASE_URL when the bench already runs under
 * scripts/with-postgres.sh, otherwise a throwaway cluster started by that script and held open until stop()
 * (the script's command waits for its stdin to close; if this process dies, the pipe closes and the script
 * removes the cluster). Rejects with the script's own words when PostgreSQL cannot be started.
 */
export async function holdPostgres(timeoutMs = 180_000): Promise<HeldPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return withAdmin(given, 'from TEST_DATABASE_URL', async () => undefined);
  const child = spawn('sh', [WITH_POSTGRES, 'sh', '-c', 'echo "BENCH_PG_URL $TEST_DATABASE_URL"; exec cat >/dev/null'], {
    cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    child.stdin.end();
    const force = setTimeout(() => child.kill('SIGTERM'), 30_000);
    await exited;
    clearTimeout(force);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`with-postgres.sh gave no URL in ${timeoutMs / 1000} s: ${err.trim().slice(-400)}`));
    }, timeoutMs);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`scripts/with-postgres.sh exited with ${code}: ${(err.trim() || out.trim()).slice(-400)}`));
    };
    child.once('exit', early);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /BENCH_PG_URL (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.off('exit', early);
        resolve(m[1]!);
      }
    });
  });
  const version = /with-postgres: (.+) on /.exec(out)?.[1] ?? 'PostgreSQL';
  return withAdmin(url, version, stop);
}

async function withAdmin(adminUrl: string, version: string, stop: () => Promise<void>): Promise<HeldPostgres> {
  return {
    adminUrl,
    version,
    async freshDatabase(name) {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop,
  };
}

export interface Answer {
  status: number;
  ms: number;
  body: string;
}

/** One request over `agent`; a keep-alive socket the server closed under us is retried once (same request, same key). */
export async function send(agent: Agent, url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer & { retried: boolean }> {
  try {
    return { ...(await sendOnce(agent, url, opts)), retried: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') throw e;
    return { ...(await sendOnce(agent, url, opts)), retried: true };
  }
}

function sendOnce(agent: Agent, url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
    const req = request(url, { agent, method: opts.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface LoadResult {
  requests: number;
  wallMs: number;
  perSecond: number;
  latencies: number[];
  /** status -> count */
  statuses: Map<number, number>;
  /** A few answers that were not the expected status. */
  unexpected: string[];
  retried: number;
}

type Make = (i: number) => { url: string; method?: string; headers?: Record<string, string>; body?: string };

/** Counts answers and keeps the latency of the expected ones. */
function tally(expect: number) {
  const t = { latencies: [] as number[], statuses: new Map<number, number>(), unexpected: [] as string[], retried: 0 };
  const send1 = async (agent: Agent, r: ReturnType<Make>): Promise<Answer & { retried: boolean }> => {
    try {
      return await send(agent, r.url, r);
    } catch (e) {
      return { status: 0, ms: NaN, body: e instanceof Error ? e.message : String(e), retried: false };
    }
  };
  const record = (a: Answer & { retried: boolean }, ms: number) => {
    if (a.retried) t.retried++;
    t.statuses.set(a.status, (t.statuses.get(a.status) ?? 0) + 1);
    if (a.status !== expect) {
      if (t.unexpected.length < 3) t.unexpected.push(`${a.status} ${a.body.slice(0, 200)}`);
    } else t.latencies.push(ms);
  };
  const result = (n: number, wallMs: number): LoadResult => ({
    requests: n, wallMs, perSecond: (t.statuses.get(expect) ?? 0) / (wallMs / 1000),
    latencies: t.latencies, statuses: t.statuses, unexpected: t.unexpected, retried: t.retried,
  });
  return { send: send1, record, result };
}

/** `n` requests from `clients` concurrent clients; `make(i)` builds request i. */
export async function closedLoop(agent: Agent, n: number, clients: number, expect: number, make: Make): Promise<LoadResult> {
  const t = tally(expect);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const a = await t.send(agent, make(next++));
      t.record(a, a.ms);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  return t.result(n, performance.now() - t0);
}

/**
 * Open loop: `n` requests offered at `rate` per second over at most `clients` connections, each latency measured
 * from the moment the request was due (a request queued behind busy clients counts its wait: no coordinated
 * omission). This is the latency a checkout sees at a given traffic, where the closed loop measures saturation.
 */
export async function openLoop(agent: Agent, n: number, clients: number, rate: number, expect: number, make: Make): Promise<LoadResult> {
  const t = tally(expect);
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const t0 = performance.now();
  const all: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= clients) await new Promise<void>((r) => waiters.push(r));
    inFlight++;
    const r = make(i);
    all.push((async () => {
      const a = await t.send(agent, r);
      inFlight--;
      waiters.shift()?.();
      t.record(a, performance.now() - due);
    })());
  }
  await Promise.all(all);
  return t.result(n, performance.now() - t0);
}

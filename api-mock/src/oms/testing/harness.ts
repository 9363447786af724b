// A real sandbox server with the order system in front, on a fresh database: SQLite in a temp dir, or a fresh
// PostgreSQL database when TEST_DATABASE_URL points at a server (.ci/run starts a throwaway cluster).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSandboxContext, type SandboxContext, type SandboxDataset } from '../../context.js';
import { createSandboxServer, type SandboxServer } from '../../server.js';
import { FIXTURE_DATASET } from '../../test-support/fixture.js';
import type { Connector } from '../connectors/types.js';
import { createOms, type Oms, type OmsOptions } from '../index.js';

export interface Harness {
  base: string;
  ctx: SandboxContext;
  oms: Oms;
  server: SandboxServer;
  connectors: Map<string, Connector>;
  databaseUrl: string | undefined;
  dataDir: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  dataset?: SandboxDataset;
  now?: () => Date;
  /** Built once the server listens (connectors need its URL). */
  connectors?: (base: string) => Iterable<[string, Connector]>;
  oms?: Partial<Pick<OmsOptions, 'dispatcher' | 'tracker' | 'requoter'>>;
  /** Start the dispatcher and tracker loops (default false: tests drive `tick()`). */
  start?: boolean;
  /** Reuse a database (restart tests); default a fresh one. */
  dataDir?: string;
  databaseUrl?: string;
}

/** A fresh PostgreSQL database next to TEST_DATABASE_URL's, or undefined for SQLite. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return undefined;
  const name = `bp_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ctx = createSandboxContext({ dataset: options.dataset ?? FIXTURE_DATASET, ...(options.now ? { now: options.now } : {}) });
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bp-oms-'));
  const pgdb = options.databaseUrl === undefined && options.dataDir === undefined ? await freshPostgres() : undefined;
  const databaseUrl = options.databaseUrl ?? pgdb?.url;
  let base = '';
  const connectors = new Map<string, Connector>();
  const oms = await createOms({
    ctx, dataDir, databaseUrl, connectors, tariffBase: () => base,
    ...(options.now ? { now: options.now } : {}),
    ...options.oms,
  });
  const server = createSandboxServer({ context: ctx, serverRoutes: oms.handlers });
  base = await server.listen();
  for (const [id, c] of options.connectors?.(base) ?? []) connectors.set(id, c);
  if (options.start) oms.start();
  return {
    base, ctx, oms, server, connectors, databaseUrl, dataDir,
    async close() {
      await server.close();
      await oms.close();
      await pgdb?.drop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

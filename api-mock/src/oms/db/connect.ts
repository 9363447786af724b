// One Kysely instance over SQLite (better-sqlite3, the embedded default) or PostgreSQL (DATABASE_URL=postgres://…).
// Everything above this module is engine-neutral; the few differences (error codes) are answered here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: Engine;
  /** Where it lives, for logs: a file path or the URL without its password. */
  readonly location: string;
  /** True when an error is a unique-constraint violation (SQLite SQLITE_CONSTRAINT_*, PostgreSQL 23505). */
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Default ".data"; the file is `orders.sqlite`. ":memory:" keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

export async function openDb(options: DbOptions = {}): Promise<Db> {
  const url = options.databaseUrl?.trim();
  const db = url && /^postgres(ql)?:\/\//.test(url) ? openPostgres(url, options.poolSize ?? 10) : openSqlite(options.dataDir ?? '.data');
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.close();
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}

function openSqlite(dataDir: string): Db {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'orders.sqlite');
  if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const database = new BetterSqlite3(file);
  // WAL lets readers run beside the writer; FULL syncs every commit, so an acknowledged order survives power loss.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return {
    kysely,
    engine: 'sqlite',
    location: file,
    isUniqueViolation: (e) => typeof e === 'object' && e !== null && 'code' in e
      && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String((e as { code: unknown }).code)),
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely prepares every query anew; our statements are few and repeat, and preparing costs more than running them.
 * Safe to share: the driver runs one statement at a time on this one connection and never keeps an iterator open.
 */
function withStatementCache(database: BetterSqlite3.Database, max = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = database.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

function openPostgres(url: string, max: number): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // bigint columns hold epoch milliseconds: well inside Number's exact range.
    types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    engine: 'postgres',
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    isUniqueViolation: (e) => typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505',
    close: () => kysely.destroy(),
  };
}

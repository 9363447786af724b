// The order management system behind our one window: database, order API, outbox dispatcher, tracker.
// Node only (it owns a database); the sandbox's browser worker runs without it.
import type { RequestHandler } from 'msw';
import type { SandboxContext } from '../context.js';
import type { Connector } from './connectors/types.js';
import { openDb, type DbOptions } from './db/connect.js';
import { Dispatcher, type DispatcherOptions } from './dispatcher.js';
import { omsHandlers } from './http.js';
import { Orders } from './orders.js';
import { createRequoter, type Requoter } from './requote.js';
import { hashSecret } from './secrets.js';
import { OmsStore } from './store.js';
import { Tracker, type TrackerOptions } from './tracker.js';
import { DEMO_CONFIG_ID } from '../context.js';

/** The sandbox demo's widget and its well-known owner key (a sandbox is public; set DEMO_OWNER_KEY to change it). */
export const DEMO_OWNER_KEY = 'demo-owner-key';

export interface OmsOptions extends DbOptions {
  ctx: SandboxContext;
  /** Carrier connectors by carrier id. */
  connectors: ReadonlyMap<string, Connector>;
  /** Where the tariff APIs are for re-pricing (the sandbox's own URL once it listens). */
  tariffBase: () => string;
  requoter?: Requoter;
  now?: () => Date;
  dispatcher?: Partial<Pick<DispatcherOptions, 'leaseMs' | 'retryBaseMs' | 'retryCapMs' | 'idleMs' | 'random' | 'concurrency' | 'batch'>>;
  tracker?: Partial<Pick<TrackerOptions, 'intervalMs' | 'staleMs' | 'refreshWaitMs'>>;
  demoOwnerKey?: string;
  log?: (message: string) => void;
}

export interface Oms {
  readonly store: OmsStore;
  readonly orders: Orders;
  readonly dispatcher: Dispatcher;
  readonly tracker: Tracker;
  readonly handlers: RequestHandler[];
  readonly engine: 'sqlite' | 'postgres';
  readonly location: string;
  /** Start the dispatcher and the tracker. */
  start(): void;
  close(): Promise<void>;
}

export async function createOms(o: OmsOptions): Promise<Oms> {
  const db = await openDb(o);
  const store = new OmsStore(db);
  const now = o.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const pointOf = (id: string) => o.ctx.byId.get(id);
  const demo = o.ctx.configs.get(DEMO_CONFIG_ID);
  if (demo) {
    const hash = hashSecret(o.demoOwnerKey ?? DEMO_OWNER_KEY);
    // A key given now replaces the one the database was created with: the printed key is the one that works.
    if (!(await store.insertConfig(DEMO_CONFIG_ID, JSON.stringify(demo), hash, now().toISOString())) && o.demoOwnerKey) await store.setOwnerKey(DEMO_CONFIG_ID, hash);
  }
  const dispatcher = new Dispatcher({ store, connectors: o.connectors, pointOf, now: nowMs, firstCheckMs: o.tracker?.intervalMs ?? 60_000, ...o.dispatcher, ...(o.log ? { log: o.log } : {}) });
  const tracker = new Tracker({ store, connectors: o.connectors, pointOf, now: nowMs, ...o.tracker, ...(o.log ? { log: o.log } : {}) });
  const requoter = o.requoter ?? createRequoter({ apiBase: o.tariffBase, now });
  const orders = new Orders({ ctx: o.ctx, store, requoter, now, onCreated: () => dispatcher.poke() });
  let purgeTimer: ReturnType<typeof setInterval> | undefined;
  const purge = () => store.purgeExpiredKeys(nowMs()).catch((e: unknown) => o.log?.(`purge: ${e instanceof Error ? e.message : String(e)}`));
  const handlers = omsHandlers({ store, orders, dispatcher, tracker, now, ctx: o.ctx });
  return {
    store, orders, dispatcher, tracker, handlers, engine: db.engine, location: db.location,
    start() {
      dispatcher.start();
      tracker.start();
      // Answers (and the order tokens in them) are kept for the published 24 h, not forever.
      void purge();
      purgeTimer = setInterval(() => void purge(), 10 * 60_000);
      purgeTimer.unref();
    },
    async close() {
      clearInterval(purgeTimer);
      tracker.stop();
      await dispatcher.stop();
      await db.close();
    },
  };
}

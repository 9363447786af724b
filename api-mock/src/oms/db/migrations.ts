// Migrations live in the repo and run at start-up (Kysely's Migrator takes a lock, so replicas may race).
// Plain types only (text, integer, bigint): the same files run on SQLite and PostgreSQL 15.
import { type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '2026-12-02-001-orders': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('configs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('config_json', 'text', (c) => c.notNull())
        .addColumn('owner_key_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('config_id', 'text', (c) => c.notNull())
        .addColumn('order_number', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('carrier', 'text', (c) => c.notNull())
        .addColumn('point_id', 'text', (c) => c.notNull())
        .addColumn('point_name', 'text', (c) => c.notNull())
        .addColumn('point_address', 'text', (c) => c.notNull())
        .addColumn('input_json', 'text', (c) => c.notNull())
        .addColumn('quote_json', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('carrier_ref', 'text')
        .addColumn('track_number', 'text')
        .addColumn('error', 'text')
        .addColumn('eta', 'text')
        .addColumn('storage_until', 'text')
        .addColumn('checked_at', 'text')
        .addColumn('next_check_at', 'bigint')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_ms', 'bigint', (c) => c.notNull())
        // A shop order number is unique per widget: the second order with it is refused, not duplicated.
        .addUniqueConstraint('orders_number_per_config', ['config_id', 'order_number'])
        .execute();
      await db.schema.createIndex('orders_by_config').on('orders').columns(['config_id', 'created_ms', 'id']).execute();
      await db.schema.createIndex('orders_to_track').on('orders').columns(['next_check_at']).execute();
      await db.schema.createIndex('orders_by_track').on('orders').columns(['track_number']).execute();

      await db.schema.createTable('idempotency')
        .addColumn('config_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('order_id', 'text')
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_pk', ['config_id', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_expiry').on('idempotency').column('expires_at').execute();

      await db.schema.createTable('outbox')
        // "<order id>/<kind>": at most one send (and one cancel) per order, whatever happens.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute();

      await db.schema.createTable('tracking_events')
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .addColumn('carrier_code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('time_zone', 'text')
        .addPrimaryKeyConstraint('tracking_events_pk', ['order_id', 'at', 'carrier_code'])
        .execute();
    },
  },
  '2026-12-02-002-outbox-leases': {
    // Claims look for pending entries by due time AND in-flight entries by lease: both must be index lookups, or
    // every dispatcher round scans the whole outbox (quadratic in the number of orders).
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('outbox_leases').on('outbox').columns(['state', 'lease_until']).execute();
    },
  },
  '2026-12-02-003-lookup-attempts': {
    // Tracking lookups by track number + phone, counted per track number in the database, so every replica
    // sees the same count (it was a map in each process, and N replicas allowed N times the guesses).
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('lookup_attempts')
        .addColumn('track_key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

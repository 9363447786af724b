// Table types for Kysely. Times the database compares (leases, retries, expiry) are epoch milliseconds
// (bigint); times shown to people are ISO strings. JSON documents are stored as text in both engines.
export interface ConfigsTable {
  id: string;
  config_json: string;
  /** sha256 of the owner key, hex; the key itself is shown once and never stored. */
  owner_key_hash: string;
  created_at: string;
  updated_at: string;
}

export interface OrdersTable {
  id: string;
  config_id: string;
  order_number: string;
  status: string;
  carrier: string;
  point_id: string;
  point_name: string;
  point_address: string;
  /** The accepted OrderInput (parcel, recipient, origin, comment) and the server's quote. */
  input_json: string;
  quote_json: string;
  token_hash: string;
  carrier_ref: string | null;
  track_number: string | null;
  error: string | null;
  eta: string | null;
  storage_until: string | null;
  checked_at: string | null;
  /** When the tracker should ask the carrier again (ms). */
  next_check_at: number | null;
  created_at: string;
  updated_at: string;
  /** created_at in ms, for cursors and date filters. */
  created_ms: number;
}

export interface IdempotencyTable {
  config_id: string;
  key: string;
  fingerprint: string;
  /** 'in_flight' until the first request's answer is stored, then 'done'. */
  state: string;
  response_status: number | null;
  response_body: string | null;
  order_id: string | null;
  /** A claim whose lease ran out belongs to a request that died (kill -9): the next retry takes it over. */
  lease_until: number;
  expires_at: number;
  created_at: string;
}

export interface OutboxTable {
  /** "<order id>/<kind>": one send per order, enforced by the primary key. */
  id: string;
  order_id: string;
  kind: string;
  /** pending -> in_flight -> done | failed | cancelled */
  state: string;
  /** Incremented by every claim: a fencing token, and "an earlier attempt may have reached the carrier" when > 1. */
  attempts: number;
  next_attempt_at: number;
  lease_until: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrackingEventsTable {
  order_id: string;
  /** ISO with the offset of the place (what people read) and epoch ms (what sorts). */
  at: string;
  at_ms: number;
  carrier_code: string;
  status: string;
  description: string;
  place: string | null;
  time_zone: string | null;
}

export interface LookupAttemptsTable {
  /** The track number, upper case. */
  track_key: string;
  /** Start of the current window (ms); a window that ran out starts again at the next attempt. */
  window_start: number;
  /** Attempts in the window; a lookup that matched gives its attempt back. */
  attempts: number;
}

export interface Database {
  configs: ConfigsTable;
  orders: OrdersTable;
  idempotency: IdempotencyTable;
  outbox: OutboxTable;
  tracking_events: TrackingEventsTable;
  lookup_attempts: LookupAttemptsTable;
}

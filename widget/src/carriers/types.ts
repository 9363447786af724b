// The carrier adapter contract: everything carrier-specific lives behind it, so the scheduler,
// the list and the map stay carrier-neutral. Adding a carrier = one module implementing this + its tests.
import type { z } from '../model/zod.js';
import type { Branch, CarrierId, Origin, Parcel, Quote, RawAnswer } from '../model/index.js';

/** Lives in the model (core/'s quote cache keeps raw answers too); part of the adapter contract, so re-exported. */
export type { RawAnswer };

/** One HTTP call an adapter wants made. The scheduler adds the AbortSignal. */
export interface CarrierRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export const CARRIER_ERROR_KINDS = [
  /** The carrier answered with its own error payload (unknown index, weight over limit...). */
  'rejected',
  /** The answer did not match the carrier's documented format. */
  'bad_response',
  /** This point cannot be quoted by this adapter (missing postcode / city ref, no origin). */
  'unsupported',
  /** Non-2xx status without a recognisable error payload. */
  'http',
  'network',
  /** The carrier exceeded its time budget. */
  'timeout',
] as const;
export type CarrierErrorKind = (typeof CARRIER_ERROR_KINDS)[number];

/** A typed failure; `message` is the carrier's text (untrusted: render as text only). */
export interface CarrierError {
  kind: CarrierErrorKind;
  carrier: CarrierId;
  /** The carrier's own error code(s), as strings ("1201", "20000900746"). */
  codes: string[];
  message: string;
  /** Worth retrying later (network, timeout, 5xx) as opposed to a definite answer. */
  retryable: boolean;
}

export function carrierError(
  carrier: CarrierId, kind: CarrierErrorKind, message: string, codes: string[] = [], retryable = kind === 'network' || kind === 'timeout',
): CarrierError {
  return { kind, carrier, codes, message, retryable };
}

export function isCarrierError(v: unknown): v is CarrierError {
  return typeof v === 'object' && v !== null && 'kind' in v && 'carrier' in v && 'retryable' in v;
}

export interface QuoteContext {
  branch: Branch;
  parcel: Parcel;
  origin: Origin;
  /** When the answer was received; the quote expires `quoteTtlMs` later. */
  fetchedAt: Date;
}

/** Optional knowledge a caller can give `toBranch`, which carrier payloads lack. */
export interface ToBranchOptions {
  /** IANA time zone of a coordinate; default: the carrier's home zone. */
  timeZoneOf?: (lat: number, lng: number) => string;
}

export interface CarrierAdapter {
  readonly id: CarrierId;
  /** Human label of the carrier (brand names are not translated). */
  readonly label: string;
  /** zod schemas of the carrier's wire formats, for validation at the boundary. */
  readonly schemas: {
    readonly branch: z.ZodMiniType;
    readonly quote: z.ZodMiniType;
    readonly error: z.ZodMiniType;
  };
  /** How long a quote stays valid after it was fetched. */
  readonly quoteTtlMs: number;
  /** A carrier point in its own format -> our Branch (or a typed error when the payload is malformed). */
  toBranch(raw: unknown, options?: ToBranchOptions): Branch | CarrierError;
  /**
   * Points with equal keys get the same answer, so one request serves them all
   * (Nova Poshta prices by city, Russian Post by postcode). Includes the parcel and origin.
   */
  dedupeKey(branch: Branch, parcel: Parcel, origin: Origin): string;
  /** The calls needed to quote this point (several run in parallel, e.g. price + date). */
  quoteRequest(parcel: Parcel, origin: Origin, branch: Branch): CarrierRequest[] | CarrierError;
  /** The answers to `quoteRequest`'s calls, in the same order -> a Quote for ctx.branch. */
  toQuote(raw: readonly RawAnswer[], ctx: QuoteContext): Quote | CarrierError;
  /**
   * Optional lookup for points from a carrier-neutral feed that lack the refs a tariff call needs
   * (Nova Poshta CityRef): one call, or undefined when the point already has them.
   */
  refsRequest?(branch: Branch): CarrierRequest | undefined;
  /** Completes the branch from the lookup's answer (only what is shared by every point of the dedupe key). */
  withRefs?(branch: Branch, answer: RawAnswer): Branch | CarrierError;
  /**
   * Optional lookup completing the shop's origin with what this carrier's tariff needs
   * (Nova Poshta CityRef from a city name); undefined when the origin already has it.
   */
  originRequest?(origin: Origin): CarrierRequest | undefined;
  withOrigin?(origin: Origin, answer: RawAnswer): Origin | CarrierError;
}

/** Where adapters send their requests. */
export interface AdapterOptions {
  /** Base of the sandbox / proxy, e.g. "" (same origin) or "https://api.example.com". No trailing slash. */
  apiBase?: string;
  quoteTtlMs?: number;
}

/** 30 minutes: one constant with the sandbox's quote endpoint (core/quote-lifetime.ts). */
export { QUOTE_TTL_MS as DEFAULT_QUOTE_TTL_MS } from '../core/quote-lifetime.js';

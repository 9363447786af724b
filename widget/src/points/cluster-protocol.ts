// What the main thread and the cluster worker say to each other, and the compact table the
// points travel in. Types and one small function only: the main bundle imports this file.
import type { PointsQuery, PointsResult, TileResult } from '../api/client.js';
import type { ErrorCode } from '../model/error-code.js';
import type { Branch, SearchSuggestion } from '../model/index.js';

/**
 * The point summaries, dictionary-encoded in columns: one structured clone of a few typed
 * arrays and one string array instead of 30k objects (the clone runs on the main thread).
 */
export interface PointTable {
  ids: string[];
  /** lng, lat pairs. */
  coords: Float64Array;
  carrier: Uint8Array;
  type: Uint8Array;
  status: Uint8Array;
  dict: { carrier: string[]; type: string[]; status: string[] };
}

export interface ClusterFilter {
  types?: readonly string[] | undefined;
  carriers?: readonly string[] | undefined;
}

/** Requests the main thread sends to the list feed's worker (one worker per list). */
export type ClusterRequest =
  | { op: 'open'; apiBase: string; apiKey: string | undefined }
  | { op: 'tile'; z: number; x: number; y: number; filter: ClusterFilter }
  | { op: 'points'; query: PointsQuery; now: number }
  | { op: 'point'; id: string }
  | { op: 'search'; q: string; near: { lat: number; lng: number } | undefined }
  | { op: 'stats' };

/** The value each request answers with. */
export interface ClusterValues {
  open: true;
  tile: TileResult;
  points: PointsResult;
  point: Branch;
  search: SearchSuggestion[];
  stats: WholeListStats;
}

export type ClusterAnswer =
  | { ok: true; value: ClusterValues[keyof ClusterValues]; ms: number }
  | { ok: false; code: ErrorCode; message: string; status?: number | undefined; abort?: boolean };

/** Timings and counts of the worker's load, for benchmarks and diagnostics. */
export interface WholeListStats {
  pages: number;
  received: number;
  rejected: number;
  /** From the open request: all pages fetched and validated. */
  loadedMs: number;
  /** From the open request: the cluster index of the whole list built. */
  indexedMs: number;
  /** From the open request: the first (partial) cluster index built, what the map shows first. */
  firstMs: number;
}

/** What travels over postMessage: a request tagged with its sequence number, and its answer. */
export interface ClusterEnvelope { seq: number; req: ClusterRequest }
/** seq 0, no answer: the list grew (more pages indexed), earlier answers are out of date. */
export type ClusterReply = { seq: number; answer: ClusterAnswer } | { seq: 0; answer?: undefined };

/** Build a PointTable from summaries (main thread, once per load). */
export function toTable(points: ReadonlyArray<{ id: string; carrier: string; type: string; status: string; lat: number; lng: number }>): PointTable {
  const n = points.length;
  const table: PointTable = {
    ids: new Array<string>(n),
    coords: new Float64Array(n * 2),
    carrier: new Uint8Array(n),
    type: new Uint8Array(n),
    status: new Uint8Array(n),
    dict: { carrier: [], type: [], status: [] },
  };
  const code = (dict: string[], v: string): number => {
    let c = dict.indexOf(v);
    if (c < 0) {
      if (dict.length >= 255) throw new Error('too many distinct values for a one-byte code');
      c = dict.push(v) - 1;
    }
    return c;
  };
  points.forEach((p, i) => {
    table.ids[i] = p.id;
    table.coords[2 * i] = p.lng;
    table.coords[2 * i + 1] = p.lat;
    table.carrier[i] = code(table.dict.carrier, p.carrier);
    table.type[i] = code(table.dict.type, p.type);
    table.status[i] = code(table.dict.status, p.status);
  });
  return table;
}

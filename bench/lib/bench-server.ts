// The bench's HTTP server: the real sandbox (createSandboxServer, same handlers as the app) plus a
// fallback for what only the benchmark needs: the "whole list" baseline feed, the points file the
// markercluster page loads, and static files (bench pages, their Vite build, dist/).
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzip as gzipCb, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { createSandboxServer, type SandboxServer } from '../../api-mock/src/server.js';
import type { Dataset } from '../../api-mock/src/dataset/index.js';

const gzip = promisify(gzipCb);

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface BenchServer {
  sandbox: SandboxServer;
  base: string;
  /** Milliseconds spent building the sandbox context (indexes, warm cluster index). */
  warmMs: number;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  dataset: Dataset;
  /** URL prefix -> directory for static files, e.g. { '/mc/': '/tmp/x' }. */
  statics?: Record<string, string>;
}

export async function startBenchServer(opts: BenchServerOptions): Promise<BenchServer> {
  // The caller's prefixes come first so that a more specific one ('/dist/widget/') wins over '/dist/'.
  const statics: Record<string, string> = {
    ...opts.statics,
    '/bench/pages/': join(REPO_ROOT, 'bench/pages'),
    '/dist/': join(REPO_ROOT, 'dist'),
  };
  const started = performance.now();
  const sandbox = createSandboxServer({ dataset: opts.dataset, warm: true });
  const warmMs = performance.now() - started;
  const pointsFiles = new Map<number, { raw: Buffer; gz: Buffer }>();

  sandbox.fallback = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (url.pathname === '/bench/whole-list') {
      wholeList(sandbox, url, req, res).catch((e: unknown) => fail(res, e));
      return;
    }
    if (url.pathname === '/bench/points.json') {
      const n = Math.max(1, Math.min(Number(url.searchParams.get('n') ?? 50_000), opts.dataset.branches.length));
      let file = pointsFiles.get(n);
      if (!file) {
        const raw = Buffer.from(JSON.stringify(samplePoints(opts.dataset, n)));
        file = { raw, gz: gzipSync(raw) };
        pointsFiles.set(n, file);
      }
      sendBuffer(req, res, 'application/json', file.raw, file.gz);
      return;
    }
    for (const [prefix, dir] of Object.entries(statics)) {
      if (url.pathname.startsWith(prefix)) {
        serveStatic(dir, url.pathname.slice(prefix.length), res);
        return;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  };
  const base = await sandbox.listen();
  return { sandbox, base, warmMs, close: () => sandbox.close() };
}

/** What a markercluster integration loads: every point, just enough to draw and label it. */
export interface ListPoint {
  id: string;
  lat: number;
  lng: number;
  name: string;
}

/** n points spread evenly over the dataset (every country and carrier, not the first n of one). */
export function samplePoints(d: Dataset, n: number): ListPoint[] {
  const out: ListPoint[] = [];
  const len = d.branches.length;
  for (let i = 0; i < n; i++) {
    const b = d.branches[Math.floor((i * len) / n)]!;
    out.push({ id: b.id, lat: b.lat, lng: b.lng, name: b.name });
  }
  return out;
}

/**
 * Baseline feed: every point record in the bbox, in one JSON answer, gzip like the sandbox does
 * (default level). This is the "download the whole list and cluster on the client" model.
 */
async function wholeList(sandbox: SandboxServer, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parts = (url.searchParams.get('bbox') ?? '').split(',').map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) {
    res.writeHead(400).end('bad bbox');
    return;
  }
  const [w, s, e, n] = parts as [number, number, number, number];
  const ctx = sandbox.context;
  const items = ctx.points.range(w, s, e, n).map((i) => ctx.points.items[i]!);
  const raw = Buffer.from(JSON.stringify({ total: items.length, items }));
  const gz = acceptsGzip(req) ? await gzip(raw) : undefined;
  sendBuffer(req, res, 'application/json', raw, gz);
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

function sendBuffer(req: IncomingMessage, res: ServerResponse, type: string, raw: Buffer, gz: Buffer | undefined): void {
  if (gz && acceptsGzip(req)) {
    res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': gz.length, 'Cache-Control': 'no-store' });
    res.end(gz);
  } else {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': raw.length, 'Cache-Control': 'no-store' });
    res.end(raw);
  }
}

function serveStatic(dir: string, rel: string, res: ServerResponse): void {
  const path = normalize(join(dir, decodeURIComponent(rel)));
  if (!(path === dir || path.startsWith(dir + sep)) || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(path).pipe(res);
}

function fail(res: ServerResponse, e: unknown): void {
  console.error('[bench-server]', e);
  if (!res.headersSent) res.writeHead(500).end('error');
  else res.destroy();
}

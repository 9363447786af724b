// The sandbox as a real HTTP server: each IncomingMessage becomes a Fetch Request, msw's getResponse
// runs the same handlers as the worker and the tests, and the Response is streamed back.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGzip } from 'node:zlib';
import { getResponse, type RequestHandler } from 'msw';
import { createSandboxContext, type SandboxContext, type SandboxDataset } from './context.js';
import { generateDataset, type DatasetSize } from './dataset/index.js';
import { createHandlers } from './handlers/index.js';
import { CORS_HEADERS } from './handlers/http.js';
import { FAULT_HEADER } from './handlers/faults.js';
import { matchesArea } from './fault-store.js';
import { problemBody } from './oms/problem.js';

/** Paths the sandbox answers; everything else goes to the fallback (the site). */
export const SANDBOX_PREFIXES = ['/api/', '/carriers/', '/__sandbox/'] as const;
const MAX_BODY_BYTES = 1_000_000;
/** Order API paths that may take the fast path (see createSandboxServer). */
const FAST_PATHS = /^\/api\/v1\/(?:orders|connectors)(?:[/.?]|$)/;
/** Below this size gzip costs more than it saves. */
const GZIP_MIN_BYTES = 1024;

export type Fallback = (req: IncomingMessage, res: ServerResponse) => void;

export interface SandboxServerOptions {
  /** Dataset to generate when `dataset` is not given (default small). */
  size?: DatasetSize;
  seed?: number;
  dataset?: SandboxDataset;
  port?: number;
  host?: string;
  now?: () => Date;
  /** Build the unfiltered cluster index before listening (default true). */
  warm?: boolean;
  /** Handles every request outside the sandbox paths: static files or Vite. Default: 404. */
  fallback?: Fallback;
  /** A context built by the caller (e.g. shared with the order system); overrides dataset/size/now. */
  context?: SandboxContext;
  /** Routes in front of the sandbox's own (the order API), behind the same fault layer. */
  serverRoutes?: readonly RequestHandler[];
}

export interface SandboxServer {
  readonly server: Server;
  readonly context: SandboxContext;
  readonly handlers: RequestHandler[];
  /** Set or replace the site handler (e.g. once Vite is up). */
  fallback: Fallback | undefined;
  /** Resolves with the base URL, e.g. "http://127.0.0.1:5173". */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export function createSandboxServer(options: SandboxServerOptions = {}): SandboxServer {
  const context = options.context ?? createSandboxContext({
    dataset: options.dataset ?? generateDataset({ size: options.size ?? 'small', ...(options.seed !== undefined ? { seed: options.seed } : {}) }),
    warm: options.warm ?? true,
    ...(options.now ? { now: options.now } : {}),
  });
  const handlers = createHandlers(context, options.serverRoutes);
  const serverRoutes = [...(options.serverRoutes ?? [])];
  const host = options.host ?? '127.0.0.1';

  const sandbox: SandboxServer = {
    server: createServer((req, res) => {
      const path = req.url ?? '/';
      if (SANDBOX_PREFIXES.some((p) => path.startsWith(p))) {
        // The order API skips the sandbox's long handler list while no fault is configured for it: same routes,
        // a fraction of msw's matching work per request. With a fault in play everything goes the full way.
        const fast = serverRoutes.length > 0 && req.method !== 'OPTIONS' && FAST_PATHS.test(path) && !path.includes('__fault') && req.headers[FAULT_HEADER] === undefined
          && !context.faults.list().some((s) => matchesArea(s.match, path.split('?')[0] ?? path));
        handleSandbox(fast ? serverRoutes : handlers, req, res).catch((error: unknown) => internalError(req, res, error));
      } else if (sandbox.fallback) {
        sandbox.fallback(req, res);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      }
    }),
    context,
    handlers,
    fallback: options.fallback,
    listen() {
      return new Promise((resolve, reject) => {
        sandbox.server.once('error', reject);
        sandbox.server.listen(options.port ?? 0, host, () => {
          const { port } = sandbox.server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        sandbox.server.close(() => resolve());
        // Keep-alive sockets would hold close() open for seconds.
        sandbox.server.closeAllConnections();
      });
    },
  };
  // Longer than clients' idle pools (undici keeps sockets 4 s, browsers ~60 s): a socket the server
  // closes just as the client reuses it shows up as ECONNRESET.
  sandbox.server.keepAliveTimeout = 65_000;
  return sandbox;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function toFetchRequest(req: IncomingMessage, body: Buffer | undefined): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const init: RequestInit = { method: req.method ?? 'GET', headers };
  if (body && body.length > 0) init.body = new Uint8Array(body);
  return new Request(url, init);
}

async function handleSandbox(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(req);
    if (read === null) {
      const message = `request body over ${MAX_BODY_BYTES} bytes`;
      if ((req.url ?? '').startsWith('/api/v1/orders')) {
        res.writeHead(413, { ...CORS_HEADERS, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', Connection: 'close' });
        res.end(JSON.stringify(problemBody(413, 'payload_too_large', message, { field: 'body' })));
        return;
      }
      sendJson(res, 413, { error: { field: 'body', message } });
      return;
    }
    body = read;
  }
  const request = await toFetchRequest(req, body);
  const response = await getResponse(handlers, request);
  if (!response) {
    sendJson(res, 404, { error: { field: 'path', message: `no sandbox route for ${method} ${new URL(request.url).pathname}` } });
    return;
  }
  if (response.type === 'error') {
    // An injected network error: the client must see a dropped connection, not an HTTP answer.
    req.socket.destroy();
    return;
  }
  await sendResponse(req, res, response);
}

async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers = new Map<string, string>();
  response.headers.forEach((value, name) => headers.set(name, value));
  const type = headers.get('content-type') ?? '';
  const length = Number(headers.get('content-length') ?? NaN);
  const gzip = response.body !== null
    && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    && /json|text/.test(type)
    && !headers.has('content-encoding')
    && !(length < GZIP_MIN_BYTES);
  if (gzip) {
    headers.set('content-encoding', 'gzip');
    headers.delete('content-length');
    headers.set('vary', headers.has('vary') ? `${headers.get('vary')}, Accept-Encoding` : 'Accept-Encoding');
  }
  res.writeHead(response.status, Object.fromEntries(headers));
  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  const source = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  await new Promise<void>((resolve, reject) => {
    const stream = gzip ? source.pipe(createGzip()) : source;
    stream.on('error', reject);
    res.on('finish', resolve);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function internalError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error('[sandbox] handler failed:', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if ((req.url ?? '').startsWith('/api/v1/orders')) {
    // The order API answers problem+json, even when it fails itself; clients retry a 500 with the same key.
    res.writeHead(500, { ...CORS_HEADERS, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(problemBody(500, 'internal', 'the order API failed; retry with the same Idempotency-Key')));
    return;
  }
  sendJson(res, 500, { error: { field: '', message: 'internal sandbox error' } });
}

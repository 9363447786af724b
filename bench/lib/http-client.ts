// A raw HTTP GET that reports what went over the wire (gzip) and what the client decoded.
import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface Fetched {
  status: number;
  ms: number;
  /** Body bytes as sent (gzip when the server compressed). */
  wireBytes: number;
  /** Decoded body bytes. */
  rawBytes: number;
  body: Buffer;
}

/**
 * Keep-alive with six sockets, like a browser talking to one origin over HTTP/1.1. Idle sockets are
 * dropped after 3 s, before Node's server closes them at 5 s: reusing a socket the server is closing
 * ends in "socket hang up".
 */
export function browserLikeAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 6, timeout: 3000 });
}

export async function get(url: string, agent: Agent, opts: { gzip?: boolean; keepBody?: boolean } = {}): Promise<Fetched> {
  try {
    return await getOnce(url, agent, opts);
  } catch (e) {
    // A reused keep-alive socket closed under us: the request never reached the server, retry once.
    if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') return getOnce(url, agent, opts);
    throw e;
  }
}

function getOnce(url: string, agent: Agent, opts: { gzip?: boolean; keepBody?: boolean }): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: opts.gzip === false ? {} : { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        // Decoding is part of what the client pays for, so it is inside the timed span.
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          wireBytes: wire.length,
          rawBytes: body.length,
          body: opts.keepBody ? body : Buffer.alloc(0),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Run `tasks` with at most `limit` in flight; results in task order. */
export async function pool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

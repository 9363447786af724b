// `npm start` end to end: one process, the sandbox API and the site on one port, clean stop on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function waitForLine(proc: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolveLine, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolveLine(m);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (c: Buffer) => { seen += c.toString(); });
    proc.on('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${seen}`)));
  });
}

describe('scripts/start.ts', () => {
  it('serves the API and the site on one port and stops cleanly on SIGTERM', async () => {
    // --dev: Vite in middleware mode, so the test writes nothing to dist/.
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--dev'], {
      cwd: ROOT,
      env: { ...process.env, DATASET: 'small', PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = child;
    const counts = waitForLine(proc, /Dataset small: ([\d,]+) points/, 30_000);
    const [, url] = await waitForLine(proc, /Branch picker demo: (http:\/\/127\.0\.0\.1:\d+)\//, 30_000);
    expect(Number((await counts)[1]!.replace(/,/g, ''))).toBeGreaterThan(0);

    const tile = await fetch(`${url}/api/v1/tiles/0/0/0`);
    expect(tile.status).toBe(200);
    expect(((await tile.json()) as { total: number }).total).toBeGreaterThan(0);
    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-type') ?? '').toMatch(/text\/html/);
    const worker = await fetch(`${url}/mockServiceWorker.js`);
    expect(worker.status).toBe(200);

    const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});

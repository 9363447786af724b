// Start serve-child.ts as a child process and wait for its base URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { DatasetSize } from '../../api-mock/src/dataset/index.js';

export interface ChildServer {
  base: string;
  warmMs: number;
  stop(): Promise<void>;
}

export function startChildServer(size: DatasetSize, timeoutMs = 60_000): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL('./serve-child.ts', import.meta.url).pathname, size], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`bench server (${size}) did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server (${size}) exited with code ${code}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const { base, warmMs } = JSON.parse(line) as { base: string; warmMs: number };
      resolve({
        base,
        warmMs,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

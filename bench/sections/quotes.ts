// Tariff requests while browsing, time to first price with and without a slow carrier, cache hit
// rate. Runs bench/quotes.ts in a child process (it drives Chromium for about a minute) and reads
// its QUOTES_RESULT line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Section } from '../lib/section.js';

interface QuotesResult {
  moves: number;
  tariffRequests: number;
  distinctRowsShown: number;
  requestsPerShownPoint: number;
  cacheHitRate: number;
  firstPriceMs: number;
  firstRpPriceMs: number;
  firstRpPriceWithSlowNpMs: number;
  slowdownRatio: number;
}

function runQuotesBench(quick: boolean): Promise<QuotesResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, '..', 'quotes.ts')], {
      env: { ...process.env, ...(quick ? { BENCH_SECONDS: '20' } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('QUOTES_RESULT '));
      if (!line) return reject(new Error(`bench/quotes.ts exited ${code} without a result`));
      resolve(JSON.parse(line.slice('QUOTES_RESULT '.length)) as QuotesResult);
    });
  });
}

export const quotesSection: Section = {
  id: 'quotes',
  title: 'Tariffs: requests while browsing, first price, a slow carrier, cache',
  async run(report, { quick }) {
    const r = await runQuotesBench(quick);
    report.add({
      metric: `tariff requests while browsing (${r.moves} moves)`,
      value: r.tariffRequests,
      unit: 'requests',
      baseline: { label: 'distinct points shown in rows', value: r.distinctRowsShown, unit: 'points' },
      ratio: r.requestsPerShownPoint,
      ratioMeaning: 'requests per point shown (Nova Poshta needs 2 calls per city)',
      budget: 'only points looked at; <= 2 per point shown',
      ok: r.requestsPerShownPoint <= 2,
    });
    report.add({ metric: 'cache hit rate', value: Math.round(r.cacheHitRate * 1000) / 10, unit: '%' });
    report.add({
      metric: 'first Russian Post price, Nova Poshta slowed by 5 s',
      value: r.firstRpPriceWithSlowNpMs,
      unit: 'ms',
      baseline: { label: 'first Russian Post price, no slow carrier', value: r.firstRpPriceMs, unit: 'ms' },
      ratio: r.slowdownRatio,
      ratioMeaning: 'x of the normal time (1 = the slow carrier delays nothing)',
      budget: 'a slow carrier never delays the others: < 5000 ms',
      ok: r.firstRpPriceWithSlowNpMs < 5000,
    });
    report.add({ metric: 'time to first price', value: r.firstPriceMs, unit: 'ms' });
  },
};

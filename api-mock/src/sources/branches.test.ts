import { appendFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Branch } from '../../../widget/src/model/index.js';
import { FIXTURE_BRANCHES } from '../test-support/fixture.js';
import { loadSources } from './load.js';
import { parseSources } from './source-spec.js';
import { tempDir } from './test-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const load = (path: string) => loadSources(parseSources(`file:${path}`));
const fixture = (id: string): Branch => FIXTURE_BRANCHES.find((b) => b.id === id)!;
const ndjson = (records: readonly unknown[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

describe('our own Branch records', () => {
  it('reads a JSON array, fills a missing time zone from the coordinates and counts a bad record', async () => {
    const { timeZone: _drop, ...noZone } = fixture('np-kyiv-pm');
    const badHours = { ...fixture('np-lviv-1'), id: 'bad-hours', hours: [{ day: 1, open: 'nine', close: '18:00', breaks: [] }] };
    const { dataset, report } = await load(tmp.write('branches.json', [fixture('rp-101000'), noZone, badHours, fixture('np-lviv-1')]));
    expect(dataset.branches.map((b) => b.id)).toEqual(['rp-101000', 'np-kyiv-pm', 'np-lviv-1']);
    expect(dataset.branches[1]!.timeZone).toBe('Europe/Kyiv'); // tz-lookup says Europe/Kiev
    expect(report.sources[0]).toMatchObject({ format: 'branches', records: 4, accepted: 3, zonesDerived: 1 });
    expect(Object.keys(report.sources[0]!.rejected)).toEqual([expect.stringMatching(/^hours\.\*\.open: /)]);
  });

  it('streams NDJSON: blank lines skipped, a broken line or a non-object rejected, the rest kept', async () => {
    const text = `${JSON.stringify(FIXTURE_BRANCHES[0])}\n\n{"id":"half\n[1,2]\n${ndjson(FIXTURE_BRANCHES.slice(1))}`;
    const { dataset, report } = await load(tmp.write('points.ndjson', text));
    expect(dataset.branches).toEqual(FIXTURE_BRANCHES);
    expect(report.sources[0]).toMatchObject({ format: 'branches-ndjson', records: FIXTURE_BRANCHES.length + 2, accepted: FIXTURE_BRANCHES.length, rejected: { 'not JSON': 1, 'not a JSON object': 1 } });
  });

  it('fails with one line when the first NDJSON line is not an object', async () => {
    const path = tmp.write('table.ndjson', 'id,carrier,name\nrp-1,russian-post,x\n');
    await expect(load(path)).rejects.toThrow(`file:${path}: line 1 is not a JSON object; expected Branch records (a JSON array, or NDJSON with one object per line)`);
  });

  it('streams a huge NDJSON file (200k points) line by line', async () => {
    // 200k distinct points spread over a grid, written in chunks so the test itself never holds the text.
    const path = tmp.write('huge.ndjson', '');
    // One serialised template with the varying fields swapped in: writing must not dominate the test.
    const parts = JSON.stringify({ ...fixture('rp-101000'), id: '\u0001', lat: 11.111111, lng: 22.222222 }).split(/"\\u0001"|11\.111111|22\.222222/);
    expect(parts).toHaveLength(4);
    const [a, b, c, d] = parts;
    const N = 200_000;
    for (let start = 0; start < N; start += 10_000) {
      let chunk = '';
      for (let i = start; i < start + 10_000; i++) chunk += `${a}"rp-h${i}"${b}${50 + (i % 400) / 40}${c}${30 + Math.floor(i / 400) / 20}${d}\n`;
      appendFileSync(path, chunk);
    }
    const bytes = statSync(path).size;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const { dataset, report } = await load(path);
    const ms = performance.now() - started;
    const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    expect(dataset.branches).toHaveLength(N);
    expect(dataset.branches[N - 1]!.id).toBe(`rp-h${N - 1}`);
    expect(report.sources[0]).toMatchObject({ records: N, accepted: N, duplicates: 0, rejected: {} });
    // The points stay in memory, the text does not, and equal schedules are kept once: less heap than file.
    expect(heapMB * 2 ** 20).toBeLessThan(bytes * 1.5);
    expect(dataset.branches[N - 1]!.hours).toBe(dataset.branches[0]!.hours);
    console.log(`[sources] 200k-point NDJSON (${(bytes / 2 ** 20).toFixed(0)} MB): ${ms.toFixed(0)} ms, heap +${heapMB.toFixed(0)} MB`);
  }, 120_000);
});

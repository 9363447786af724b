// An `npm start`-like boot: the lean server process (oms/serve.ts) with DATASET=file:… serves tiles, points and
// search for the file's points, and reloads them on SIGHUP.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointsResponse, TileResponse } from '../../../widget/src/model/index.js';
import { parseDatasetSetting, refreshSeconds } from './boot.js';
import { npAnswer, npItem, rpOffice, tempDir } from './test-files.js';

const ROOT = join(import.meta.dirname, '../../..');
const tmp = tempDir();
const np = tmp.write('np.json', npAnswer(Array.from({ length: 40 }, (_, i) => npItem(i + 1))));
const rp = tmp.write('rp.json', { offices: [rpOffice('620014', 56.8389, 60.6057), rpOffice('620015', 56.84, 60.61)] });

let child: ChildProcess;
let base = '';
let stderr = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'api-mock/src/oms/serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATASET: `file:${np},file:${rp}`, PORT: '0', NO_OMS: '1', DATA_DIR: join(tmp.dir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve.ts exited with ${code}: ${stderr}`)));
  });
}, 60_000);

afterAll(() => {
  child.kill('SIGTERM');
  tmp.remove();
});

const getJson = async <T>(path: string): Promise<{ body: T; etag: string | null }> => {
  const res = await fetch(`${base}${path}`);
  expect(res.status).toBe(200);
  return { body: (await res.json()) as T, etag: res.headers.get('etag') };
};

describe('DATASET=file:… boot', () => {
  it('serves the files\' points as clustered tiles, points and search, and logs what it loaded', async () => {
    const world = await getJson<TileResponse>('/api/v1/tiles/0/0/0');
    expect(world.body.total).toBe(42);
    const lviv = await getJson<PointsResponse>('/api/v1/points?bbox=23.9,49.7,24.2,50&limit=500');
    expect(lviv.body.total).toBe(40);
    expect(lviv.body.facets?.carrier).toEqual({ 'nova-poshta': 40 });
    const one = await getJson<{ name: string; timeZone: string }>('/api/v1/points/rp-620014');
    expect(one.body).toMatchObject({ timeZone: 'Asia/Yekaterinburg' });
    const search = await getJson<{ items: Array<{ kind: string; label: string }> }>(`/api/v1/search?q=${encodeURIComponent('Екатеринбург')}`);
    expect(search.body.items[0]).toMatchObject({ kind: 'city', label: 'Екатеринбург' });
    // The sandbox's carrier endpoints answer from the loaded data too.
    const office = await getJson<Record<string, unknown>>('/carriers/russian-post/postoffice/1.0/620015');
    expect(office.body).toMatchObject({ 'postal-code': '620015' });
    expect(stderr).toContain(`[sources] file:${np} (nova-poshta): 40 records, 40 accepted, 0 rejected`);
  });

  it('reloads on SIGHUP: a new ETag and the new points', async () => {
    const before = await getJson<TileResponse>('/api/v1/tiles/0/0/0');
    tmp.write('np.json', npAnswer(Array.from({ length: 30 }, (_, i) => npItem(i + 1))));
    child.kill('SIGHUP');
    let after = before;
    for (let i = 0; i < 100 && after.etag === before.etag; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await getJson<TileResponse>('/api/v1/tiles/0/0/0');
    }
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.total).toBe(32);
    expect(stderr).toMatch(/\[sources\] refresh: 32 points \(version \w+ -> \w+\), 0 added, 10 removed \(np-16922859-e1c2-11e3-8c4a-00000000001f, /);
  }, 30_000);
});

describe('the DATASET and DATASET_REFRESH_S settings', () => {
  it('names a generated size or sources, and says what it expects otherwise', () => {
    expect(parseDatasetSetting(undefined, 'full')).toEqual({ kind: 'generated', size: 'full' });
    expect(parseDatasetSetting('stress', 'small')).toEqual({ kind: 'generated', size: 'stress' });
    expect(parseDatasetSetting('file:a.json, file:b.ndjson', 'small')).toMatchObject({ kind: 'sources', sources: [{ kind: 'file', path: 'a.json' }, { kind: 'file', path: 'b.ndjson' }] });
    expect(() => parseDatasetSetting('huge', 'small')).toThrow('DATASET must be small, full, stress or sources like file:points.json (got "huge")');
    expect(() => parseDatasetSetting('file:a.json,ftp:b', 'small')).toThrow('source "ftp:…" not understood: expected file:path or np-api:KEY');
    expect(refreshSeconds({ DATASET_REFRESH_S: '300' })).toBe(300);
    expect(refreshSeconds({})).toBeUndefined();
    expect(() => refreshSeconds({ DATASET_REFRESH_S: '-1' })).toThrow('DATASET_REFRESH_S must be a positive number of seconds (got "-1")');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from './load.js';
import { parseSources } from './source-spec.js';
import { npItem, tempDir } from './test-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const load = (path: string) => loadSources(parseSources(`file:${path}`));
const EXPECTED = 'expected a Nova Poshta Address.getWarehouses answer ({"success":true,"data":[…]}), an array of such answers, or an array of its items; '
  + 'Russian Post offices in the postoffice/1.0 shape (an array, or {"offices":[…]}); or Branch records (a JSON array, or NDJSON with one object per line)';

describe('a file that is not a points list', () => {
  it.each([
    ['config.json', { name: 'Demo', lang: 'ru', layout: 'both' }, 'found an object with keys name, lang, layout'],
    ['numbers.json', [1, 2, 3], 'found an array of 3 values that are not points'],
    ['text.json', '"just a string"', 'found a string'],
    ['settlements.json', [{ name: 'Львів', lat: 49.8, lng: 24 }, { name: 'Київ', lat: 50.4, lng: 30.5 }], 'found an array of 2 values that are not points'],
  ])('%s fails with one line naming the file and what was expected', async (name, content, found) => {
    const path = tmp.write(name, content);
    const error = await load(path).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe(`file:${path}: not a points list: ${found}; ${EXPECTED}`);
    expect(error?.message).not.toContain('\n');
  });

  it('says so when the file is not JSON or cannot be read', async () => {
    const path = tmp.write('broken.json', '{"success":true,"data":[');
    await expect(load(path)).rejects.toThrow(new RegExp(`^file:${path}: not a points list: not JSON \\(.+\\); expected a Nova Poshta`));
    await expect(load(`${tmp.dir}/missing.json`)).rejects.toThrow(`file:${tmp.dir}/missing.json: cannot read the file (ENOENT)`);
  });

  it('still recognises a list whose first records are bad, by the majority of its records', async () => {
    const items = [{ Ref: 'x', CityRef: 'y' }, ...Array.from({ length: 5 }, (_, i) => npItem(i + 1))];
    const { report } = await load(tmp.write('np-bad-first.json', items));
    expect(report.sources[0]).toMatchObject({ format: 'nova-poshta', accepted: 5, rejected: { 'Description: missing': 1 } });
  });

  it('an empty array is an empty list, not an error', async () => {
    const { report } = await load(tmp.write('empty.json', []));
    expect(report.sources[0]).toMatchObject({ format: 'empty', records: 0, accepted: 0 });
  });
});

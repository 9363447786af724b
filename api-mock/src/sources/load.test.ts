import { afterAll, describe, expect, it } from 'vitest';
import { createDataSnapshot } from '../context.js';
import { FIXTURE_BRANCHES } from '../test-support/fixture.js';
import { loadSources } from './load.js';
import { parseSources } from './source-spec.js';
import { npAnswer, npItem, rpOffice, tempDir } from './test-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const ndjson = (records: readonly unknown[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

describe('several sources', () => {
  const np = tmp.write('np.json', npAnswer([npItem(1), npItem(2), npItem(3)]));
  const rp = tmp.write('rp.json', { offices: [rpOffice('620014', 56.8389, 60.6057)] });
  const own = tmp.write('own.ndjson', ndjson(FIXTURE_BRANCHES));

  it('merge in order, each carrier keeping its own ids', async () => {
    const { dataset, report } = await loadSources(parseSources(`file:${np},file:${rp},file:${own}`));
    expect(dataset.branches.map((b) => b.id)).toEqual([
      'np-16922859-e1c2-11e3-8c4a-000000000001', 'np-16922859-e1c2-11e3-8c4a-000000000002', 'np-16922859-e1c2-11e3-8c4a-000000000003',
      'rp-620014', ...FIXTURE_BRANCHES.map((b) => b.id),
    ]);
    expect(report.sources.map((s) => [s.format, s.accepted])).toEqual([['nova-poshta', 3], ['russian-post', 1], ['branches-ndjson', FIXTURE_BRANCHES.length]]);
    expect(report.byCarrier['nova-poshta']).toEqual({ post_office: 5, parcel_locker: 1, pickup_point: 1 });
    expect(report.points).toBe(4 + FIXTURE_BRANCHES.length);
  });

  it('a duplicate id: the first source wins and the duplicate is counted', async () => {
    const changed = FIXTURE_BRANCHES.map((b) => ({ ...b, name: `${b.name} (second copy)` }));
    const second = tmp.write('own-again.json', [...changed, { ...FIXTURE_BRANCHES[0]!, id: 'rp-new' }]);
    const { dataset, report } = await loadSources(parseSources(`file:${own},file:${second}`));
    expect(dataset.branches.map((b) => b.name)).toEqual([...FIXTURE_BRANCHES.map((b) => b.name), FIXTURE_BRANCHES[0]!.name]);
    expect(report.sources[1]).toMatchObject({ records: FIXTURE_BRANCHES.length + 1, accepted: 1, duplicates: FIXTURE_BRANCHES.length });
  });

  it('the version is a hash of the content: the same data gives the same version, any change a new one', async () => {
    const a = await loadSources(parseSources(`file:${np},file:${own}`));
    // The same points in another file format (a bare item array, pretty-printed) are the same data.
    const npBare = tmp.write('np-bare.json', JSON.stringify([npItem(1), npItem(2), npItem(3)], null, 2));
    const b = await loadSources(parseSources(`file:${npBare},file:${own}`));
    expect(b.report.version).toBe(a.report.version);
    const npChanged = tmp.write('np-changed.json', npAnswer([npItem(1), npItem(2, { Schedule: { Monday: '10:00-19:00' } }), npItem(3)]));
    const c = await loadSources(parseSources(`file:${npChanged},file:${own}`));
    expect(c.report.version).not.toBe(a.report.version);
    expect(a.dataset.version).toBe(a.report.version);
  });

  it('derives settlements from the points, so search finds the city', async () => {
    const { dataset, report } = await loadSources(parseSources(`file:${np},file:${rp}`));
    expect(dataset.settlements).toEqual([
      { id: expect.stringMatching(/^src-/), name: 'Львів', region: 'Львівська', country: 'UA', lat: 49.841, lng: 24.002, population: 3, timeZone: 'Europe/Kyiv' },
      { id: expect.stringMatching(/^src-/), name: 'Екатеринбург', region: 'Свердловская область', country: 'RU', lat: 56.8389, lng: 60.6057, population: 1, timeZone: 'Asia/Yekaterinburg' },
    ]);
    expect(report.settlements).toBe(2);
    const snapshot = createDataSnapshot(dataset);
    await snapshot.search.prepare();
    const found = snapshot.search.search('львів', { limit: 5 });
    expect(found[0]).toMatchObject({ kind: 'city', label: 'Львів' });
  });
});

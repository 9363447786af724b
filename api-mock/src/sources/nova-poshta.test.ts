import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from './load.js';
import { parseSources } from './source-spec.js';
import { npAnswer, npItem, tempDir } from './test-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const load = (path: string) => loadSources(parseSources(`file:${path}`));

describe('Nova Poshta warehouses from a file', () => {
  const items = [npItem(1), npItem(2, { CategoryOfWarehouse: 'Postomat', Schedule: { Monday: '00:00-23:59' } }), npItem(3, { DenyToSelect: '1' })];

  it('reads one answer envelope, its pages and a bare item array alike, through the adapter mapping', async () => {
    const one = await load(tmp.write('one.json', npAnswer(items)));
    const pages = await load(tmp.write('pages.json', [npAnswer(items.slice(0, 2)), npAnswer(items.slice(2))]));
    const bare = await load(tmp.write('bare.json', items));
    expect(one.dataset.branches).toHaveLength(3);
    expect(pages.dataset.branches).toEqual(one.dataset.branches);
    expect(bare.dataset.branches).toEqual(one.dataset.branches);
    expect(one.report.sources[0]).toMatchObject({ format: 'nova-poshta', records: 3, accepted: 3, rejected: {}, zonesDerived: 3 });
    const [branch, locker, denied] = one.dataset.branches;
    expect(branch).toMatchObject({
      id: 'np-16922859-e1c2-11e3-8c4a-000000000001', carrier: 'nova-poshta', type: 'post_office', status: 'open',
      lat: 49.8405, lng: 24.001, timeZone: 'Europe/Kyiv', limits: { maxWeightG: 30_000, maxDimensionsCm: { length: 120, width: 120, height: 120 } },
      address: { country: 'UA', city: 'Львів', street: 'Городоцька', house: '1', postcode: '79000', region: 'Львівська' },
      carrierRefs: { cityRef: 'db5c88f5-391c-11dd-90d9-001a92567626', warehouseRef: '16922859-e1c2-11e3-8c4a-000000000001' },
    });
    expect(branch!.hours).toHaveLength(6);
    expect(branch!.hours[5]).toEqual({ day: 6, open: '09:00', close: '18:00', breaks: [] });
    expect(locker).toMatchObject({ type: 'parcel_locker', hours: [{ day: 1, open: '00:00', close: '24:00', breaks: [] }] });
    expect(denied).toMatchObject({ status: 'temporarily_closed', statusNote: 'not accepting parcels' });
    expect(one.report.byCarrier).toEqual({ 'nova-poshta': { post_office: 2, parcel_locker: 1 } });
  });

  it('drops a bad record, counts it by reason and keeps the others', async () => {
    const bad = [npItem(1), npItem(2, { Latitude: 'north' }), npItem(3), npItem(4, { CityRef: undefined }), npItem(5, { Latitude: '95' }), npItem(6, { Longitude: 'x' })];
    const { dataset, report } = await load(tmp.write('bad.json', npAnswer(bad)));
    expect(dataset.branches.map((b) => b.carrierRefs?.warehouseRef?.slice(-1))).toEqual(['1', '3']);
    expect(report.sources[0]!.rejected).toEqual({
      'Latitude: expected a number': 1,
      'Longitude: expected a number': 1,
      'CityRef: missing': 1,
      'Latitude/Longitude: not a coordinate': 1,
    });
    expect(report.sources[0]).toMatchObject({ records: 6, accepted: 2 });
  });

  it('fails with one line when the file holds an error answer', async () => {
    const path = tmp.write('error.json', { success: false, data: [], errors: ['API key expired'], errorCodes: ['20000200068'] });
    const error = await load(path).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe(`file:${path}: is a Nova Poshta error answer (API key expired), not a Nova Poshta Address.getWarehouses answer ({"success":true,"data":[…]}), an array of such answers, or an array of its items`);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from './load.js';
import { parseSources } from './source-spec.js';
import { rpOffice, tempDir } from './test-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const load = (path: string) => loadSources(parseSources(`file:${path}`));

describe('Russian Post offices from a file', () => {
  const offices = [
    rpOffice('620014', 56.8389, 60.6057),
    rpOffice('101000', 55.7622, 37.6339, { settlement: 'Москва', region: 'Москва', 'type-code': 'АПС', 'is-temporary-closed': true }),
    rpOffice('690091', 43.1155, 131.8855, { settlement: 'Владивосток', region: 'Приморский край' }),
  ];

  it('reads an array and {"offices":[…]} alike, with each office in the zone of its coordinates', async () => {
    const array = await load(tmp.write('array.json', offices));
    const wrapped = await load(tmp.write('wrapped.json', { offices }));
    expect(wrapped.dataset.branches).toEqual(array.dataset.branches);
    expect(array.report.sources[0]).toMatchObject({ format: 'russian-post', records: 3, accepted: 3, zonesDerived: 3 });
    expect(array.dataset.branches.map((b) => [b.id, b.timeZone, b.type, b.status])).toEqual([
      ['rp-620014', 'Asia/Yekaterinburg', 'post_office', 'open'],
      ['rp-101000', 'Europe/Moscow', 'parcel_locker', 'temporarily_closed'],
      ['rp-690091', 'Asia/Vladivostok', 'post_office', 'open'],
    ]);
    expect(array.dataset.branches[0]!.hours[0]).toEqual({ day: 1, open: '08:00', close: '20:00', breaks: [{ from: '13:00', to: '14:00' }] });
    expect(array.report.timeZones).toEqual({ 'Asia/Yekaterinburg': 1, 'Europe/Moscow': 1, 'Asia/Vladivostok': 1 });
  });

  it('drops a bad office, counts it by reason and keeps the others', async () => {
    const bad = [...offices, rpOffice('6200', 56.8, 60.6), rpOffice('620015', 56.8, 60.6, { 'working-hours': [{ 'weekday-id': 8 }] })];
    const { dataset, report } = await load(tmp.write('bad.json', { offices: bad }));
    expect(dataset.branches.map((b) => b.id)).toEqual(['rp-620014', 'rp-101000', 'rp-690091']);
    expect(report.sources[0]!.rejected).toEqual({ 'postal-code: does not match /^\\d{6}$/': 1, 'working-hours.*.weekday-id: at most 7': 1 });
  });
});

// npm run points -- check: what an operator reads before pointing the server at a file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npAnswer, npItem, rpOffice, tempDir } from './test-files.js';

const ROOT = join(import.meta.dirname, '../../..');
const tmp = tempDir();
afterAll(() => tmp.remove());
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'api-mock/src/sources/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('points check', () => {
  it('prints counts per carrier and type, rejects by reason, time zones, load time and memory', () => {
    const np = tmp.write('np.json', npAnswer([npItem(1), npItem(2, { CategoryOfWarehouse: 'Postomat' }), npItem(3, { Latitude: 'north' })]));
    const rp = tmp.write('rp.json', [rpOffice('620014', 56.8389, 60.6057)]);
    const { status, stdout } = run('check', np, `file:${rp}`);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^file:${np} \\(nova-poshta\\): 3 records, 2 accepted, 1 rejected, 0 duplicate ids, 2 time zones from coordinates, \\d+ ms$`));
    expect(lines[1]).toBe('  rejected 1: Latitude: expected a number');
    expect(lines).toContain('points: 3: nova-poshta 2 (post_office 1, parcel_locker 1); russian-post 1 (post_office 1)');
    expect(lines).toContain('time zones: 2: Europe/Kyiv 2, Asia/Yekaterinburg 1');
    expect(lines.at(-1)).toMatch(/^memory: heap \d+ MB \(\+\d+ MB for the points\), rss \d+ MB$/);
  }, 30_000);

  it('--json gives the same report to a machine', () => {
    const np = tmp.write('np2.json', [npItem(1)]);
    const { status, stdout } = run('check', '--json', np);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ points: 1, byCarrier: { 'nova-poshta': { post_office: 1 } }, timeZones: { 'Europe/Kyiv': 1 }, sources: [{ format: 'nova-poshta', accepted: 1 }] });
  }, 30_000);

  it('a file that is not a points list: exit 1 and one line', () => {
    const path = tmp.write('config.json', { id: 'demo', name: 'Demo' });
    const { status, stdout, stderr } = run('check', path);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^file:${path}: not a points list: found an object with keys id, name; expected `))]);
  }, 30_000);
});

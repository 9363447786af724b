// Refresh without downtime: the new data is indexed beside the old and swapped in at once; ETags follow the content;
// a point that left the source is refused by the order API, which reads the same context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedOrder, Problem, type OrderInput } from '../../../widget/src/model/order.js';
import type { TileResponse } from '../../../widget/src/model/index.js';
import { createSandboxContext } from '../context.js';
import { generateDataset } from '../dataset/index.js';
import { fakeCarrier } from '../oms/testing/fake-connector.js';
import { startHarness, type Harness } from '../oms/testing/harness.js';
import { createSandboxServer, type SandboxServer } from '../server.js';
import { FIXTURE_BRANCHES, FIXTURE_NOW } from '../test-support/fixture.js';
import { loadSources } from './load.js';
import { SourceRefresher } from './refresh.js';
import { parseSources } from './source-spec.js';
import { tempDir } from './test-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const versionOf = (etag: string | null) => /^W\/"([^-]+)-/.exec(etag ?? '')?.[1];

describe('refresh of file sources', () => {
  const path = tmp.write('points.json', FIXTURE_BRANCHES);
  const sources = parseSources(`file:${path}`);
  let h: Harness;
  let refresher: SourceRefresher;
  const log: string[] = [];
  let seq = 0;

  beforeAll(async () => {
    const { dataset } = await loadSources(sources);
    h = await startHarness({ dataset, now: () => FIXTURE_NOW, connectors: () => [['russian-post', fakeCarrier('russian-post')]] });
    refresher = new SourceRefresher({ ctx: h.ctx, sources, log: (l) => log.push(l) });
  });
  afterAll(() => h.close());

  const tile = () => fetch(`${h.base}/api/v1/tiles/0/0/0`);
  const order = (pointId: string): Promise<Response> => {
    const body: OrderInput = {
      orderNumber: `R-${++seq}`, configId: 'demo', pointId, carrier: 'russian-post',
      parcel: { weightG: 1200, dimensionsCm: { length: 30, width: 20, height: 10 } },
      recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+7 912 345-67-89' },
    };
    return fetch(`${h.base}/api/v1/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `"${crypto.randomUUID()}"` }, body: JSON.stringify(body),
    });
  };

  it('keeps the version and the ETags when the data did not change (even if the file was rewritten)', async () => {
    const before = await tile();
    const etag = before.headers.get('etag');
    tmp.write('points.json', JSON.stringify(FIXTURE_BRANCHES, null, 2));
    const report = await refresher.refresh();
    expect(report).toMatchObject({ changed: false, removed: [], added: 0, version: h.ctx.version });
    const after = await fetch(`${h.base}/api/v1/tiles/0/0/0`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(after.status).toBe(304);
  });

  it('swaps in changed data with a new ETag, reports the removed point, and the order API refuses orders to it', async () => {
    const accepted = await order('rp-115551');
    expect(accepted.status).toBe(201);
    CreatedOrder.parse(await accepted.json());
    const oldEtag = (await tile()).headers.get('etag');
    const oldVersion = h.ctx.version;

    const kept = FIXTURE_BRANCHES.filter((b) => b.id !== 'rp-115551').map((b) => (b.id === 'rp-101000' ? { ...b, name: 'Москва 101000 (после ремонта)' } : b));
    tmp.write('points.json', kept);
    const report = await refresher.refresh();
    expect(report).toMatchObject({ changed: true, previousVersion: oldVersion, removed: ['rp-115551'], added: 0, points: FIXTURE_BRANCHES.length - 1 });
    expect(h.ctx.version).toBe(report.version);
    expect(log.at(-1)).toMatch(/1 removed \(rp-115551\)/);

    const now = await tile();
    expect(now.headers.get('etag')).not.toBe(oldEtag);
    expect(versionOf(now.headers.get('etag'))).toBe(report.version);
    expect(((await now.json()) as TileResponse).total).toBe(FIXTURE_BRANCHES.length - 1);
    expect(await (await fetch(`${h.base}/api/v1/points/rp-101000`)).json()).toMatchObject({ name: 'Москва 101000 (после ремонта)' });
    expect((await fetch(`${h.base}/api/v1/points/rp-115551`)).status).toBe(404);

    const refused = await order('rp-115551');
    expect(refused.status).toBe(422);
    expect(Problem.parse(await refused.json())).toMatchObject({ code: 'unknown_point', field: 'pointId' });
    expect((await order('rp-101000')).status).toBe(201);
  });

  it('does not read files that were not touched since the last load', async () => {
    const version = h.ctx.version;
    const lines = log.length;
    const report = await refresher.refresh();
    expect(report).toMatchObject({ changed: false, version, load: { sources: [] } });
    expect(log).toHaveLength(lines);
  });

  it('a source that fails keeps the current data served', async () => {
    const version = h.ctx.version;
    tmp.write('points.json', { not: 'points' });
    await expect(refresher.refresh()).rejects.toThrow(/not a points list/);
    expect(h.ctx.version).toBe(version);
    expect((await tile()).status).toBe(200);
    expect(log.at(-1)).toMatch(new RegExp(`^refresh failed, still serving ${version}: file:`));
  });
});

describe('requests during a refresh', () => {
  // Old: the small dataset; new: the same without its first 1,000 points. Every answer must be one or the other,
  // its ETag naming the version its body came from.
  const small = generateDataset({ size: 'small' });
  const path = tmp.write('small.json', small.branches);
  let server: SandboxServer;
  let base = '';

  beforeAll(async () => {
    const { dataset } = await loadSources(parseSources(`file:${path}`));
    server = createSandboxServer({ context: createSandboxContext({ dataset, warm: true }) });
    base = await server.listen();
  });
  afterAll(() => server.close());

  it('answer consistently: each from the snapshot its ETag names, the old one until the swap, then the new one', async () => {
    const ctx = server.context;
    const removedId = small.branches[0]!.id;
    const oldVersion = ctx.version;
    const totals = new Map([[oldVersion, small.branches.length]]);
    tmp.write('small.json', small.branches.slice(1000));
    const refreshing = new SourceRefresher({ ctx, sources: parseSources(`file:${path}`) }).refresh();
    let done = false;
    void refreshing.finally(() => { done = true; });
    const answers: Array<{ version: string | undefined; total: number; point: number; pointVersion: string | undefined }> = [];
    while (!done) {
      const [t, p] = await Promise.all([fetch(`${base}/api/v1/tiles/0/0/0`), fetch(`${base}/api/v1/points/${removedId}`)]);
      answers.push({ version: versionOf(t.headers.get('etag')), total: ((await t.json()) as TileResponse).total, point: p.status, pointVersion: versionOf(p.headers.get('etag')) });
    }
    const report = await refreshing;
    totals.set(report.version, small.branches.length - 1000);
    for (let i = 0; i < 3; i++) {
      const t = await fetch(`${base}/api/v1/tiles/0/0/0`);
      answers.push({ version: versionOf(t.headers.get('etag')), total: ((await t.json()) as TileResponse).total, point: (await fetch(`${base}/api/v1/points/${removedId}`)).status, pointVersion: undefined });
    }
    expect(answers.filter((a) => a.version === oldVersion).length).toBeGreaterThan(1); // served while the new data loaded
    for (const a of answers) expect(a.total).toBe(totals.get(a.version ?? ''));
    // Old answers first, then new ones: never back.
    const firstNew = answers.findIndex((a) => a.version === report.version);
    expect(firstNew).toBeGreaterThan(0);
    expect(answers.slice(firstNew).every((a) => a.version === report.version && a.point === 404)).toBe(true);
    expect(answers.slice(0, firstNew).every((a) => a.version === oldVersion)).toBe(true);
    expect(answers.filter((a) => a.point === 200).every((a) => a.pointVersion === oldVersion)).toBe(true);
    expect(report.removed).toEqual(small.branches.slice(0, 1000).map((b) => b.id));
  }, 60_000);
});

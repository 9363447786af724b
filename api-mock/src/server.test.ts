import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedItem, parseEach, type TileResponse } from '../../widget/src/model/index.js';
import { createSandboxServer, type SandboxServer } from './server.js';
import { serveStatic } from './static-files.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET } from './test-support/fixture.js';

const site = mkdtempSync(join(tmpdir(), 'bp-site-'));
mkdirSync(join(site, 'widget'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>playground</title>');
writeFileSync(join(site, 'widget', 'index.html'), '<!doctype html><title>widget</title>');

let sandbox: SandboxServer;
let base = '';
beforeAll(async () => {
  sandbox = createSandboxServer({ dataset: FIXTURE_DATASET, port: 0, fallback: serveStatic(site) });
  base = await sandbox.listen();
});
afterAll(() => sandbox.close());

/** A raw request (fetch hides Content-Encoding and cannot show a dropped socket as such). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Node sandbox server', () => {
  it('serves a tile over real HTTP', async () => {
    const res = await fetch(`${base}/api/v1/tiles/0/0/0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const tile = (await res.json()) as TileResponse;
    expect(tile.total).toBe(FIXTURE_BRANCHES.length);
    expect(parseEach(FeedItem, tile.items).rejected).toEqual([]);
  });

  it('gzips JSON for clients that accept it', async () => {
    const res = await raw('/api/v1/points?bbox=-180,-90,180,90&limit=500', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(res.body).toString('utf8')) as { total: number };
    expect(body.total).toBe(FIXTURE_BRANCHES.length);
  });

  it('passes POST bodies to the handlers (Nova Poshta envelope)', async () => {
    const res = await fetch(`${base}/carriers/nova-poshta/v2.0/json/`, {
      method: 'POST',
      body: JSON.stringify({ apiKey: 'k', modelName: 'Address', calledMethod: 'getWarehouses', methodProperties: { CityName: 'Київ' } }),
    });
    const env = (await res.json()) as { success: boolean; info: { totalCount: number } };
    expect(env).toMatchObject({ success: true, info: { totalCount: 3 } });
  });

  it('hands the dataset to a browser worker', async () => {
    const res = await fetch(`${base}/__sandbox/dataset`);
    const data = (await res.json()) as { branches: Array<{ id: string }>; settlements: unknown[] };
    expect(data.branches.map((b) => b.id)).toEqual(FIXTURE_BRANCHES.map((b) => b.id));
    expect(data.settlements).toHaveLength(FIXTURE_DATASET.settlements.length);
  });

  it('answers 304 over HTTP', async () => {
    const first = await fetch(`${base}/api/v1/points/rp-101000`);
    const again = await fetch(`${base}/api/v1/points/rp-101000`, { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('destroys the socket for a dropped request', async () => {
    await expect(raw('/api/v1/tiles/0/0/0?__fault=drop')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('answers a JSON 404 for unknown sandbox paths and hands other paths to the site', async () => {
    const missing = await fetch(`${base}/api/v2/nothing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('path');
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('playground');
    const widget = await fetch(`${base}/widget/`);
    expect(await widget.text()).toContain('widget');
    const redirect = await fetch(`${base}/widget`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/widget/']);
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });
});

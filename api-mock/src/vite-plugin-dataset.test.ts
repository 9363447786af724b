// The plugin inside real Vite: a build of a one-page fixture, and the dev server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { unpackDataset } from './dataset-pack.js';
import { generateDataset } from './dataset/index.js';
import { buildDatasetJson, datasetFileName, sandboxDatasetPlugin } from './vite-plugin-dataset.js';

const root = mkdtempSync(join(tmpdir(), 'bp-dataset-plugin-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>fixture</title><p>page</p>\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SEED = 7;

describe('sandboxDatasetPlugin', () => {
  it('emits the packed small dataset as an asset of the build', async () => {
    const result = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [sandboxDatasetPlugin({ seed: SEED })],
      build: { write: false, outDir: join(root, 'dist') },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
    const asset = outputs.find((o) => o.fileName === 'sandbox/dataset-small.json');
    expect(asset?.type).toBe('asset');
    const text = asset?.type === 'asset' ? String(typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)) : '';
    const dataset = unpackDataset(JSON.parse(text));
    const expected = generateDataset({ size: 'small', seed: SEED });
    expect(dataset.seed).toBe(SEED);
    expect(dataset.branches.length).toBe(expected.branches.length);
    expect(dataset).toEqual(expected);
  });

  it('serves the same JSON at the same path in dev, under the base', async () => {
    const server = await createServer({
      configFile: false,
      root,
      base: '/shop/',
      logLevel: 'silent',
      plugins: [sandboxDatasetPlugin({ seed: SEED })],
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
      optimizeDeps: { noDiscovery: true },
    });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('dev server has no port');
      const res = await fetch(`http://127.0.0.1:${address.port}/shop/${datasetFileName('small')}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.text()).toBe(await buildDatasetJson({ size: 'small', seed: SEED }));
      const elsewhere = await fetch(`http://127.0.0.1:${address.port}/${datasetFileName('small')}`);
      expect(elsewhere.headers.get('content-type')).not.toBe('application/json');
    } finally {
      await server.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Branch } from '../../widget/src/model/index.js';
import { createDataSnapshot, createSandboxContext } from './context.js';
import { SAMPLE } from './handlers/nova-poshta/documents-samples.js';
import { warehouseRef } from './handlers/nova-poshta/refs.js';
import { createTestSandbox, TEST_ORIGIN } from './node.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from './test-support/fixture.js';

describe('the context\'s data snapshot', () => {
  it('swap() replaces every data field at once and keeps the state', () => {
    const ctx = createSandboxContext({ dataset: FIXTURE_DATASET });
    const config = { id: 'cfg_1', name: 'Shop', lang: 'ru', layout: 'both', mode: 'inline' } as const;
    ctx.configs.set(config.id, config);
    const store = ctx.memo('russian-post/otpravka-store', () => ({ orders: 1 }));
    const view = ctx.memo('russian-post/postoffice', () => ({ built: 'old' }));
    const first = ctx.snapshot;

    const next = createDataSnapshot({ ...FIXTURE_DATASET, branches: FIXTURE_BRANCHES.slice(1), version: 'v2' });
    expect(ctx.swap(next)).toBe(first);
    expect(ctx.snapshot).toBe(next);
    expect(ctx.version).toBe('v2');
    expect(ctx.dataset.branches).toHaveLength(FIXTURE_BRANCHES.length - 1);
    expect(ctx.byId.has(FIXTURE_BRANCHES[0]!.id)).toBe(false);
    expect(ctx.points.items).toHaveLength(FIXTURE_BRANCHES.length - 1);
    expect(ctx.clusters).toBe(next.clusters);
    expect(ctx.search).toBe(next.search);
    // Views of the data are rebuilt for the new snapshot; state is kept.
    expect(ctx.memo('russian-post/postoffice', () => ({ built: 'new' }))).toEqual({ built: 'new' });
    expect(ctx.memo('russian-post/otpravka-store', () => ({ orders: 0 }))).toBe(store);
    expect(first.memo('russian-post/postoffice', () => ({ built: 'again' }))).toBe(view);
    expect(ctx.configs.get('cfg_1')).toBe(config);
  });

  it('generated datasets keep their size-and-seed version; a loaded one uses its content hash', () => {
    const generated = createDataSnapshot(FIXTURE_DATASET);
    expect(generated.version).toBe(createDataSnapshot({ ...FIXTURE_DATASET }).version);
    expect(generated.version).not.toBe(createDataSnapshot({ ...FIXTURE_DATASET, seed: 2 }).version);
    expect(createDataSnapshot({ ...FIXTURE_DATASET, version: 'abc123' }).version).toBe('abc123');
  });
});

describe('carrier state across a swap', () => {
  // The Nova Poshta document store indexes the data's warehouses, so it is rebuilt after a swap; its documents
  // come back from the journal and numbering continues: no document is lost, no number is given twice.
  const { server, context } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  const save = async (barcode: string, recipientAddress: string) => {
    const res = await fetch(`${TEST_ORIGIN}/carriers/nova-poshta/v2.0/json/`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: 'sandbox', modelName: 'InternetDocument', calledMethod: 'save', methodProperties: { ...SAMPLE, RecipientAddress: recipientAddress, InfoRegClientBarcodes: barcode } }),
    });
    return (await res.json()) as { success: boolean; data: Array<{ IntDocNumber: string }>; errors: string[] };
  };

  it('Nova Poshta documents survive, numbering continues, and new warehouses are known', async () => {
    const first = await save('ord_a', warehouseRef('np-kyiv-25'));
    expect(first.success).toBe(true);
    const moved: Branch = { ...FIXTURE_BRANCHES.find((b) => b.id === 'np-kyiv-25')!, id: 'np-kyiv-new', name: 'Відділення №77' };
    context.swap(createDataSnapshot({ ...FIXTURE_DATASET, branches: [...FIXTURE_BRANCHES, moved], version: 'v2' }));
    const second = await save('ord_b', warehouseRef('np-kyiv-new'));
    expect(second).toMatchObject({ success: true, errors: [] });
    expect(second.data[0]!.IntDocNumber).not.toBe(first.data[0]!.IntDocNumber);
    const listed = (await (await fetch(`${TEST_ORIGIN}/__sandbox/nova-poshta/shipments`)).json()) as { items: Array<{ clientBarcode: string }> };
    expect(listed.items.map((d) => d.clientBarcode)).toEqual(['ord_a', 'ord_b']);
  });
});

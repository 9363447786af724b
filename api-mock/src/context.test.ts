import { describe, expect, it } from 'vitest';
import { createDataSnapshot, createSandboxContext } from './context.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET } from './test-support/fixture.js';

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

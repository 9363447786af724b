// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

// index.ts being side-effect free is proved in index.test.ts, with a registry nobody has touched.
describe('define.ts', () => {
  it('registers <branch-picker>, and loading a second copy of the bundle does not throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = await import('./define.js');
    expect(customElements.get('branch-picker')).toBe(first.BranchPicker);
    vi.resetModules();
    // A second evaluation creates a distinct class of the same version: skipped silently.
    const second = await import('./define.js');
    expect(second.BranchPicker).not.toBe(first.BranchPicker);
    expect(customElements.get('branch-picker')).toBe(first.BranchPicker);
    // Lit's own dev-mode notice aside, the guard says nothing about a same-version copy.
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('[branch-picker]'))).toEqual([]);
    warn.mockRestore();
  });
});

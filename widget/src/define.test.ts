// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

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

  it('index.ts is side-effect free: importing it registers nothing new', async () => {
    vi.resetModules();
    const before = customElements.get('branch-picker');
    const mod = await import('./index.js');
    expect(typeof mod.BranchPicker).toBe('function');
    expect(customElements.get('branch-picker')).toBe(before);
  });
});

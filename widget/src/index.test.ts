// @vitest-environment jsdom
// Its own file, so the registry starts empty: a side-effect define in index.ts would register the tag here,
// whereas after define.test.ts's registration the guard would skip it silently and hide the regression.
import { describe, expect, it, vi } from 'vitest';

describe('index.ts', () => {
  it('is side-effect free: importing it registers no element', async () => {
    const define = vi.spyOn(customElements, 'define');
    expect(customElements.get('branch-picker')).toBeUndefined();
    const mod = await import('./index.js');
    expect(typeof mod.BranchPicker).toBe('function');
    expect(customElements.get(mod.TAG)).toBeUndefined();
    expect(define).not.toHaveBeenCalled();

    // The registry works here: the explicit call is what registers the tag.
    expect(mod.defineBranchPicker(mod.BranchPicker)).toBe('defined');
    expect(customElements.get('branch-picker')).toBe(mod.BranchPicker);
    define.mockRestore();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineBranchPicker } from './define-guard.js';

let n = 0;
const uniqueTag = () => `bp-guard-test-${++n}`;
const versioned = (version: string) => class extends HTMLElement { static version = version; };

afterEach(() => vi.restoreAllMocks());

describe('defineBranchPicker', () => {
  it('defines the tag the first time', () => {
    const tag = uniqueTag();
    const C = versioned('1.0.0');
    expect(defineBranchPicker(C, customElements, tag)).toBe('defined');
    expect(customElements.get(tag)).toBe(C);
  });

  it('skips silently when the same version is registered again (two script tags)', () => {
    const tag = uniqueTag();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    defineBranchPicker(versioned('1.0.0'), customElements, tag);
    expect(() => defineBranchPicker(versioned('1.0.0'), customElements, tag)).not.toThrow();
    expect(defineBranchPicker(versioned('1.0.0'), customElements, tag)).toBe('same-version');
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns, keeps the first and never throws when another version is registered', () => {
    const tag = uniqueTag();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const First = versioned('1.0.0');
    defineBranchPicker(First, customElements, tag);
    expect(defineBranchPicker(versioned('2.0.0'), customElements, tag)).toBe('other-version');
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toContain('1.0.0');
    expect(customElements.get(tag)).toBe(First);
  });

  it('does not throw when the registry itself throws (a race with another copy)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const registry = { get: () => undefined, define: () => { throw new DOMException('already defined', 'NotSupportedError'); } } as unknown as CustomElementRegistry;
    expect(defineBranchPicker(versioned('1.0.0'), registry, 'x-y')).toBe('other-version');
  });
});

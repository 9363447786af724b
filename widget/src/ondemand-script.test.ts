// @vitest-environment jsdom
// The on-demand script injection shared by the tariff layer and the basemap loaders.
import { afterEach, describe, expect, it, vi } from 'vitest';

/** Imports the module as if the main file were <script src="https://cdn.test/bp/branch-picker.js">. */
async function load(src: string | null) {
  vi.resetModules();
  const tag = document.createElement('script');
  if (src) tag.src = src;
  Object.defineProperty(document, 'currentScript', { value: src ? tag : null, configurable: true });
  const mod = await import('./ondemand-script.js');
  Object.defineProperty(document, 'currentScript', { value: null, configurable: true });
  return mod;
}

/** The next injected <script>, once it is in the document. */
function nextScript(): Promise<HTMLScriptElement> {
  return new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      const el = document.head.querySelector('script');
      if (el) { seen.disconnect(); resolve(el); }
    });
    seen.observe(document.head, { childList: true });
  });
}

afterEach(() => document.head.replaceChildren());

describe('onDemandScript', () => {
  it('injects the file next to the main file with its SRI hash, and resolves with what the file registered', async () => {
    const { onDemandScript } = await load('https://cdn.test/bp/branch-picker.js');
    let value: { v: number } | undefined;
    const arm = vi.fn(() => () => value);
    const loadIt = onDemandScript('branch-picker.quotes.js', 'sha384-abc', arm);
    const tag = nextScript();
    const p = loadIt();
    expect(loadIt()).toBe(p);
    const el = await tag;
    expect(el.src).toBe('https://cdn.test/bp/branch-picker.quotes.js');
    expect(el.integrity).toBe('sha384-abc');
    expect(el.crossOrigin).toBe('anonymous');
    expect(arm).toHaveBeenCalledTimes(1);
    value = { v: 1 };
    el.onload!(new Event('load'));
    await expect(p).resolves.toEqual({ v: 1 });
    expect(document.head.querySelector('script')).toBeNull();
    expect(loadIt()).toBe(p);
  });

  it('a failed load or a file that did not register rejects, and the next call tries again', async () => {
    const { onDemandScript } = await load('https://cdn.test/bp/branch-picker.js');
    let value: string | undefined;
    const loadIt = onDemandScript('branch-picker.basemap.js', 'sha384-x', () => () => value);
    let tag = nextScript();
    const first = loadIt();
    (await tag).onerror!(new Event('error'));
    await expect(first).rejects.toThrow('branch-picker.basemap.js failed to load from https://cdn.test/bp/branch-picker.basemap.js');
    tag = nextScript();
    const second = loadIt();
    expect(second).not.toBe(first);
    (await tag).onload!(new Event('load'));
    await expect(second).rejects.toThrow('branch-picker.basemap.js did not register (version mismatch?)');
    tag = nextScript();
    const third = loadIt();
    value = 'ok';
    (await tag).onload!(new Event('load'));
    await expect(third).resolves.toBe('ok');
  });

  it('without a <script src> main file it cannot locate the file, and installs no hook', async () => {
    const { onDemandScript } = await load(null);
    const arm = vi.fn(() => () => 1);
    await expect(onDemandScript('branch-picker.quotes.js', 'sha384-x', arm)()).rejects.toThrow(
      'cannot locate branch-picker.quotes.js: branch-picker.js was not loaded by a <script src>',
    );
    expect(arm).not.toHaveBeenCalled();
  });
});

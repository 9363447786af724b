// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './copy.js';

function target(text: string): HTMLElement {
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  pre.textContent = text;
  document.body.append(pre);
  return pre;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('copyText', () => {
  it('writes to the clipboard when it can', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyText('<b>x</b>', target('<b>x</b>'))).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('<b>x</b>');
  });

  it('selects the text for Ctrl+C when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => { throw new DOMException('denied', 'NotAllowedError'); } } });
    const pre = target('npm i branch-picker');
    expect(await copyText('npm i branch-picker', pre)).toBe('selected');
    expect(window.getSelection()?.getRangeAt(0).toString()).toBe('npm i branch-picker');
    expect(document.activeElement).toBe(pre);
  });

  it('selects the text when there is no clipboard API at all', async () => {
    vi.stubGlobal('navigator', {});
    expect(await copyText('abc', target('abc'))).toBe('selected');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveLang } from './index.js';

function setNavigator(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('lang');
  document.body.replaceChildren();
});

describe('resolveLang', () => {
  it('prefers the element\'s own lang', () => {
    document.documentElement.lang = 'en';
    document.body.innerHTML = '<div lang="ru"><branch-picker lang="uk"></branch-picker></div>';
    expect(resolveLang(document.querySelector('branch-picker')!)).toBe('uk');
  });
  it('then the nearest [lang] ancestor', () => {
    document.documentElement.lang = 'ru';
    document.body.innerHTML = '<section lang="en"><div><branch-picker></branch-picker></div></section>';
    expect(resolveLang(document.querySelector('branch-picker')!)).toBe('en');
  });
  it('skips unsupported languages on the way up', () => {
    document.documentElement.lang = 'uk-UA';
    document.body.innerHTML = '<div lang="de"><branch-picker></branch-picker></div>';
    expect(resolveLang(document.querySelector('branch-picker')!)).toBe('uk');
  });
  it('crosses shadow roots to reach the host\'s language', () => {
    document.body.innerHTML = '<div lang="en"><x-host></x-host></div>';
    const host = document.querySelector('x-host')!;
    const inner = document.createElement('branch-picker');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLang(inner)).toBe('en');
  });
  it('then the document, even for a detached element', () => {
    document.documentElement.lang = 'uk';
    expect(resolveLang(document.createElement('branch-picker'))).toBe('uk');
  });
  it('then the browser languages, in order', () => {
    setNavigator(['de-DE', 'en-US', 'ru']);
    document.body.innerHTML = '<branch-picker></branch-picker>';
    expect(resolveLang(document.querySelector('branch-picker')!)).toBe('en');
  });
  it('defaults to Russian', () => {
    setNavigator(['fr-FR']);
    document.body.innerHTML = '<branch-picker></branch-picker>';
    expect(resolveLang(document.querySelector('branch-picker')!)).toBe('ru');
  });
});

import { describe, expect, it } from 'vitest';
import { siteRoot } from './site-root.js';

describe('siteRoot', () => {
  it('finds the root of a site hosted at the origin, however the page address is spelled', () => {
    for (const page of ['/api-mock/demo/', '/api-mock/demo', '/api-mock/demo/index.html', '/api-mock/demo/?lang=en#map']) {
      expect(siteRoot(`http://127.0.0.1:5199${page}`).href).toBe('http://127.0.0.1:5199/');
    }
  });

  it('keeps the sub-path of a project site', () => {
    expect(siteRoot('https://someone.github.io/branch-picker/api-mock/demo').href).toBe('https://someone.github.io/branch-picker/');
    expect(new URL('mockServiceWorker.js', siteRoot('https://someone.github.io/branch-picker/api-mock/demo/')).pathname)
      .toBe('/branch-picker/mockServiceWorker.js');
  });
});

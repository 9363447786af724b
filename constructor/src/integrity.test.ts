import { describe, expect, it } from 'vitest';
import { loadScriptInfo } from './integrity.js';

const fetchReturning = (res: Response | Error) =>
  (async () => {
    if (res instanceof Error) throw res;
    return res;
  }) as unknown as typeof fetch;

describe('loadScriptInfo', () => {
  it('resolves the script URL against the page and reads the hash', async () => {
    const hash = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
    const info = await loadScriptInfo(fetchReturning(Response.json({ 'branch-picker.js': hash })), '/widget/dist', 'https://demo.example/constructor/');
    expect(info).toEqual({ scriptUrl: 'https://demo.example/widget/dist/branch-picker.js', integrity: hash });
  });

  it('reads the build\'s {version, files} layout too', async () => {
    const hash = 'sha384-AAAA';
    const body = { version: '0.1.0', files: { 'branch-picker.js': hash, 'index.js': 'sha384-BBBB' } };
    const info = await loadScriptInfo(fetchReturning(Response.json(body)), '/widget/dist/', 'https://demo.example/');
    expect(info.integrity).toBe(hash);
  });

  it('falls back to no integrity with a reason', async () => {
    const missing = await loadScriptInfo(fetchReturning(new Response('nope', { status: 404 })), 'https://cdn.example/bp/', 'https://demo.example/');
    expect(missing.integrity).toBeUndefined();
    expect(missing.scriptUrl).toBe('https://cdn.example/bp/branch-picker.js');
    expect(missing.problem).toBe('https://cdn.example/bp/integrity.json answered 404');
    const bad = await loadScriptInfo(fetchReturning(Response.json({ 'branch-picker.js': 'md5-"><x>' })), '/d/', 'https://demo.example/');
    expect(bad.integrity).toBeUndefined();
    const down = await loadScriptInfo(fetchReturning(new TypeError('offline')), '/d/', 'https://demo.example/');
    expect(down.problem).toMatch(/offline/);
  });
});

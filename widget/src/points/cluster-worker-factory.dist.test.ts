// The library builds' worker start (cluster-worker-factory.dist.ts) with fake browser globals:
// same-origin stays a plain Worker; a CDN copy runs only from the bytes fetch() verified.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWorker, workerUrl } from './cluster-worker-factory.dist.js';

// The module reads document.currentScript on load; Node has neither, nor the class it checks against.
vi.hoisted(() => {
  (globalThis as { HTMLScriptElement?: unknown }).HTMLScriptElement ??= class {};
});

const SRI = 'sha384-test';
let created: Array<{ url: string; name?: string }>;
let blobs: string[];

class FakeWorker {
  constructor(url: string, opts?: { name?: string }) {
    created.push({ url, name: opts?.name });
  }
}

beforeEach(() => {
  created = [];
  blobs = [];
  vi.useFakeTimers();
  vi.stubGlobal('location', { origin: 'https://shop.example', href: 'https://shop.example/checkout' });
  vi.stubGlobal('Worker', FakeWorker);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    void (b as Blob).text().then((t) => blobs.push(t));
    return 'blob:https://shop.example/1';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('startWorker', () => {
  it('same origin: a plain Worker on the file, synchronously, no fetch', () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const w = startWorker('https://shop.example/widget/branch-picker.worker.js', SRI);
    expect(w).toBeInstanceOf(FakeWorker);
    expect(created).toEqual([{ url: 'https://shop.example/widget/branch-picker.worker.js', name: 'branch-picker-cluster' }]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('cross origin: fetched with the integrity hash (cors, no credentials), started from a blob of the verified text', async () => {
    const fetchSpy = vi.fn(async () => new Response('/* worker */ self.onmessage = null;', { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    const url = 'https://cdn.example/bp/branch-picker.worker.js';
    const w = await startWorker(url, SRI);
    expect(fetchSpy).toHaveBeenCalledWith(url, { integrity: SRI, mode: 'cors', credentials: 'omit' });
    expect(w).toBeInstanceOf(FakeWorker);
    expect(created).toEqual([{ url: 'blob:https://shop.example/1', name: 'branch-picker-cluster' }]);
    await vi.waitFor(() => expect(blobs).toEqual(['/* worker */ self.onmessage = null;']));
    // Nothing imports the CDN URL unverified.
    expect(blobs.join()).not.toContain('importScripts');
    vi.advanceTimersByTime(10_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:https://shop.example/1');
  });

  it('cross origin: an integrity mismatch (fetch rejects) or an HTTP error starts no worker and names the file', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(startWorker('https://cdn.example/bp/branch-picker.worker.js', SRI)).rejects.toThrow(
      /branch-picker\.worker\.js from https:\/\/cdn\.example\/bp\/branch-picker\.worker\.js .*integrity hash \(Failed to fetch\)/,
    );
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 404 })));
    await expect(startWorker('https://cdn.example/bp/branch-picker.worker.js', SRI)).rejects.toThrow(/HTTP 404/);
    expect(created).toEqual([]);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});

describe('workerUrl', () => {
  it('next to the script-tag file, or one folder up from esm/', () => {
    expect(workerUrl('https://cdn.example/bp/1.2.3/branch-picker.js')).toBe('https://cdn.example/bp/1.2.3/branch-picker.worker.js');
    expect(workerUrl('https://cdn.example/npm/branch-picker/dist/widget/esm/index.js')).toBe('https://cdn.example/npm/branch-picker/dist/widget/branch-picker.worker.js');
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrderClient } from './client.js';
import { OrderRetryExhaustedError } from './errors.js';
import { fileStore } from './file-store.js';
import { localStorageStore } from './local-storage-store.js';
import { memoryStore, type PendingIntent } from './pending.js';
import { created, fakeFetch, flush, INTENT, MapStorage, sequence } from './test-fixtures.js';

const rec = (intentId: string, key = `key-${intentId}`): PendingIntent => ({
  intentId, key, input: { ...INTENT, orderNumber: intentId, configId: 'shop-1' }, createdAt: 1_700_000_000_000,
});

describe('memoryStore', () => {
  it('saves, replaces, removes, and hands out copies', async () => {
    const s = memoryStore();
    await s.save(rec('A'));
    await s.save(rec('B'));
    await s.save(rec('A', 'other'));
    const loaded = await s.load();
    expect(loaded.map((p) => [p.intentId, p.key])).toEqual([['A', 'other'], ['B', 'key-B']]);
    loaded[0]!.key = 'mutated';
    expect((await s.load())[0]!.key).toBe('other');
    await s.remove('A');
    expect((await s.load()).map((p) => p.intentId)).toEqual(['B']);
  });
});

describe('localStorageStore', () => {
  it('round-trips records under the prefix and leaves other keys alone', async () => {
    const storage = new MapStorage();
    storage.setItem('unrelated', 'x');
    const s = localStorageStore(storage, 'bp:');
    await s.save(rec('A'));
    expect(storage.getItem('bp:A')).toBe(JSON.stringify(rec('A')));
    expect(await localStorageStore(storage, 'bp:').load()).toEqual([rec('A')]);
    await s.remove('A');
    expect([...storage.map.keys()]).toEqual(['unrelated']);
  });

  it('skips corrupt entries and loads the rest', async () => {
    const storage = new MapStorage();
    storage.setItem('bp:bad-json', '{"intentId":');
    storage.setItem('bp:null', 'null');
    storage.setItem('bp:no-key', JSON.stringify({ ...rec('no-key'), key: undefined }));
    storage.setItem('bp:bad-input', JSON.stringify({ ...rec('bad-input'), input: 'x' }));
    storage.setItem('bp:moved', JSON.stringify(rec('elsewhere')));
    storage.setItem('bp:B', JSON.stringify(rec('B')));
    storage.setItem('other:C', JSON.stringify(rec('C')));
    expect(await localStorageStore(storage, 'bp:').load()).toEqual([rec('B')]);
  });

  it('never throws when the storage does', async () => {
    const broken = {
      get length(): number { throw new DOMException('denied', 'SecurityError'); },
      key: () => { throw new Error('x'); },
      getItem: () => { throw new Error('x'); },
      setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
      removeItem: () => { throw new Error('x'); },
    };
    const s = localStorageStore(broken, 'bp:');
    expect(await s.load()).toEqual([]);
    expect(() => s.save(rec('A'))).not.toThrow();
    expect(() => s.remove('A')).not.toThrow();
  });

  it('keeps the payload byte for byte (untrimmed names included)', async () => {
    const storage = new MapStorage();
    const p = { ...rec('A'), input: { ...rec('A').input, recipient: { ...INTENT.recipient, givenName: ' Ivan ' } } };
    await localStorageStore(storage, 'bp:').save(p);
    expect(JSON.stringify((await localStorageStore(storage, 'bp:').load())[0]!.input)).toBe(JSON.stringify(p.input));
  });
});

describe('fileStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bp-orders-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('survives a new instance, removes, and leaves no temp files', async () => {
    const path = join(dir, 'nested', 'pending.json');
    const s = fileStore(path);
    expect(await s.load()).toEqual([]);
    await s.save(rec('A'));
    await s.save(rec('B'));
    await s.save(rec('A', 'replaced'));
    expect(await fileStore(path).load()).toEqual([rec('B'), rec('A', 'replaced')]);
    await fileStore(path).remove('B');
    expect(await s.load()).toEqual([rec('A', 'replaced')]);
    expect(await readdir(join(dir, 'nested'))).toEqual(['pending.json']);
  });

  it('serialises concurrent changes: none is lost', async () => {
    const path = join(dir, 'pending.json');
    const s = fileStore(path);
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((id) => s.save(rec(id))));
    expect((await fileStore(path).load()).map((p) => p.intentId).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    await Promise.all([s.remove('B'), s.save(rec('F')), s.remove('D')]);
    expect((await fileStore(path).load()).map((p) => p.intentId).sort()).toEqual(['A', 'C', 'E', 'F']);
  });

  it('skips corrupt entries; an unreadable file is moved aside and read as empty', async () => {
    const path = join(dir, 'pending.json');
    await writeFile(path, JSON.stringify([rec('A'), { intentId: 'B' }, 42, rec('C')]));
    expect((await fileStore(path).load()).map((p) => p.intentId)).toEqual(['A', 'C']);
    await writeFile(path, '[{"intentId":"A",');
    expect(await fileStore(path).load()).toEqual([]);
    expect(await readFile(`${path}.corrupt`, 'utf8')).toBe('[{"intentId":"A",');
    expect((await readdir(dir)).sort()).toEqual(['pending.json.corrupt']);
  });

  it('a process restart resumes the pending order with the same key and payload', async () => {
    const path = join(dir, 'pending.json');
    const first = fakeFetch();
    const a = createOrderClient({
      apiBase: 'https://picker.example', configId: 'shop-1', fetch: first.fetch, store: fileStore(path),
      maxAttempts: 2, newKey: () => 'key-1', sleep: async () => {},
    });
    const failed = a.submit(INTENT).catch((e: unknown) => e);
    for (let i = 0; i < 20 && first.calls.length < 1; i++) await flush();
    first.calls[0]!.fail();
    for (let i = 0; i < 20 && first.calls.length < 2; i++) await flush();
    first.calls[1]!.respond(500, 'oops');
    expect(await failed).toBeInstanceOf(OrderRetryExhaustedError);

    const second = fakeFetch();
    const b = createOrderClient({
      apiBase: 'https://picker.example', configId: 'shop-1', fetch: second.fetch, store: fileStore(path),
      newKey: sequence('must-not-be-used'), sleep: async () => {},
    });
    const resumed = b.resume();
    for (let i = 0; i < 20 && second.calls.length < 1; i++) await flush();
    expect(second.calls).toHaveLength(1);
    expect(second.calls[0]!.headers['Idempotency-Key']).toBe('"key-1"');
    expect(second.calls[0]!.body).toBe(first.calls[0]!.body);
    second.calls[0]!.respond(200, created(), { 'Idempotent-Replayed': 'true' });
    expect(await resumed).toEqual([{ intentId: 'A-1001', status: 'fulfilled', value: created() }]);
    expect(await fileStore(path).load()).toEqual([]);
  });
});

import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileJournal } from './file-journal.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileJournal', () => {
  it('replays entries across instances, ignores a torn tail, and never loses the entry written after it', () => {
    dir = mkdtempSync(join(tmpdir(), 'bp-journal-'));
    const a = fileJournal(dir);
    a.append('np', { n: 1 });
    // kill -9 in the middle of a write
    appendFileSync(join(dir, 'np.ndjson'), '{"n":2,"tor');
    const b = fileJournal(dir);
    expect(b.load('np')).toEqual([{ n: 1 }]);
    b.append('np', { n: 3 });
    expect(fileJournal(dir).load('np')).toEqual([{ n: 1 }, { n: 3 }]);
    expect(readFileSync(join(dir, 'np.ndjson'), 'utf8')).toBe('{"n":1}\n{"n":2,"tor\n{"n":3}\n');
  });
});

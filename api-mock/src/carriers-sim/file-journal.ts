// NDJSON journals, one file per carrier store, fsynced per entry. A torn last line (kill -9 mid-write) is ignored
// on replay: that write never returned, so the carrier never answered it.
import { appendFileSync, existsSync, fsyncSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { CarrierJournal } from './journal.js';

export function fileJournal(dir: string): CarrierJournal {
  mkdirSync(dir, { recursive: true });
  const fds = new Map<string, number>();
  const fileOf = (name: string) => join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.ndjson`);
  return {
    load(name) {
      const file = fileOf(name);
      if (!existsSync(file)) return [];
      const out: unknown[] = [];
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          out.push(JSON.parse(line));
        } catch {
          // torn tail
        }
      }
      return out;
    },
    append(name, entry) {
      let fd = fds.get(name);
      if (fd === undefined) {
        fd = openSync(fileOf(name), 'a+');
        fds.set(name, fd);
        // After a torn write the file ends mid-line: start on a new line, or the next entry is lost with the fragment.
        const size = fstatSync(fd).size;
        const last = Buffer.alloc(1);
        if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) appendFileSync(fd, '\n');
      }
      appendFileSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    },
  };
}

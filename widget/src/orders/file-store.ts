// Pending intents in a JSON file, for shops that submit orders from Node (a restart resumes instead of duplicating).
// Node only: a separate entry (`branch-picker/orders/file-store`) so browser bundles never import node:fs.
/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parsePendingIntent, type PendingIntent, type PendingOrderStore } from './pending.js';

/**
 * The whole file is rewritten on each change: written to a temp file, fsynced, then renamed over the old one, so a
 * crash leaves either the old list or the new one. Changes from one store are serialised; several processes sharing
 * one file are not coordinated. Entries that are not pending intents are skipped; an unreadable file is moved aside to
 * `<path>.corrupt` and read as empty.
 */
export function fileStore(path: string): PendingOrderStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function read(): Promise<PendingIntent[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ENOENT') return [];
      throw e;
    }
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch {
      list = undefined;
    }
    if (!Array.isArray(list)) {
      await rename(path, `${path}.corrupt`);
      return [];
    }
    return list.map(parsePendingIntent).filter((p): p is PendingIntent => p !== undefined);
  }

  async function write(list: PendingIntent[]): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(`${JSON.stringify(list, null, 1)}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  return {
    load: () => serial(read),
    save: (p) => serial(async () => write([...(await read()).filter((x) => x.intentId !== p.intentId), p])),
    remove: (intentId) => serial(async () => {
      const list = await read();
      const rest = list.filter((x) => x.intentId !== intentId);
      if (rest.length !== list.length) await write(rest);
    }),
  };
}

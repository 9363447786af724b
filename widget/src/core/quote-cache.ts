// Raw carrier answers by dedupe key, until they expire. Raw (not Quote) because one answer
// serves several points: each point gets its own Quote built from it, with its own pointId.
import type { RawAnswer } from '../model/quote.js';

export interface CachedAnswer {
  raws: readonly RawAnswer[];
  fetchedAt: number;
  expiresAt: number;
}

export class QuoteCache {
  private readonly entries = new Map<string, CachedAnswer>();

  /** Bounded so that a long browsing session cannot grow memory without limit. */
  constructor(private readonly maxEntries = 1000) {}

  /** A live entry, or undefined (expired entries are dropped on sight). */
  get(key: string, now: number): CachedAnswer | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now >= e.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, entry: CachedAnswer): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Maps iterate in insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

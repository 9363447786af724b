/** A source that cannot be read as a points list at all: its message is one line naming the source. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** Let timers and requests run between slices of a long synchronous loop. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How often the array importers yield: a slice of this many records takes a few tens of milliseconds. */
export const SLICE = 2048;

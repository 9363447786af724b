// Generated datasets, kept for the whole run: `stress` costs ~5 s and ~800 MB, so it is built once
// (by the dataset section when it runs, or on first use) and shared by the search and browser sections.
import { generateDataset, type Dataset, type DatasetSize } from '../../api-mock/src/dataset/index.js';

const cache = new Map<DatasetSize, Dataset>();

export function dataset(size: DatasetSize): Dataset {
  let d = cache.get(size);
  if (!d) {
    d = generateDataset({ size });
    cache.set(size, d);
  }
  return d;
}

/** Generate afresh and time it; the result replaces the cached copy. */
export function timedGeneration(size: DatasetSize): { ms: number; dataset: Dataset } {
  cache.delete(size); // let the old copy be collected before timing
  const t = performance.now();
  const d = generateDataset({ size });
  const ms = performance.now() - t;
  cache.set(size, d);
  return { ms, dataset: d };
}

export function forget(size: DatasetSize): void {
  cache.delete(size);
}

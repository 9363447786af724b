// A compact JSON form of the sandbox dataset for static hosting (the browser cannot run the generator).
// Points repeat a handful of opening-hours, holiday, payment and limits values thousands of times (the
// generator shares them as frozen objects); the packed form stores each distinct value once and the
// points refer to it by index. Nothing is dropped: unpacking gives records equal to the generated ones.
import type { Branch } from '../../widget/src/model/index.js';
import type { SandboxDataset } from './context.js';

export const PACKED_DATASET_FORMAT = 'branch-picker-sandbox-dataset/1';

/** Where the static file of a dataset size lives, relative to the site root (the Vite plugin emits it there). */
export function datasetFileName(size: string): string {
  return `sandbox/dataset-${size}.json`;
}

/** Branch fields whose values are few and shared, stored once in `shared`. */
export const SHARED_FIELDS = ['hours', 'exceptions', 'payment', 'limits'] as const;
type SharedField = (typeof SHARED_FIELDS)[number];

export type PackedBranch = Omit<Branch, SharedField> & Record<SharedField, number>;

export interface PackedDataset {
  format: typeof PACKED_DATASET_FORMAT;
  size: string;
  seed: number;
  shared: { [K in SharedField]: Array<Branch[K]> };
  branches: PackedBranch[];
  settlements: SandboxDataset['settlements'];
}

export function packDataset(dataset: SandboxDataset): PackedDataset {
  const shared: PackedDataset['shared'] = { hours: [], exceptions: [], payment: [], limits: [] };
  const seen = new Map<SharedField, Map<string, number>>(SHARED_FIELDS.map((f) => [f, new Map()]));
  // Most records share the very same object, so the identity cache skips almost every stringify.
  const byRef = new Map<object, number>();
  const indexOf = <K extends SharedField>(field: K, value: Branch[K]): number => {
    const hit = byRef.get(value);
    if (hit !== undefined) return hit;
    const key = JSON.stringify(value);
    const table = seen.get(field)!;
    let index = table.get(key);
    if (index === undefined) {
      index = (shared[field] as Array<Branch[K]>).push(value) - 1;
      table.set(key, index);
    }
    byRef.set(value, index);
    return index;
  };
  const branches = dataset.branches.map((b): PackedBranch => ({
    ...b,
    hours: indexOf('hours', b.hours),
    exceptions: indexOf('exceptions', b.exceptions),
    payment: indexOf('payment', b.payment),
    limits: indexOf('limits', b.limits),
  }));
  return { format: PACKED_DATASET_FORMAT, size: dataset.size, seed: dataset.seed, shared, branches, settlements: dataset.settlements };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function isPackedDataset(value: unknown): boolean {
  return isRecord(value) && value.format === PACKED_DATASET_FORMAT;
}

/**
 * Restore the dataset from its packed JSON. Checks the structure (format, arrays, every index in range)
 * and throws with the first problem; the records themselves are our own build output and are not
 * re-validated field by field. Shared values come back shared and frozen, as the generator makes them.
 */
export function unpackDataset(value: unknown): SandboxDataset {
  if (!isRecord(value) || value.format !== PACKED_DATASET_FORMAT) throw new Error(`packed dataset: expected format "${PACKED_DATASET_FORMAT}"`);
  const { shared, branches, settlements, size, seed } = value;
  if (typeof size !== 'string' || typeof seed !== 'number') throw new Error('packed dataset: size or seed missing');
  if (!Array.isArray(branches) || !Array.isArray(settlements) || !isRecord(shared)) throw new Error('packed dataset: branches, settlements or shared missing');
  const tables = new Map<SharedField, readonly unknown[]>();
  for (const field of SHARED_FIELDS) {
    const table = shared[field];
    if (!Array.isArray(table)) throw new Error(`packed dataset: shared.${field} is not an array`);
    tables.set(field, deepFreeze(table));
  }
  const out = branches.map((raw: unknown, i): Branch => {
    if (!isRecord(raw) || typeof raw.id !== 'string') throw new Error(`packed dataset: branches[${i}] is not a point`);
    const record: Record<string, unknown> = { ...raw };
    for (const field of SHARED_FIELDS) {
      const index = raw[field];
      const table = tables.get(field)!;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= table.length) {
        throw new Error(`packed dataset: branches[${i}].${field} = ${String(index)} is not an index into shared.${field}`);
      }
      record[field] = table[index];
    }
    // Structure checked above; field values are the generator's own output (see the comment on the function).
    return record as Branch;
  });
  return { size, seed, branches: out, settlements: settlements as SandboxDataset['settlements'] };
}

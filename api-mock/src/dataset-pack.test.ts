import { describe, expect, it } from 'vitest';
import { generateDataset } from './dataset/index.js';
import { PACKED_DATASET_FORMAT, SHARED_FIELDS, isPackedDataset, packDataset, unpackDataset } from './dataset-pack.js';
import { FIXTURE_DATASET } from './test-support/fixture.js';

/** What the browser receives: JSON text, parsed again. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('packed dataset', () => {
  it('round-trips the hand-made fixture to equal records', () => {
    const unpacked = unpackDataset(overTheWire(packDataset(FIXTURE_DATASET)));
    expect(unpacked).toEqual(FIXTURE_DATASET);
  });

  it('stores each distinct shared value once and restores them shared and frozen', () => {
    const small = generateDataset({ size: 'small' });
    const packed = packDataset(small);
    const wire = JSON.stringify(packed);
    for (const field of SHARED_FIELDS) {
      const distinct = new Set(small.branches.map((b) => JSON.stringify(b[field])));
      expect(packed.shared[field]).toHaveLength(distinct.size);
    }
    // Half the plain size: the repeated hours and limits dominate the records.
    expect(wire.length).toBeLessThan(JSON.stringify(small).length * 0.6);

    const unpacked = unpackDataset(JSON.parse(wire));
    expect(unpacked).toEqual(small);
    const withSameHours = unpacked.branches.filter((b) => JSON.stringify(b.hours) === JSON.stringify(unpacked.branches[0]!.hours));
    expect(withSameHours.length).toBeGreaterThan(1);
    expect(new Set(withSameHours.map((b) => b.hours)).size).toBe(1);
    expect(Object.isFrozen(unpacked.branches[0]!.limits)).toBe(true);
  });

  it('tells its own format from the plain dataset', () => {
    expect(isPackedDataset(overTheWire(packDataset(FIXTURE_DATASET)))).toBe(true);
    expect(isPackedDataset(overTheWire(FIXTURE_DATASET))).toBe(false);
    expect(() => unpackDataset(overTheWire(FIXTURE_DATASET))).toThrow(PACKED_DATASET_FORMAT);
  });

  it('rejects an index outside its shared table, naming the point and field', () => {
    const packed = packDataset(FIXTURE_DATASET);
    packed.branches[1]!.limits = packed.shared.limits.length;
    expect(() => unpackDataset(overTheWire(packed))).toThrow(/branches\[1\]\.limits/);
    const noTable = overTheWire(packDataset(FIXTURE_DATASET)) as { shared: Record<string, unknown> };
    delete noTable.shared.hours;
    expect(() => unpackDataset(noTable)).toThrow(/shared\.hours/);
  });
});

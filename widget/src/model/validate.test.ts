import { describe, expect, it } from 'vitest';
import { z } from './zod.js';
import { parseValidFields } from './validate.js';

const Shape = z.object({
  a: z.optional(z.int()),
  b: z.optional(z.object({ x: z.string(), y: z.int() })),
  c: z.optional(z.string()),
});

describe('parseValidFields', () => {
  it('drops each bad top-level field, naming its first issue, and keeps the good ones', () => {
    const r = parseValidFields(Shape, { a: 'one', b: { x: 1, y: 'two' }, c: 'kept' });
    expect(r.value).toEqual({ c: 'kept' });
    expect(r.dropped.map((d) => d.path)).toEqual(['a', 'b.x']);
  });

  it('a valid object passes whole, with nothing dropped', () => {
    expect(parseValidFields(Shape, { a: 1, c: 'x' })).toEqual({ value: { a: 1, c: 'x' }, dropped: [] });
  });

  it('with nothing to blame, no value, and the issue at path ""', () => {
    const Whole = z.object({ a: z.optional(z.int()) }).check(z.refine(() => false, 'never valid'));
    const r = parseValidFields(Whole, { a: 1 });
    expect(r.value).toBeUndefined();
    expect(r.dropped).toEqual([{ path: '', message: 'never valid' }]);
  });
});

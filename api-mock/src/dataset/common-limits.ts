import type { BranchLimits, LockerCell, PaymentMethod } from '../../../widget/src/model/branch.js';

/** Shared, frozen value objects: identical on thousands of points, so one instance each. */
function cells(list: [LockerCell['size'], number, number, number, number][]): LockerCell[] {
  return Object.freeze(
    list.map(([size, length, width, height, maxWeightG]) =>
      Object.freeze({ size, dimensionsCm: Object.freeze({ length, width, height }), maxWeightG }),
    ),
  ) as LockerCell[];
}

function limits(l: BranchLimits): BranchLimits {
  return Object.freeze(l);
}

const dims = (length: number, width: number, height: number) => Object.freeze({ length, width, height });

export const PAY = {
  all: Object.freeze(['card', 'cash', 'cod']) as PaymentMethod[],
  cashCod: Object.freeze(['cash', 'cod']) as PaymentMethod[],
  card: Object.freeze(['card']) as PaymentMethod[],
  cardCod: Object.freeze(['card', 'cod']) as PaymentMethod[],
  cardCash: Object.freeze(['card', 'cash']) as PaymentMethod[],
};

// Russian Post: a standard parcel is up to 20 kg with L+W+H <= 300 cm; heavy parcels up to 50 kg.
export const RU_LIMITS = {
  office: limits({ maxWeightG: 20_000, maxDimensionsCm: dims(150, 75, 75), maxDeclaredValue: { amount: 50_000_000, currency: 'RUB' } }),
  officeHeavy: limits({ maxWeightG: 50_000, maxDimensionsCm: dims(150, 75, 75), maxDeclaredValue: { amount: 50_000_000, currency: 'RUB' } }),
  locker: limits({
    maxWeightG: 15_000,
    maxDimensionsCm: dims(64, 41, 38),
    maxDeclaredValue: { amount: 10_000_000, currency: 'RUB' },
    lockerCells: cells([['S', 64, 41, 8, 15_000], ['M', 64, 41, 19, 15_000], ['L', 64, 41, 38, 15_000]]),
  }),
  pickup: limits({ maxWeightG: 15_000, maxDimensionsCm: dims(60, 50, 40), maxDeclaredValue: { amount: 5_000_000, currency: 'RUB' } }),
};

// Nova Poshta: branches up to 30 kg (cargo branches 1000 kg); parcel lockers 40x60x30 cm, 20 kg, 10,000 UAH.
export const NP_LIMITS = {
  branch: limits({ maxWeightG: 30_000, maxDimensionsCm: dims(120, 120, 120) }),
  small: limits({ maxWeightG: 10_000, maxDimensionsCm: dims(70, 50, 50) }),
  cargo: limits({ maxWeightG: 1_000_000, maxDimensionsCm: dims(300, 170, 170) }),
  locker: limits({
    maxWeightG: 20_000,
    maxDimensionsCm: dims(60, 40, 30),
    maxDeclaredValue: { amount: 1_000_000, currency: 'UAH' },
    lockerCells: cells([
      ['XS', 60, 40, 6, 20_000], ['S', 60, 40, 10, 20_000], ['M', 60, 40, 19, 20_000], ['L', 60, 40, 30, 20_000],
    ]),
  }),
};

/** Offices, lockers and pickup points of the stress-size carriers, by currency. */
export function otherLimits(currency: string, declared: number) {
  return {
    office: limits({ maxWeightG: 20_000, maxDimensionsCm: dims(150, 70, 70), maxDeclaredValue: { amount: declared * 10, currency } }),
    locker: limits({
      maxWeightG: 25_000,
      maxDimensionsCm: dims(64, 41, 38),
      maxDeclaredValue: { amount: declared, currency },
      lockerCells: cells([['S', 64, 38, 8, 25_000], ['M', 64, 38, 19, 25_000], ['L', 64, 38, 41, 25_000]]),
    }),
    pickup: limits({ maxWeightG: 15_000, maxDimensionsCm: dims(60, 40, 40), maxDeclaredValue: { amount: declared, currency } }),
  };
}

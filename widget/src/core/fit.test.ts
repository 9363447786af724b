import { describe, expect, it } from 'vitest';
import { fitCheck, fitsDimensions, parcelFits } from './fit.js';
import type { BranchLimits, Parcel } from '../model/index.js';

const parcel = (over: Partial<Parcel> = {}): Parcel => ({ weightG: 2000, dimensionsCm: { length: 30, width: 20, height: 10 }, ...over });
const at = (limits: BranchLimits) => ({ limits });

describe('fitCheck', () => {
  it('fits when there are no limits', () => {
    expect(fitCheck(parcel(), at({}))).toEqual({ fits: true });
  });

  it('weight: equal fits, one gram more does not', () => {
    expect(fitCheck(parcel({ weightG: 20_000 }), at({ maxWeightG: 20_000 }))).toEqual({ fits: true });
    expect(fitCheck(parcel({ weightG: 20_001 }), at({ maxWeightG: 20_000 }))).toEqual({ fits: false, reasons: [{ kind: 'too_heavy', maxG: 20_000 }] });
  });

  it('dimensions in any orientation, equal fits', () => {
    const max = { length: 60, width: 40, height: 30 };
    expect(fitsDimensions({ length: 30, width: 60, height: 40 }, max)).toBe(true);
    expect(fitsDimensions({ length: 10, width: 10, height: 59 }, max)).toBe(true);
    expect(fitsDimensions({ length: 61, width: 10, height: 10 }, max)).toBe(false);
    // Two sides of 41 need two sides >= 41: the 60x40x30 box has only one.
    expect(fitCheck(parcel({ dimensionsCm: { length: 41, width: 41, height: 5 } }), at({ maxDimensionsCm: max })))
      .toEqual({ fits: false, reasons: [{ kind: 'too_large', max }] });
  });

  it('declared value in the same currency; other currencies are not compared', () => {
    const max = { amount: 1_000_000, currency: 'UAH' };
    expect(parcelFits(parcel({ declaredValue: { amount: 1_000_000, currency: 'UAH' } }), at({ maxDeclaredValue: max }))).toBe(true);
    expect(fitCheck(parcel({ declaredValue: { amount: 1_000_001, currency: 'UAH' } }), at({ maxDeclaredValue: max })))
      .toEqual({ fits: false, reasons: [{ kind: 'value_too_high', max }] });
    expect(parcelFits(parcel({ declaredValue: { amount: 5_000_000, currency: 'RUB' } }), at({ maxDeclaredValue: max }))).toBe(true);
  });

  it('locker cells: fits if any cell fits by dimensions and weight', () => {
    const lockerCells = [
      { size: 'S' as const, dimensionsCm: { length: 40, width: 10, height: 60 }, maxWeightG: 5000 },
      { size: 'L' as const, dimensionsCm: { length: 40, width: 40, height: 60 }, maxWeightG: 15_000 },
    ];
    expect(parcelFits(parcel({ weightG: 4000, dimensionsCm: { length: 10, width: 40, height: 60 } }), at({ lockerCells }))).toBe(true);
    // Fits S by size but is too heavy for it; L takes it.
    expect(parcelFits(parcel({ weightG: 6000, dimensionsCm: { length: 10, width: 10, height: 10 } }), at({ lockerCells }))).toBe(true);
    // Big enough only for L, heavier than L allows: no cell.
    expect(fitCheck(parcel({ weightG: 16_000, dimensionsCm: { length: 30, width: 30, height: 30 } }), at({ lockerCells })))
      .toEqual({ fits: false, reasons: [{ kind: 'no_locker_cell' }] });
  });

  it('reports every reason at once', () => {
    const r = fitCheck(
      parcel({ weightG: 30_000, dimensionsCm: { length: 100, width: 10, height: 10 }, declaredValue: { amount: 2, currency: 'RUB' } }),
      at({ maxWeightG: 20_000, maxDimensionsCm: { length: 60, width: 40, height: 30 }, maxDeclaredValue: { amount: 1, currency: 'RUB' } }),
    );
    expect(r.fits === false && r.reasons.map((x) => x.kind)).toEqual(['too_heavy', 'too_large', 'value_too_high']);
  });
});

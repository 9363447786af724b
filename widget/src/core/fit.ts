// Will the parcel fit the point? Limits come from Branch.limits; every reason is structured
// so the UI can word it ("parcel too heavy for this locker: max 20 kg").
import type { Branch, DimensionsCm, Money, Parcel } from '../model/index.js';

export type FitReason =
  | { kind: 'too_heavy'; maxG: number }
  | { kind: 'too_large'; max: DimensionsCm }
  | { kind: 'value_too_high'; max: Money }
  | { kind: 'no_locker_cell' };

export type FitResult = { fits: true } | { fits: false; reasons: FitReason[] };

type Triple = [number, number, number];

function sorted(d: DimensionsCm): Triple {
  const t: Triple = [d.length, d.width, d.height];
  return t.sort((a, b) => a - b);
}

/** A box fits another in some orientation iff its sides, both sorted, are each no larger (equal fits). */
export function fitsDimensions(parcel: DimensionsCm, max: DimensionsCm): boolean {
  const p = sorted(parcel);
  const m = sorted(max);
  return p[0] <= m[0] && p[1] <= m[1] && p[2] <= m[2];
}

export function fitCheck(parcel: Parcel, branch: Pick<Branch, 'limits'>): FitResult {
  const { limits } = branch;
  const reasons: FitReason[] = [];
  if (limits.maxWeightG !== undefined && parcel.weightG > limits.maxWeightG) {
    reasons.push({ kind: 'too_heavy', maxG: limits.maxWeightG });
  }
  if (limits.maxDimensionsCm && !fitsDimensions(parcel.dimensionsCm, limits.maxDimensionsCm)) {
    reasons.push({ kind: 'too_large', max: limits.maxDimensionsCm });
  }
  // Values in another currency cannot be compared without a rate: the carrier decides then.
  const max = limits.maxDeclaredValue;
  if (max && parcel.declaredValue && parcel.declaredValue.currency === max.currency && parcel.declaredValue.amount > max.amount) {
    reasons.push({ kind: 'value_too_high', max });
  }
  const cells = limits.lockerCells;
  if (cells && cells.length > 0) {
    const fitsCell = cells.some((c) => parcel.weightG <= c.maxWeightG && fitsDimensions(parcel.dimensionsCm, c.dimensionsCm));
    if (!fitsCell) reasons.push({ kind: 'no_locker_cell' });
  }
  return reasons.length === 0 ? { fits: true } : { fits: false, reasons };
}

/** Shorthand for filters ("hide points the parcel cannot fit"). */
export function parcelFits(parcel: Parcel, branch: Pick<Branch, 'limits'>): boolean {
  return fitCheck(parcel, branch).fits;
}

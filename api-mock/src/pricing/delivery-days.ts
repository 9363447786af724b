// Delivery time by distance: a day of sorting at each end plus trunk transport.

/** Whole days between acceptance and arrival at the destination point, by great-circle distance. */
export function deliveryDays(km: number, speed: 'standard' | 'express'): { min: number; max: number } {
  if (speed === 'express') {
    const min = km <= 50 ? 1 : 1 + Math.ceil(km / 2000);
    return { min, max: min + 1 };
  }
  const min = km <= 50 ? 1 : 1 + Math.ceil(km / 800);
  return { min, max: min + 1 + Math.floor(km / 3000) };
}

/** Nova Poshta promises one date, not a range: next day within a region, up to three days across the country. */
export function novaPoshtaDays(km: number): number {
  if (km <= 400) return 1;
  if (km <= 900) return 2;
  return 3;
}

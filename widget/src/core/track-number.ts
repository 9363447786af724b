// Track numbers of the carriers we connect, with their check digits. Sources: UPU standard S10 (international
// item identifiers), Russian Post's tracking API documentation, tracking.pochta.ru/specification (14-digit
// domestic barcodes), Nova Poshta's API 2.0 documentation, developers.novaposhta.ua (express waybill numbers).
// Connectors validate every number a carrier hands back; the sandbox issues numbers with these generators.

/** UPU S10 check digit over 8 serial digits: weights 8 6 4 2 3 5 9 7, c = 11 - sum mod 11; 10 -> 0, 11 -> 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError('S10 serial must be 8 digits');
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * (weights[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** "RA123456785RU": 2 letters, 8 digits, check digit, 2-letter country. */
export function isS10(value: string): boolean {
  const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value);
  return m !== null && s10CheckDigit(m[2] ?? '') === Number(m[3]);
}

export function makeS10(prefix: string, serial: number, country: string): string {
  const digits = String(serial).padStart(8, '0');
  return `${prefix}${digits}${s10CheckDigit(digits)}${country}`;
}

/** Russian Post domestic check digit over the first 13 digits: weights 3, 1 alternating from the first. */
export function rpDomesticCheckDigit(first13: string): number {
  if (!/^\d{13}$/.test(first13)) throw new RangeError('expected 13 digits');
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(first13[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** 14 digits: accepting office index (6), month (2), serial (5), check digit. */
export function isRussianPostDomestic(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  const month = Number(value.slice(6, 8));
  return month >= 1 && month <= 12 && rpDomesticCheckDigit(value.slice(0, 13)) === Number(value[13]);
}

export function makeRussianPostDomestic(officeIndex: string, month: number, serial: number): string {
  if (!/^\d{6}$/.test(officeIndex)) throw new RangeError('office index must be 6 digits');
  const first13 = `${officeIndex}${String(month).padStart(2, '0')}${String(serial % 100_000).padStart(5, '0')}`;
  return `${first13}${rpDomesticCheckDigit(first13)}`;
}

/** Nova Poshta express waybill ("TTN"): 14 digits starting with 20 or 59 (no published check digit). */
export function isNovaPoshtaTtn(value: string): boolean {
  return /^(?:20|59)\d{12}$/.test(value);
}

/** A Russian Post number either way (domestic barcode or S10). */
export function isRussianPostTrack(value: string): boolean {
  return isRussianPostDomestic(value) || isS10(value);
}

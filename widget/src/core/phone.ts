// Recipient phones, checked against the point's country: carriers text the pickup code to this number, so a
// Ukrainian number for a Russian post office is an order that can never be collected.

/** Country calling codes and national number lengths we check strictly; others get a loose E.164 check. */
const PLANS: Readonly<Record<string, { code: string; national: number; trunk?: string; example: string }>> = {
  RU: { code: '7', national: 10, trunk: '8', example: '+7 912 345-67-89' },
  KZ: { code: '7', national: 10, trunk: '8', example: '+7 701 234-56-78' },
  UA: { code: '380', national: 9, trunk: '0', example: '+380 67 123 4567' },
  BY: { code: '375', national: 9, example: '+375 29 123-45-67' },
  PL: { code: '48', national: 9, example: '+48 512 345 678' },
  UZ: { code: '998', national: 9, example: '+998 90 123 45 67' },
};

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

/** "+7 (912) 345-67-89", "8 912 345 67 89" in Russia, "067 123 4567" in Ukraine -> "+79123456789" / "+380671234567". */
export function normalizePhone(raw: string, country: string): PhoneCheck {
  const trimmed = raw.trim();
  if (!/^\+?[0-9 ()-]+$/.test(trimmed)) return { ok: false, message: 'expected digits, spaces, brackets or dashes' };
  const digits = trimmed.replace(/\D/g, '');
  const plan = PLANS[country];
  if (!plan) {
    return trimmed.startsWith('+') && digits.length >= 8 && digits.length <= 15
      ? { ok: true, e164: `+${digits}` }
      : { ok: false, message: 'expected an international number starting with +' };
  }
  const full = plan.code.length + plan.national;
  let national: string | undefined;
  if (digits.startsWith(plan.code) && digits.length === full) national = digits.slice(plan.code.length);
  else if (trimmed.startsWith('+')) national = undefined; // another country's code
  else if (plan.trunk && digits.startsWith(plan.trunk) && digits.length === plan.trunk.length + plan.national) national = digits.slice(plan.trunk.length);
  else if (digits.length === plan.national) national = digits;
  if (national === undefined) return { ok: false, message: `expected a ${country} number, e.g. ${plan.example}` };
  return { ok: true, e164: `+${plan.code}${national}` };
}

import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+7 (912) 345-67-89', 'RU', '+79123456789'],
    ['8 912 345 67 89', 'RU', '+79123456789'],
    ['79123456789', 'RU', '+79123456789'],
    ['+380 67 123 4567', 'UA', '+380671234567'],
    ['067 123 4567', 'UA', '+380671234567'],
    ['+48 512 345 678', 'PL', '+48512345678'],
    ['+49 30 1234567', 'DE', '+49301234567'],
  ])('%s in %s -> %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['+380 67 123 4567', 'RU', 'expected a RU number, e.g. +7 912 345-67-89'],
    ['+7 912 345-67-89', 'UA', 'expected a UA number, e.g. +380 67 123 4567'],
    ['+7 912 345-67', 'RU', 'expected a RU number, e.g. +7 912 345-67-89'],
    ['call me', 'RU', 'expected digits, spaces, brackets or dashes'],
    ['030 1234567', 'DE', 'expected an international number starting with +'],
  ])('%s in %s is refused: %s', (raw, country, message) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: false, message });
  });
});

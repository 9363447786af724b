import { describe, expect, it } from 'vitest';
import {
  isNovaPoshtaTtn, isRussianPostDomestic, isS10, makeRussianPostDomestic, makeS10, rpDomesticCheckDigit, s10CheckDigit,
} from './track-number.js';

describe('UPU S10', () => {
  it('computes the published example RA123456785RU', () => {
    // 1*8 + 2*6 + 3*4 + 4*2 + 5*3 + 6*5 + 7*9 + 8*7 = 204; 204 mod 11 = 6; 11 - 6 = 5
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(isS10('RA123456785RU')).toBe(true);
    expect(isS10('RA123456784RU')).toBe(false);
  });
  it('maps 10 to 0 and 11 to 5', () => {
    // find serials whose raw check value is 10 and 11 by brute force, with an independent computation
    const raw = (s: string) => 11 - ([8, 6, 4, 2, 3, 5, 9, 7].reduce((a, w, i) => a + w * Number(s[i]), 0) % 11);
    let ten = ''; let eleven = '';
    for (let n = 0; (!ten || !eleven) && n < 100_000; n++) {
      const s = String(n).padStart(8, '0');
      if (!ten && raw(s) === 10) ten = s;
      if (!eleven && raw(s) === 11) eleven = s;
    }
    expect(s10CheckDigit(ten)).toBe(0);
    expect(s10CheckDigit(eleven)).toBe(5);
    expect(isS10(makeS10('RA', Number(ten), 'RU'))).toBe(true);
  });
  it('rejects wrong shapes', () => {
    expect(isS10('ra123456785RU')).toBe(false);
    expect(isS10('RA12345678RU')).toBe(false);
  });
});

describe('Russian Post 14-digit', () => {
  it('weights 3 and 1 from the first digit', () => {
    // 1 0 1 0 0 0 0 1 0 0 0 0 1: 3*1+0+3*1+0+0+0+0+1+0+0+0+0+3*1 = 10 -> check 0
    expect(rpDomesticCheckDigit('1010000100001')).toBe(0);
    // 8 0 0 0 0 0 0 0 0 0 0 0 0 -> 24 -> 6
    expect(rpDomesticCheckDigit('8000000000000')).toBe(6);
    expect(isRussianPostDomestic('80000000000006')).toBe(false); // month 00
  });
  it('round-trips the generator and catches every single-digit error', () => {
    const n = makeRussianPostDomestic('101000', 12, 4321);
    expect(n.slice(0, 13)).toBe('1010001204321');
    expect(isRussianPostDomestic(n)).toBe(true);
    for (let i = 0; i < 14; i++) {
      const d = Number(n[i]);
      const wrong = `${n.slice(0, i)}${(d + 1) % 10}${n.slice(i + 1)}`;
      if (i === 6 || i === 7) continue; // the month may become invalid either way
      expect(isRussianPostDomestic(wrong), `digit ${i}`).toBe(false);
    }
  });
});

describe('Nova Poshta TTN', () => {
  it('is 14 digits starting with 20 or 59', () => {
    expect(isNovaPoshtaTtn('20450708132789')).toBe(true);
    expect(isNovaPoshtaTtn('59000000000001')).toBe(true);
    expect(isNovaPoshtaTtn('21450708132789')).toBe(false);
    expect(isNovaPoshtaTtn('2045070813278')).toBe(false);
  });
});

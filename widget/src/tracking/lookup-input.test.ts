import { describe, expect, it } from 'vitest';
import { makeRussianPostDomestic, makeS10 } from '../core/track-number.js';
import { trackingMessages } from './messages.js';
import { checkLookup, cleanTrackNumber } from './lookup-input.js';

const ru = trackingMessages('ru');
const en = trackingMessages('en');
const RP = makeRussianPostDomestic('101000', 12, 1); // 14 digits with a valid check digit
const S10 = makeS10('RA', 12345678, 'RU');

/** The same number with its last (check) digit changed. */
const wrongCheck = (t: string) => `${t.slice(0, 13)}${(Number(t[13]) + 1) % 10}`;

describe('checkLookup', () => {
  it('accepts a Russian Post number with a Russian phone in any spelling, normalised', () => {
    expect(checkLookup(` ${RP.slice(0, 6)} ${RP.slice(6)} `, '8 (912) 345-67-89', ru)).toEqual({ ok: true, trackNumber: RP, phone: '+79123456789', country: 'RU' });
    expect(checkLookup(S10.toLowerCase(), '+7 912 345 67 89', ru)).toEqual({ ok: true, trackNumber: S10, phone: '+79123456789', country: 'RU' });
  });

  it('reads the phone for the carrier\'s country: a Nova Poshta waybill wants a Ukrainian number', () => {
    expect(checkLookup('20450000000001', '067 123 4567', en)).toEqual({ ok: true, trackNumber: '20450000000001', phone: '+380671234567', country: 'UA' });
    expect(checkLookup('20450000000001', '+7 912 345-67-89', en)).toEqual({ ok: false, errors: { phone: 'Recipient’s phone: expected a number like +380 67 123 4567.' } });
  });

  it('catches a typo by the check digit, naming the field', () => {
    expect(checkLookup(wrongCheck(RP), '+79123456789', ru)).toEqual({ ok: false, errors: { trackNumber: 'Трек-номер: контрольная цифра не сходится, проверьте номер.' } });
    const badS10 = `${S10.slice(0, 10)}${(Number(S10[10]) + 1) % 10}RU`;
    expect(checkLookup(badS10, '+79123456789', en)).toEqual({ ok: false, errors: { trackNumber: 'Track number: the check digit does not match; check the number.' } });
  });

  it('reports both fields at once, each message naming its field', () => {
    const r = checkLookup('12345', '', en);
    expect(r).toEqual({ ok: false, errors: { trackNumber: 'Track number: expected 14 digits or a number like RA123456785RU.', phone: 'Recipient’s phone: enter the number given with the order.' } });
    const empty = checkLookup('', '12', ru);
    expect(empty).toEqual({ ok: false, errors: { trackNumber: 'Трек-номер: введите номер из письма о заказе.', phone: 'Телефон получателя: нужен номер вида +7 912 345-67-89.' } });
  });
});

describe('cleanTrackNumber', () => {
  it('drops spaces and dashes and upper-cases', () => {
    expect(cleanTrackNumber(' ra 1234-5678 5ru ')).toBe('RA123456785RU');
  });
});

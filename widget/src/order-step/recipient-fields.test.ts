import { describe, expect, it } from 'vitest';
import { orderMessages } from './messages.js';
import { recipientFieldOf, validateRecipient, type RecipientDraft } from './recipient-fields.js';

const ru = orderMessages('ru');
const en = orderMessages('en');
const draft = (over: Partial<RecipientDraft> = {}): RecipientDraft => ({ givenName: 'Анна', surname: 'Иванова', phone: '', email: '', ...over });

describe('validateRecipient', () => {
  it.each([
    ['RU', '+7 (912) 345-67-89', '+79123456789'],
    ['RU', '8 912 345 67 89', '+79123456789'],
    ['RU', '9123456789', '+79123456789'],
    ['UA', '+380 67 123 4567', '+380671234567'],
    ['UA', '067 123 4567', '+380671234567'],
  ])('%s accepts %s as %s', (country, phone, e164) => {
    const r = validateRecipient(draft({ phone }), country, ru);
    expect(r).toEqual({ ok: true, recipient: { givenName: 'Анна', surname: 'Иванова', phone: e164 } });
  });

  it.each([
    ['RU', '+380 67 123 4567', 'Телефон: нужен российский номер, например +7 912 345-67-89'],
    ['RU', '+7 912 345', 'Телефон: нужен российский номер, например +7 912 345-67-89'],
    ['UA', '+7 912 345-67-89', 'Телефон: нужен украинский номер, например +380 67 123 4567'],
    ['UA', '067 123 45', 'Телефон: нужен украинский номер, например +380 67 123 4567'],
    ['RU', '+7 912 abc', 'Телефон: только цифры, пробелы, скобки и дефисы'],
    ['RU', '   ', 'Телефон: заполните поле'],
  ])('%s refuses %j with a message naming the field', (country, phone, message) => {
    expect(validateRecipient(draft({ phone }), country, ru)).toEqual({ ok: false, errors: { phone: message } });
  });

  it('names every bad field at once, in the buyer language, and keeps the e-mail optional', () => {
    const r = validateRecipient({ givenName: ' ', surname: 'x'.repeat(101), phone: '+7 912 345-67-89', email: 'not-an-address' }, 'RU', en);
    expect(r).toEqual({
      ok: false,
      errors: { givenName: 'First name: please fill this in', surname: 'Surname: too long', email: 'E-mail: an address like name@example.com' },
    });
    const ok = validateRecipient(draft({ phone: '+79123456789', email: '  a@b.ru ' }), 'RU', ru);
    expect(ok).toEqual({ ok: true, recipient: { givenName: 'Анна', surname: 'Иванова', phone: '+79123456789', email: 'a@b.ru' } });
  });

  it('trims names as the order API does', () => {
    const r = validateRecipient(draft({ givenName: '  Анна ', phone: '+79123456789' }), 'RU', ru);
    expect(r.ok && r.recipient.givenName).toBe('Анна');
  });
});

describe('recipientFieldOf', () => {
  it('maps the order API problem field to a form field', () => {
    expect(recipientFieldOf('recipient.phone')).toBe('phone');
    expect(recipientFieldOf('recipient.givenName')).toBe('givenName');
    expect(recipientFieldOf('parcel.weightG')).toBeUndefined();
    expect(recipientFieldOf('recipient.address')).toBeUndefined();
    expect(recipientFieldOf(undefined)).toBeUndefined();
  });
});

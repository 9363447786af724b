import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, parseIdempotencyKey } from './idempotency.js';
import { csvField, ordersCsv } from './csv.js';

describe('parseIdempotencyKey', () => {
  it.each([
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['  "with space"  ', 'with space'],
    ['"esc\\"aped\\\\"', 'esc"aped\\'],
    [`"${'k'.repeat(255)}"`, 'k'.repeat(255)],
  ])('accepts %s', (header, key) => {
    expect(parseIdempotencyKey(header)).toEqual({ ok: true, key });
  });

  it.each([
    [null, /required/],
    ['', /required/],
    ['""', /must not be empty/],
    [`"${'k'.repeat(256)}"`, /at most 255/],
    ['k'.repeat(256), /at most 255/],
    ['"unterminated', /structured-field string/],
    ['"bad \\x"', /structured-field string/],
    ['"ключ"', /structured-field string/],
    ['two words', /printable ASCII/],
  ])('refuses %s', (header, message) => {
    const r = parseIdempotencyKey(header);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('fingerprint', () => {
  it('is the same for the same data whatever the key order or spacing', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: 'é' } };
    const b = JSON.parse('{ "a": { "x": "é", "y": [1, {"p": 1, "q": 2}] }, "b": 1 }') as unknown;
    expect(canonicalJson(a)).toBe('{"a":{"x":"é","y":[1,{"p":1,"q":2}]},"b":1}');
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any value, array order or type differs', () => {
    const base = fingerprint({ n: 1, list: [1, 2] });
    expect(fingerprint({ n: 2, list: [1, 2] })).not.toBe(base);
    expect(fingerprint({ n: 1, list: [2, 1] })).not.toBe(base);
    expect(fingerprint({ n: '1', list: [1, 2] })).not.toBe(base);
    expect(fingerprint({ n: 1, list: [1, 2], extra: null })).not.toBe(base);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas in untrusted text', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1+cmd')).toBe("'+1+cmd");
    expect(csvField('+79123456789')).toBe('+79123456789');
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('-')).toBe('-');
  });

  it('starts with a BOM and ends every line with CRLF', () => {
    const text = ordersCsv([]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('cash_on_delivery,error\r\n')).toBe(true);
  });
});

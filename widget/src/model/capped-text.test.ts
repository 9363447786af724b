import { describe, expect, it } from 'vitest';
import { Branch } from './branch.js';
import { capText, TEXT_CAPS } from './capped-text.js';
import { SearchSuggestion } from './feed.js';
import { parseEach } from './validate.js';

/** A point as the feed sends it (plain JSON, not a typed Branch: the schema is what is under test). */
function rawPoint(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    carrier: 'russian-post',
    type: 'post_office',
    name: `Отделение ${id}`,
    address: { country: 'RU', region: 'Москва', city: 'Москва', street: 'Тверская', house: '1', postcode: '101000' },
    addressLine: 'Москва, Тверская, 1',
    lat: 55.75,
    lng: 37.61,
    timeZone: 'Europe/Moscow',
    hours: [{ day: 1, open: '09:00', close: '20:00', breaks: [] }],
    exceptions: [{ date: '2026-12-31', closed: true, note: 'Н'.repeat(5000) }],
    payment: ['card'],
    limits: {},
    status: 'temporarily_closed',
    statusNote: 'ремонт '.repeat(2000),
    phone: '8 '.repeat(1000),
    ...over,
  };
}

describe('capText', () => {
  it('leaves text at or under the cap untouched', () => {
    expect(capText('abc', 3)).toBe('abc');
    expect(capText('', 3)).toBe('');
  });

  it('cuts longer text to exactly the cap, ending in an ellipsis', () => {
    expect(capText('abcdef', 4)).toBe('abc…');
    expect(capText('x'.repeat(10_000), 200)).toHaveLength(200);
  });

  it('never leaves half of a surrogate pair before the ellipsis', () => {
    // "a😀b": the cut at 3 would fall between the two halves of 😀 (code units 1 and 2).
    const out = capText('a😀bcdef', 3);
    expect(out).toBe('a…');
    // No lone surrogate anywhere (String#isWellFormed is ES2024, newer than our lib setting).
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out)).toBe(false);
    expect(capText('ab😀cdef', 4)).toBe('ab…'); // the pair would straddle the cut: dropped whole
    expect(capText('ab😀cdef', 5)).toBe('ab😀…'); // the pair fits: kept whole
  });
});

describe('carrier text caps in the feed schemas', () => {
  const long = 'Пункт выдачи заказов '.repeat(500); // 10,500 characters, spaces included

  it('keeps a point with a 10,000-character name and address, truncated to the caps', () => {
    const r = Branch.safeParse(rawPoint('p1', {
      name: long,
      addressLine: long,
      address: { country: 'RU', region: long, city: long, street: long, house: long, postcode: long },
    }));
    expect(r.success).toBe(true);
    if (!r.success) return;
    const b = r.data;
    expect(b.name).toHaveLength(TEXT_CAPS.name);
    expect(b.name.endsWith('…')).toBe(true);
    expect(long.startsWith(b.name.slice(0, -1))).toBe(true);
    expect(b.addressLine).toHaveLength(TEXT_CAPS.addressLine);
    expect(b.address.city).toHaveLength(TEXT_CAPS.name);
    expect(b.address.street).toHaveLength(TEXT_CAPS.addressLine);
    expect(b.address.region).toHaveLength(TEXT_CAPS.addressLine);
    expect(b.address.house).toHaveLength(TEXT_CAPS.house);
    expect(b.address.postcode).toHaveLength(TEXT_CAPS.postcode);
    expect(b.statusNote).toHaveLength(TEXT_CAPS.note);
    expect(b.phone).toHaveLength(TEXT_CAPS.phone);
    expect(b.exceptions[0]!.note).toHaveLength(TEXT_CAPS.note);
    // Everything else is as sent.
    expect(b.id).toBe('p1');
    expect(b.status).toBe('temporarily_closed');
  });

  it('never changes text of a realistic length', () => {
    const name = 'Отделение почтовой связи Нижний Новгород 603000, Почтамт, окно выдачи отправлений до востребования'; // ~100
    const addressLine = 'Нижегородская обл., г. Нижний Новгород, ул. Большая Покровская, д. 56, корп. 2, стр. 1, пом. П3';
    const r = Branch.safeParse(rawPoint('p2', { name, addressLine, statusNote: 'ремонт до 1 декабря', phone: '8 (831) 433-91-05' }));
    expect(r.success && r.data.name).toBe(name);
    expect(r.success && r.data.addressLine).toBe(addressLine);
    expect(r.success && r.data.statusNote).toBe('ремонт до 1 декабря');
    expect(r.success && r.data.phone).toBe('8 (831) 433-91-05');
  });

  it('a hostile record never hides its neighbours', () => {
    const { items, rejected } = parseEach(Branch, [rawPoint('good-1'), rawPoint('huge', { name: 'x'.repeat(10_000) }), rawPoint('good-2')]);
    expect(rejected).toEqual([]);
    expect(items.map((b) => b.id)).toEqual(['good-1', 'huge', 'good-2']);
    expect(items[1]!.name).toHaveLength(TEXT_CAPS.name);
  });

  it('still rejects an empty name, naming the field', () => {
    const { items, rejected } = parseEach(Branch, [rawPoint('empty', { name: '' }), rawPoint('ok')]);
    expect(items.map((b) => b.id)).toEqual(['ok']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.path).toBe('name');
  });

  it('rejects (does not cut) an over-long carrier ref: a cut identifier would name another place', () => {
    const { rejected } = parseEach(Branch, [rawPoint('np', { carrierRefs: { cityRef: 'r'.repeat(300) } })]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.path).toBe('carrierRefs.cityRef');
  });

  it('caps search suggestions too (the combobox shows them)', () => {
    const r = SearchSuggestion.safeParse({ kind: 'point', label: long, id: 'p1', addressLine: long, lat: 55, lng: 37 });
    expect(r.success).toBe(true);
    if (!r.success || r.data.kind !== 'point') return;
    expect(r.data.label).toHaveLength(TEXT_CAPS.name);
    expect(r.data.addressLine).toHaveLength(TEXT_CAPS.addressLine);
  });
});

// The carrier adapters build Branch objects by hand: their text must come out capped exactly as the Branch schema
// caps it (model/capped-text.ts), and real points must come out untouched.
import { describe, expect, it } from 'vitest';
import { TEXT_CAPS } from '../model/capped-text.js';
import { Branch } from '../model/index.js';
import { capBranchText } from './cap-text.js';
import { createNovaPoshtaAdapter } from './nova-poshta.js';
import { createRussianPostAdapter } from './russian-post.js';
import { isCarrierError, type CarrierError } from './types.js';
import warehouses from './fixtures/np-warehouses.json' with { type: 'json' };
import offices from './fixtures/rp-offices.json' with { type: 'json' };

const np = createNovaPoshtaAdapter();
const rp = createRussianPostAdapter();
const HUGE = 'Відділення на дуже довгій вулиці '.repeat(310); // 10,230 characters, no commas (addresses split on them)
const DIGITS = '0'.repeat(10_000);

function ok<T>(v: T | CarrierError): T {
  if (isCarrierError(v)) throw new Error(`unexpected error: ${v.message}`);
  return v;
}

/** `shown` is `full` cut to exactly `cap` with the ellipsis. */
function expectCapped(shown: string | undefined, full: string, cap: number): void {
  expect(shown).toHaveLength(cap);
  expect(shown!.endsWith('…')).toBe(true);
  expect(full.startsWith(shown!.slice(0, -1))).toBe(true);
}

describe('carrier adapters cap carrier text like the Branch schema', () => {
  it('a Nova Poshta warehouse with 10,000-character texts comes out capped, not rejected', () => {
    const b = ok(np.toBranch({
      ...warehouses[0], Description: HUGE, ShortAddress: `${HUGE}, ${HUGE}, ${HUGE}`, CityDescription: HUGE,
      SettlementAreaDescription: HUGE, Phone: DIGITS, PostalCodeUA: DIGITS,
    }));
    expectCapped(b.name, HUGE, TEXT_CAPS.name);
    expectCapped(b.addressLine, HUGE, TEXT_CAPS.addressLine);
    expectCapped(b.address.city, HUGE, TEXT_CAPS.name);
    expectCapped(b.address.region, HUGE, TEXT_CAPS.addressLine);
    expectCapped(b.address.street, HUGE.trim(), TEXT_CAPS.addressLine);
    expectCapped(b.address.house, HUGE.trim(), TEXT_CAPS.house);
    expectCapped(b.address.postcode, DIGITS, TEXT_CAPS.postcode);
    expectCapped(b.phone, DIGITS, TEXT_CAPS.phone);
    // Exactly what the schema would make of it (parsing again changes nothing), identifiers untouched.
    expect(Branch.parse(b)).toEqual(b);
    expect(b.carrierRefs?.warehouseRef).toBe(warehouses[0]!.Ref);
  });

  it('a Russian Post office with 10,000-character texts comes out capped, not rejected', () => {
    const b = ok(rp.toBranch({
      ...offices[0], 'ops-name': HUGE, 'address-source': `${HUGE}, ${HUGE}, ${HUGE}`, settlement: HUGE, region: HUGE,
      phones: [{ 'phone-number': DIGITS, 'phone-town-code': '800' }],
    }));
    expectCapped(b.name, HUGE, TEXT_CAPS.name);
    expectCapped(b.addressLine, HUGE, TEXT_CAPS.addressLine);
    expectCapped(b.address.city, HUGE, TEXT_CAPS.name);
    expectCapped(b.address.region, HUGE, TEXT_CAPS.addressLine);
    expectCapped(b.address.street, HUGE.trim(), TEXT_CAPS.addressLine);
    expectCapped(b.address.house, HUGE.trim(), TEXT_CAPS.house);
    expectCapped(b.phone, `8 (800) ${DIGITS}`, TEXT_CAPS.phone);
    expect(b.address.postcode).toBe('115551');
    expect(b.id).toBe('rp-115551');
    expect(Branch.parse(b)).toEqual(b);
  });

  it('real warehouses and offices come out unchanged', () => {
    const w = warehouses[0]!;
    const b = ok(np.toBranch(w));
    expect([b.name, b.addressLine, b.address.city, b.phone]).toEqual([w.Description, w.ShortAddress, w.CityDescription, w.Phone]);
    expect(b.address.street).toBe('M. Tymoshenka');
    const o = offices[0]!;
    const r = ok(rp.toBranch(o));
    expect([r.addressLine, r.address.city, r.address.region, r.phone]).toEqual([o['address-source'], 'Москва', 'Москва', '8 (800) 1000000']);
    for (const raw of [...warehouses.map((x) => np.toBranch(x)), ...offices.map((x) => rp.toBranch(x))]) {
      const branch = ok(raw);
      expect(capBranchText(structuredClone(branch))).toEqual(branch);
    }
  });

  it('capBranchText caps every text field the Branch schema caps, the notes of exceptions included', () => {
    const base = ok(np.toBranch(warehouses[0]));
    const hostile: Branch = {
      ...base, name: HUGE, addressLine: HUGE, phone: DIGITS, statusNote: HUGE,
      address: { country: 'UA', region: HUGE, city: HUGE, street: HUGE, house: HUGE, postcode: DIGITS },
      exceptions: [{ date: '2026-12-31', closed: true, note: HUGE }],
    };
    const parsed = Branch.parse(hostile);
    expect(capBranchText(structuredClone(hostile))).toEqual(parsed);
    expect(parsed.statusNote).toHaveLength(TEXT_CAPS.note);
  });
});

import { describe, expect, it } from 'vitest';
import { Branch } from '../model/index.js';
import { BpChangeEvent, BpErrorEvent, BpSelectEvent, toBranchDetail } from './events.js';

const branch = Branch.parse({
  id: 'rp-101000',
  carrier: 'russian-post',
  type: 'post_office',
  name: 'Москва 101000',
  address: { country: 'RU', region: 'Москва', city: 'Москва', street: 'Мясницкая ул.', house: '26', postcode: '101000' },
  addressLine: 'Мясницкая ул., 26, Москва',
  lat: 55.7647,
  lng: 37.6376,
  timeZone: 'Europe/Moscow',
  hours: [{ day: 1, open: '08:00', close: '20:00', breaks: [{ from: '13:00', to: '14:00' }] }],
  exceptions: [{ date: '2026-12-31', closed: true, note: 'Новый год' }],
  payment: ['card', 'cash'],
  limits: { maxWeightG: 20000, maxDimensionsCm: { length: 60, width: 40, height: 40 } },
  phone: '+7 800 100-00-00',
  status: 'open',
});

describe('toBranchDetail', () => {
  it('carries every field a shop needs for the order', () => {
    const d = toBranchDetail(branch);
    expect(d).toMatchObject({
      id: 'rp-101000', carrier: 'russian-post', type: 'post_office', name: 'Москва 101000',
      addressLine: 'Мясницкая ул., 26, Москва', city: 'Москва', postcode: '101000', lat: 55.7647, lng: 37.6376,
      timeZone: 'Europe/Moscow', payment: ['card', 'cash'], phone: '+7 800 100-00-00', status: 'open',
    });
    expect(d.address).toEqual(branch.address);
    expect(d.hours).toEqual(branch.hours);
    expect(d.exceptions).toEqual(branch.exceptions);
    expect(d.limits).toEqual(branch.limits);
    expect(Object.keys(d).sort()).toEqual([
      'address', 'addressLine', 'carrier', 'city', 'exceptions', 'hours', 'id', 'lat', 'limits', 'lng', 'name',
      'payment', 'phone', 'postcode', 'status', 'timeZone', 'type',
    ]);
  });

  it('is a detached copy: a shop mutating it cannot corrupt the widget', () => {
    const d = toBranchDetail(branch);
    d.hours[0]!.breaks[0]!.from = '00:00';
    d.address.city = 'X';
    d.payment.push('cod');
    d.limits.maxDimensionsCm!.length = 1;
    expect(branch.hours[0]!.breaks[0]!.from).toBe('13:00');
    expect(branch.address.city).toBe('Москва');
    expect(branch.payment).toEqual(['card', 'cash']);
    expect(branch.limits.maxDimensionsCm!.length).toBe(60);
  });

  it('omits optional fields that are absent', () => {
    const { phone: _p, ...rest } = branch;
    const d = toBranchDetail({ ...rest, status: 'temporarily_closed', statusNote: 'ремонт' });
    expect('phone' in d).toBe(false);
    expect(d.statusNote).toBe('ремонт');
  });
});

describe('events', () => {
  it('bp-select is cancelable; all events bubble and are composed', () => {
    const detail = { branch: toBranchDetail(branch) };
    const select = new BpSelectEvent(detail);
    const change = new BpChangeEvent(detail);
    const error = new BpErrorEvent({ code: 'invalid-attribute', message: 'zoom', field: 'zoom' });
    expect(select.type).toBe('bp-select');
    expect(select.cancelable).toBe(true);
    expect(change.cancelable).toBe(false);
    for (const e of [select, change, error]) {
      expect(e.bubbles).toBe(true);
      expect(e.composed).toBe(true);
    }
    select.preventDefault();
    expect(select.defaultPrevented).toBe(true);
    expect(error.detail.field).toBe('zoom');
  });
});

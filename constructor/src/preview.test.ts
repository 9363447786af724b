import { describe, expect, it } from 'vitest';
import { summarize } from './preview.js';

describe('preview event summaries', () => {
  it('names the point, carrier, id and price of a selection', () => {
    const detail = { branch: { id: 'rp-101000', name: 'Москва 101000', carrier: 'russian-post' }, quote: { total: 34050, currency: 'RUB' } };
    expect(summarize('bp-change', detail).summary).toBe('Москва 101000 (russian-post) #rp-101000 · 340.50 RUB');
    expect(summarize('bp-select', { branch: { name: 'X' } }).summary).toBe('X');
  });

  it('summarises errors, orders and closes', () => {
    expect(summarize('bp-error', { code: 'network', field: 'api-base', message: 'failed' }).summary).toBe('[network] api-base failed');
    expect(summarize('bp-order', { orderId: 'ord_1', status: 'registered', token: 'secret', trackNumber: 'RA1' }).summary).toBe('ord_1 · registered · RA1');
    expect(summarize('bp-close', { committed: true })).toEqual({ summary: '', committed: true });
    expect(summarize('bp-close', {})).toEqual({ summary: '', committed: false });
  });

  it('never throws on a malformed detail and never shows the order token', () => {
    for (const bad of [null, 5, 'x', [], { branch: 7 }, { quote: { total: 'a' } }]) {
      expect(() => summarize('bp-change', bad)).not.toThrow();
    }
    expect(summarize('bp-order', { orderId: 'o', token: 'tok_secret' }).summary).not.toContain('tok_secret');
    expect(summarize('bp-ready', {}).summary).toBe('');
  });
});

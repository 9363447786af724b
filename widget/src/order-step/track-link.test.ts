import { describe, expect, it } from 'vitest';
import { created } from '../orders/test-fixtures.js';
import { trackLink } from './track-link.js';

const order = { ...created('ord_1', 'A/1 2'), trackNumber: 'RA123456785RU' };

describe('trackLink', () => {
  it('fills the placeholders URL-encoded and resolves against the page', () => {
    expect(trackLink('/track?o={orderId}&n={orderNumber}&t={token}&tn={trackNumber}&x={other}', order, 'https://shop.example/checkout/'))
      .toBe('https://shop.example/track?o=ord_1&n=A%2F1%202&t=tok_0123456789abcdef&tn=RA123456785RU&x={other}');
  });

  it('makes no link from a template that is not http(s)', () => {
    expect(trackLink('javascript:alert({orderId})', order, 'https://shop.example/')).toBeUndefined();
    expect(trackLink('data:text/html,{token}', order, 'https://shop.example/')).toBeUndefined();
    expect(trackLink(undefined, order, 'https://shop.example/')).toBeUndefined();
  });
});

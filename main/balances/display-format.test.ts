import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney } from './display-format.ts';

describe('display formats', () => {
  it('groups thousands and rounds half to even at the quote currency\'s decimals', () => {
    expect(formatMoney('98338414.956666279', 'USD')).toBe('98,338,414.96');
    expect(formatMoney('0.125', 'EUR')).toBe('0.12');
    expect(formatMoney('0.135', 'EUR')).toBe('0.14');
    expect(formatMoney('1234.5', 'JPY')).toBe('1,234');
    expect(formatMoney('12.123456789', 'BTC')).toBe('12.12345679');
    expect(formatMoney('-1234567.891', 'USD')).toBe('-1,234,567.89');
    expect(formatMoney('0', 'USD')).toBe('0.00');
  });

  it('shows amounts as sent but grouped and without trailing zeros, never through a float', () => {
    expect(formatAmount('1011.1908877900')).toBe('1,011.19088779');
    expect(formatAmount('500000.00000000')).toBe('500,000');
    expect(formatAmount('9999.9999999999')).toBe('9,999.9999999999');
    expect(formatAmount('123456789012345678.123456789012')).toBe('123,456,789,012,345,678.123456789012');
  });
});

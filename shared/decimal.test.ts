import { describe, expect, it } from 'vitest';
import { sumDecimals, sumIfAllKnown, sumKnownDecimals } from './decimal.ts';
import { compareDecimals, roundDecimal, trimTrailingZeros } from './decimal-string.ts';

describe('decimal helpers', () => {
  it('trims trailing zeros only', () => {
    expect(trimTrailingZeros('198.3970800000')).toBe('198.39708');
    expect(trimTrailingZeros('500000.00000000')).toBe('500000');
    expect(trimTrailingZeros('500000')).toBe('500000');
    expect(trimTrailingZeros('0.0')).toBe('0');
  });

  it('sums exactly where floats would not', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['9007199254740993', '0.0000000001'])).toBe('9007199254740993.0000000001');
    expect(sumDecimals([])).toBe('0');
  });

  it('sums what is known (sumKnownDecimals), or nothing once one value is unknown (sumIfAllKnown)', () => {
    expect(sumKnownDecimals(['12.5', null, '0.25'])).toBe('12.75');
    expect(sumKnownDecimals([null, null])).toBeNull();
    expect(sumKnownDecimals([])).toBeNull();
    expect(sumIfAllKnown(['12.5', '0.25'])).toBe('12.75');
    expect(sumIfAllKnown(['12.5', null, '0.25'])).toBeNull();
    expect(sumIfAllKnown([])).toBe('0');
  });

  it('rounds halves to even for display, and compares', () => {
    expect(roundDecimal('2.345', 2)).toBe('2.34');
    expect(roundDecimal('2.355', 2)).toBe('2.36');
    expect(roundDecimal('-2.3451', 2)).toBe('-2.35');
    expect(compareDecimals('10', '9.99')).toBe(1);
  });

  it('refuses JS numbers outright', () => {
    expect(() => sumDecimals([0.1 as unknown as string])).toThrow();
  });
});

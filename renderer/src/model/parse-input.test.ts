import { describe, expect, it } from 'vitest';
import { readNumberLocale } from '../../../shared/number-locale.ts';
import { parseUserDecimal } from './parse-input.ts';

describe('parseUserDecimal', () => {
  it('reads numbers in the locale the user types in', () => {
    expect(parseUserDecimal('1,234.5', readNumberLocale('en-US'))).toBe('1234.5');
    expect(parseUserDecimal('1.234,5', readNumberLocale('de-DE'))).toBe('1234.5');
    expect(parseUserDecimal('1 234,5', readNumberLocale('fr-FR'))).toBe('1234.5');
    expect(parseUserDecimal('  ', readNumberLocale('en-US'))).toBe('0');
  });

  it('refuses what is not a non-negative decimal', () => {
    const en = readNumberLocale('en-US');
    for (const bad of ['-1', 'abc', '1e5', '1.2.3', '0x10', 'Infinity']) expect(parseUserDecimal(bad, en)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { decimalText, groupDigits } from './decimal-text.ts';
import { formatLocaleTag, readNumberLocale } from './number-locale.ts';

const en = readNumberLocale('en-US');
const de = readNumberLocale('de-DE');
const india = readNumberLocale('en-IN');
const es = readNumberLocale('es-ES');
const fr = readNumberLocale('fr-FR');
const swiss = readNumberLocale('de-CH');

describe('readNumberLocale', () => {
  it('reads separators and grouping from Intl', () => {
    expect([en.group, en.decimal, en.primaryGroup, en.secondaryGroup, en.minGroupingDigits]).toEqual([',', '.', 3, 3, 1]);
    expect([de.group, de.decimal]).toEqual(['.', ',']);
    expect([india.primaryGroup, india.secondaryGroup]).toEqual([3, 2]);
    expect(es.minGroupingDigits).toBe(2);
    expect(fr.group).toBe('\u202f');
    expect(['’', "'"]).toContain(swiss.group);
  });

  it('reads the percent pattern', () => {
    expect([en.percentPrefix, en.percentSuffix]).toEqual(['', '%']);
    expect([de.percentPrefix, de.percentSuffix]).toEqual(['', '\u00a0%']);
  });
});

describe('formatLocaleTag', () => {
  it('turns what an OS reports into a tag Intl accepts, English where it cannot', () => {
    const reported = ['de-DE', 'de_DE', 'ja_JP.UTF-8', 'en-US@posix', 'fr_FR@euro', 'C', '', '??'];
    expect(reported.map(formatLocaleTag)).toEqual(['de-DE', 'de-DE', 'ja-JP', 'en-US', 'fr-FR', 'en-US', 'en-US', 'en-US']);
    expect(readNumberLocale('en-US@posix').locale).toBe('en-US');
  });
});

describe('groupDigits', () => {
  it('groups the way each locale does', () => {
    const cases = [['1234567', en], ['1234567', india], ['1234', es], ['12345', es], ['999', en], ['1000', en]] as const;
    expect(cases.map(([digits, locale]) => groupDigits(digits, locale))).toEqual(['1,234,567', '12,34,567', '1234', '12.345', '999', '1,000']);
  });
});

describe('decimalText', () => {
  it('keeps every digit of amounts far beyond float precision', () => {
    expect(decimalText('12345678901234567890.123456789012345678', en)).toBe('12,345,678,901,234,567,890.123456789012345678');
    expect(decimalText('0.1000000000000000055', en)).toBe('0.1000000000000000055');
  });

  it('uses the locale symbols', () => {
    expect(decimalText('1011.1908877900', de)).toBe('1.011,1908877900');
    expect(decimalText('1213029.2780', fr)).toBe('1\u202f213\u202f029,2780');
  });

  it('writes signs, and never a sign on zero', () => {
    expect(decimalText('-1234.5', en)).toBe('-1,234.5');
    expect(decimalText('1234.5', en, { signed: true })).toBe('+1,234.5');
    expect(decimalText('-0.00', en, { signed: true })).toBe('0.00');
    expect(decimalText('0', en, { signed: true })).toBe('0');
  });
});

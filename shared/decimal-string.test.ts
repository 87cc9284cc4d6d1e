import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import { compareDecimals, compareKeys, decimalKey, isZeroDecimal, isZeroKey, roundDecimal, shiftDecimal, sumKey, sumPlainDecimals, type DecimalKey } from './decimal-string.ts';

const decimal = fc
  .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9]\d{0,20})$/), fc.stringMatching(/^\d{0,18}$/))
  .map(([negative, integer, fraction]) => `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`);

describe('decimal strings', () => {
  it('compare exactly as big.js does', () => {
    fc.assert(fc.property(decimal, decimal, (a, b) => compareDecimals(a, b) === new Decimal(a).cmp(b)), { numRuns: 2000 });
    expect(compareDecimals('0.10', '0.1')).toBe(0);
    expect(compareDecimals('-0', '0')).toBe(0);
  });

  it('round halves to even as big.js roundHalfEven does, without a negative zero', () => {
    const bigRound = (value: string, places: number) => new Decimal(value).toFixed(places, Decimal.roundHalfEven).replace(/^-(?=0(\.0*)?$)/, '');
    fc.assert(fc.property(decimal, fc.integer({ min: 0, max: 10 }), (value, places) => roundDecimal(value, places) === bigRound(value, places)), { numRuns: 2000 });
    expect(roundDecimal('9.995', 2)).toBe('10.00');
    expect(roundDecimal('2.345', 2)).toBe('2.34');
    expect(roundDecimal('2.3451', 2)).toBe('2.35');
    expect(roundDecimal('-0.001', 2)).toBe('0.00');
  });

  it('shift the decimal point', () => {
    fc.assert(fc.property(decimal, fc.integer({ min: -12, max: 12 }), (value, places) => new Decimal(shiftDecimal(value, places)).eq(new Decimal(value).times(new Decimal('10').pow(places)))), { numRuns: 2000 });
    expect(shiftDecimal('0.2534', 2)).toBe('25.34');
    expect(shiftDecimal('12', -3)).toBe('0.012');
  });

  it('compare prepared keys exactly, also where doubles cannot tell the values apart', () => {
    // Pairs that share a long prefix differ only past a double's 15–17 significant digits.
    const near = fc.tuple(decimal, fc.stringMatching(/^\d{1,6}$/), fc.stringMatching(/^\d{1,6}$/)).map(([base, x, y]) => {
      const withFraction = base.includes('.') ? base : `${base}.`;
      return [`${withFraction}${'0'.repeat(20)}${x}`, `${withFraction}${'0'.repeat(20)}${y}`] as const;
    });
    fc.assert(fc.property(near, ([a, b]) => compareKeys(decimalKey(a), decimalKey(b)) === new Decimal(a).cmp(b)), { numRuns: 2000 });
    fc.assert(fc.property(decimal, decimal, (a, b) => compareKeys(decimalKey(a), decimalKey(b)) === new Decimal(a).cmp(b)), { numRuns: 2000 });
    expect(compareKeys(decimalKey('0.30000000000000000001'), decimalKey('0.3'))).toBe(1);
    expect(compareKeys(decimalKey('-0'), decimalKey('0.000'))).toBe(0);
  });

  it('compare keys of sums exactly, adding the decimals up only where the doubles cannot tell', () => {
    const bigSum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Decimal('0'));
    // Terms near a few heads, and 0.1/0.2/0.3, so sums tie or differ only past a double's precision.
    const term = fc.oneof(decimal, fc.constantFrom('0.1', '0.2', '0.3', '-0.1', '1', '2', '3', `0.${'0'.repeat(19)}1`, `-0.${'0'.repeat(19)}1`));
    const terms = fc.array(term, { minLength: 1, maxLength: 5 });
    let exactSums = 0;
    const keyOfSum = (values: readonly string[]): DecimalKey => {
      const key = sumKey(values, () => ((exactSums += 1), bigSum(values).toFixed()));
      if (key === null) throw new Error('no key');
      return key;
    };
    fc.assert(fc.property(terms, terms, (a, b) => compareKeys(keyOfSum(a), keyOfSum(b)) === bigSum(a).cmp(bigSum(b))), { numRuns: 3000 });
    fc.assert(fc.property(terms, decimal, (a, b) => compareKeys(keyOfSum(a), decimalKey(b)) === bigSum(a).cmp(b) && compareKeys(decimalKey(b), keyOfSum(a)) === -bigSum(a).cmp(b)), { numRuns: 3000 });
    fc.assert(fc.property(terms, (a) => isZeroKey(keyOfSum(a)) === bigSum(a).eq('0')), { numRuns: 1000 });
    expect(compareKeys(keyOfSum(['0.1', '0.2']), keyOfSum(['0.3']))).toBe(0);
    expect(compareKeys(keyOfSum(['3', `0.${'0'.repeat(19)}1`]), keyOfSum(['1', '2']))).toBe(1);
    expect(isZeroKey(keyOfSum(['0.1', '0.2', '-0.3']))).toBe(true);
    // Far apart, the doubles decide and nothing is added up.
    exactSums = 0;
    expect(compareKeys(keyOfSum(['1.5', '2']), keyOfSum(['0.1', '0.2']))).toBe(1);
    expect(isZeroKey(keyOfSum(['1.5', '2']))).toBe(false);
    expect(exactSums).toBe(0);
    // An unknown term: no key. A term beyond a double's range: the digits decide.
    expect(sumKey(['1', null], () => '1')).toBeNull();
    expect(compareKeys(keyOfSum([`1${'0'.repeat(400)}`, '1']), keyOfSum([`1${'0'.repeat(400)}`]))).toBe(1);
  });

  it('sum plain decimals exactly, written as big.js writes its sum', () => {
    const padded = fc.tuple(decimal, fc.nat({ max: 3 }), fc.nat({ max: 3 })).map(([value, lead, trail]) => {
      const negative = value.startsWith('-');
      const body = `${'0'.repeat(lead)}${negative ? value.slice(1) : value}${trail > 0 ? (value.includes('.') ? '' : '.') + '0'.repeat(trail) : ''}`;
      return negative ? `-${body}` : body;
    });
    const bigSum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Decimal('0')).toFixed();
    fc.assert(fc.property(fc.array(padded, { maxLength: 6 }), (values) => sumPlainDecimals(values) === bigSum(values)), { numRuns: 2000 });
    expect(sumPlainDecimals(['1.50', '-1.5', '-0'])).toBe('0');
    expect(sumPlainDecimals(['-1.50', '0.25'])).toBe('-1.25');
    expect(sumPlainDecimals(['007.100'])).toBe('7.1');
    expect(sumPlainDecimals(['1e5', '1'])).toBeNull();
    expect(sumPlainDecimals(['.5'])).toBeNull();
  });

  it('knows zero in any spelling', () => {
    expect(['0', '0.000', '-0.0', '000'].every(isZeroDecimal)).toBe(true);
    expect(isZeroDecimal('0.0001')).toBe(false);
  });
});

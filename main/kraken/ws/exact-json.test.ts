import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../decimal.ts';
import { ExactNumber, hasJsonSourceAccess, jsonNumberToDecimal, parseExactJson, readCount, readDecimal } from './exact-json.ts';

const decimalsOf = (text: string): Array<string | null> => (parseExactJson(text) as unknown[]).map(readDecimal);

describe('exact JSON numbers', () => {
  it('this runtime gives JSON.parse revivers the source text (Node 22+, Electron 45)', () => {
    expect(hasJsonSourceAccess()).toBe(true);
  });

  it('keeps the digits a plain JSON.parse loses: 0.1, 0.0000001, trailing zeros, integers past 2^53', () => {
    const text = '[0.1, 0.0000001, 97250.10000, 12345678901234567890, 13834774380200032777, -132.9995, 0, 0.30000000000000004]';
    expect(decimalsOf(text)).toEqual(['0.1', '0.0000001', '97250.10000', '12345678901234567890', '13834774380200032777', '-132.9995', '0', '0.30000000000000004']);
    // What the doubles would have said:
    expect((JSON.parse(text) as number[]).map(String)).toEqual(['0.1', '1e-7', '97250.1', '12345678901234567000', '13834774380200032000', '-132.9995', '0', '0.30000000000000004']);
  });

  it('turns exponent notation into plain decimals by moving the point, not by arithmetic', () => {
    const cases: Array<[string, string | null]> = [
      ['1e-7', '0.0000001'], ['1E-7', '0.0000001'], ['1.5e1', '15'], ['1.5E+2', '150'], ['2.50e-1', '0.250'],
      ['-1.5e-3', '-0.0015'], ['0e5', '0'], ['123.456e2', '12345.6'], ['123.456e-2', '1.23456'], ['7e0', '7'],
      ['9.99e20', '999000000000000000000'], ['1e61', null], ['1e-61', null], ['01', null], ['1.', null], ['.5', null], ['+1', null], ['NaN', null],
    ];
    for (const [source, decimal] of cases) expect([source, jsonNumberToDecimal(source)]).toEqual([source, decimal]);
  });

  it('any decimal string written as a JSON number reads back as exactly that string', () => {
    const decimal = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 39n - 1n }), fc.option(fc.stringMatching(/^\d{1,40}$/), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(fc.property(fc.array(decimal, { minLength: 1, maxLength: 5 }), (values) => {
      const text = `{"data":[${values.map((v) => `{"last":${v}}`).join(',')}]}`;
      const parsed = parseExactJson(text) as { data: Array<{ last: unknown }> };
      expect(parsed.data.map((entry) => readDecimal(entry.last))).toEqual(values);
    }));
  });

  it('exponent forms read back to the same value as an exact decimal parser gives', () => {
    fc.assert(fc.property(
      // Within the app's bounds for an amount (40 digits each side of the point).
      fc.stringMatching(/^[1-9]\d{0,9}$/), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }), fc.integer({ min: -25, max: 20 }),
      (whole, fraction, exponent) => {
        const source = `${whole}${fraction === undefined ? '' : `.${fraction}`}e${exponent}`;
        const decimal = jsonNumberToDecimal(source);
        expect(decimal).not.toBeNull();
        expect(toDecimal(decimal ?? '0').eq(toDecimal(source))).toBe(true);
        expect(decimal).not.toMatch(/e/i);
      },
    ));
  });

  it('leaves strings, booleans, null and structure alone', () => {
    expect(parseExactJson('{"a":"0.1","b":true,"c":null,"d":[{"e":"x"}]}')).toEqual({ a: '0.1', b: true, c: null, d: [{ e: 'x' }] });
    expect(parseExactJson('5')).toBeInstanceOf(ExactNumber);
    expect(() => parseExactJson('{"a":')).toThrow();
  });

  it('reads decimals from numbers and decimal strings, and nothing else', () => {
    expect(readDecimal(new ExactNumber('1.50'))).toBe('1.50');
    expect(readDecimal('1.50')).toBe('1.50');
    expect([readDecimal(1.5), readDecimal('1e5'), readDecimal(null), readDecimal(new ExactNumber('1'.repeat(41)))]).toEqual([null, null, null, null]);
  });

  it('reads counts (sequence, req_id) only when they are whole and exact', () => {
    expect([readCount(new ExactNumber('2')), readCount(new ExactNumber('9007199254740991'))]).toEqual([2, 9007199254740991]);
    expect([readCount(new ExactNumber('9007199254740993')), readCount(new ExactNumber('1.0')), readCount(new ExactNumber('-1')), readCount(2)])
      .toEqual([null, null, null, null]);
  });
});

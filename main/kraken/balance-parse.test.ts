import { describe, expect, it } from 'vitest';
import { parseBalanceEx, parseBalances } from './balance-parse.ts';
import { KrakenError } from './errors.ts';

describe('parseBalances', () => {
  it('keeps every amount exactly as sent, in a null-prototype object', () => {
    const balances = parseBalances({ ZUSD: '171288.6158', XXBT: '1011.1908877900', 'ETH2.S': '198.3970800000' });
    expect(Object.getPrototypeOf(balances)).toBeNull();
    expect({ ...balances }).toEqual({ ZUSD: '171288.6158', XXBT: '1011.1908877900', 'ETH2.S': '198.3970800000' });
    expect(Object.isFrozen(balances)).toBe(true);
  });

  it('accepts negative and large-but-bounded amounts verbatim', () => {
    const big = '9'.repeat(40) + '.' + '1'.repeat(40);
    expect({ ...parseBalances({ A: '-0.5', B: big, C: '0' }) }).toEqual({ A: '-0.5', B: big, C: '0' });
  });

  it.each([
    ['a number', 1.5], ['exponent notation', '1e5'], ['a leading plus', '+1'], ['leading zeros', '01.5'],
    ['a bare dot', '1.'], ['whitespace', ' 1'], ['a comma', '1,5'], ['NaN', 'NaN'], ['an empty string', ''],
    ['an absurd length', '9'.repeat(41)], ['null', null], ['an array', ['1']],
  ])('rejects %s as bad-response', (_label, amount) => {
    try {
      parseBalances({ ZUSD: amount });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KrakenError);
      expect((error as KrakenError).code).toBe('bad-response');
    }
  });

  it('rejects a __proto__ key and survives constructor/toString keys without pollution', () => {
    expect(() => parseBalances(JSON.parse('{"__proto__":"1"}'))).toThrow(KrakenError);
    const balances = parseBalances(JSON.parse('{"constructor":"1","toString":"2"}'));
    expect(balances['constructor']).toBe('1');
    expect(balances['toString']).toBe('2');
    expect(({} as Record<string, unknown>)['constructor']).toBe(Object);
  });

  it('rejects a result that is not an object', () => {
    for (const result of [null, [], 'x', 5, true]) expect(() => parseBalances(result)).toThrow(KrakenError);
  });
});

describe('parseBalanceEx', () => {
  it('computes available = balance + credit − credit_used − hold_trade exactly', () => {
    const parsed = parseBalanceEx({
      ZUSD: { balance: '25435.21', hold_trade: '8249.76' },
      XXBT: { balance: '1.2435', hold_trade: '0.8423', credit: '0.5', credit_used: '0.1' },
      DOT: { balance: '0.1' },
    });
    expect(parsed['ZUSD']).toEqual({ balance: '25435.21', holdTrade: '8249.76', credit: null, creditUsed: null, available: '17185.45' });
    expect(parsed['XXBT']?.available).toBe('0.8012');
    expect(parsed['DOT']).toMatchObject({ holdTrade: null, available: '0.1' });
  });

  it('rejects entries without a readable balance', () => {
    for (const entry of [{}, { balance: 1 }, { balance: '1', hold_trade: 2 }, '1', null]) {
      expect(() => parseBalanceEx({ ZUSD: entry })).toThrow(KrakenError);
    }
  });
});

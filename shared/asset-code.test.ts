import { describe, expect, it } from 'vitest';
import { displayCodeFor, isSpellingOf, parseAssetCode } from './asset-code.ts';

describe('parseAssetCode', () => {
  it.each([
    ['ETH2.S', 'ETH2', 'S', null],
    ['USD.M', 'USD', 'M', null],
    ['USDT.F', 'USDT', 'F', null],
    ['DOT.B', 'DOT', 'B', null],
    ['AAPLx.T', 'AAPLx', 'T', null],
    ['KSM.P', 'KSM', 'P', null],
    ['GRT28.S', 'GRT', 'S', 28],
    ['SOL03.S', 'SOL', 'S', 3],
    ['DOT28.S', 'DOT', 'S', 28],
    ['XXBT', 'XXBT', null, null],
    ['ETH2', 'ETH2', 'S', null],
    ['1INCH', '1INCH', null, null],
  ] as const)('%s → base %s, extension %s, unbonding %s', (code, baseCode, extension, unbondingDays) => {
    expect(parseAssetCode(code)).toEqual({ code, baseCode, extension, unbondingDays });
  });

  it('leaves unknown suffixes alone rather than guessing', () => {
    expect(parseAssetCode('EUR.HOLD')).toEqual({ code: 'EUR.HOLD', baseCode: 'EUR.HOLD', extension: null, unbondingDays: null });
    expect(parseAssetCode('.S').extension).toBeNull();
  });

  it('does not read digits as unbonding days when the caller knows the asset', () => {
    const known = (code: string): boolean => code === 'C98';
    expect(parseAssetCode('C98.S', known)).toMatchObject({ baseCode: 'C98', unbondingDays: null });
  });
});

describe('displayCodeFor', () => {
  it.each([
    ['XBT', 'BTC'], ['XXBT', 'BTC'], ['XDG', 'DOGE'], ['XXDG', 'DOGE'], ['ZUSD', 'USD'], ['ZEUR', 'EUR'],
    ['XETH', 'ETH'], ['ETH2', 'ETH'], ['USDT', 'USDT'], ['DOT', 'DOT'], ['ZETA', 'ZETA'],
  ])('%s → %s', (code, display) => {
    expect(displayCodeFor(code)).toBe(display);
  });
});

describe('isSpellingOf', () => {
  it('knows legacy spellings, listed or not, from assets of their own', () => {
    expect(['XXBT', 'XBT', 'BTC'].map((code) => isSpellingOf(code, 'BTC'))).toEqual([true, true, true]);
    expect(isSpellingOf('XNMC', 'NMC')).toBe(true);
    expect(isSpellingOf('FLOWH', 'FLOW')).toBe(false);
    expect(isSpellingOf('ZEUR', 'USD')).toBe(false);
  });
});

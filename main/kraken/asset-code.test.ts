import { describe, expect, it } from 'vitest';
import { describeAssetCode, describeExtension, displayCodeFor, parseAssetCode, ASSET_EXTENSIONS } from './asset-code.ts';

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
    ['ETH2', 'ETH2', null, null],
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

describe('describeExtension', () => {
  it('has words for every extension', () => {
    expect(Object.fromEntries(ASSET_EXTENSIONS.map((e) => [e, describeExtension(e)]))).toEqual({
      S: 'staked',
      M: 'opt-in rewards',
      B: 'yield-bearing',
      F: 'earning in Kraken Rewards',
      T: 'tokenized',
      P: 'parachain-bonded',
    });
  });

  it('mentions unbonding days', () => {
    expect(describeAssetCode(parseAssetCode('GRT28.S'))).toBe('staked, 28-day unbonding');
    expect(describeAssetCode(parseAssetCode('USD.M'))).toBe('opt-in rewards');
    expect(describeAssetCode(parseAssetCode('XXBT'))).toBe('');
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

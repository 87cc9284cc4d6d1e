import { describe, expect, it } from 'vitest';
import { krakenSpellingsOf } from './asset-code.ts';
import { assetName, searchText } from './asset-search.ts';
import { balanceRow } from './testing/sample-data.ts';

describe('asset search words', () => {
  it('knows common assets by name, under any of Kraken’s codes', () => {
    expect(assetName('BTC')).toBe('Bitcoin');
    expect(assetName('XXBT')).toBe('Bitcoin');
    expect(assetName('XBT')).toBe('Bitcoin');
    expect(assetName('ZEUR')).toBe('Euro');
    expect(assetName('NOPE')).toBeNull();
  });

  it('lists Kraken’s other spellings of a display code', () => {
    expect(krakenSpellingsOf('BTC')).toEqual(['XBT']);
    expect(krakenSpellingsOf('DOGE')).toEqual(['XDG']);
    expect(krakenSpellingsOf('ETH')).toEqual([]);
    expect(krakenSpellingsOf('DOT')).toEqual([]);
  });

  it('searches by name, code, alias and product', () => {
    const staked = searchText(balanceRow('ETH2.S', 'ETH', '1', '1'));
    for (const word of ['ethereum', 'eth2.s', 'staked eth']) expect(staked).toContain(word);
    const doge = searchText(balanceRow('DOGE.F', 'DOGE', '1', '1'));
    for (const word of ['dogecoin', 'xdg', 'doge']) expect(doge).toContain(word);
  });
});

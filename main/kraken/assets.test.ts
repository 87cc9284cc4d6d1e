import { describe, expect, it } from 'vitest';
import { createAssetDirectory, parseAssets } from './assets.ts';
import { KrakenError } from './errors.ts';

const ASSETS = parseAssets({
  XXBT: { aclass: 'currency', altname: 'XBT', decimals: 10, display_decimals: 5, status: 'enabled' },
  XETH: { aclass: 'currency', altname: 'ETH', decimals: 10, display_decimals: 5 },
  ZUSD: { aclass: 'currency', altname: 'USD', decimals: 4, display_decimals: 2 },
  XXDG: { aclass: 'currency', altname: 'XDG', decimals: 8, display_decimals: 2 },
  ETH2: { aclass: 'currency', altname: 'ETH2', decimals: 10, display_decimals: 5 },
  'ETH2.S': { aclass: 'currency', altname: 'ETH2.S', decimals: 10, display_decimals: 5 },
  C98: { aclass: 'currency', altname: 'C98', decimals: 8, display_decimals: 4 },
  GRT: { aclass: 'currency', altname: 'GRT', decimals: 10, display_decimals: 5 },
});

describe('parseAssets', () => {
  it('keeps altname and the documented fields', () => {
    expect(ASSETS.get('XXBT')).toEqual({ code: 'XXBT', altname: 'XBT', aclass: 'currency', decimals: 10, displayDecimals: 5, status: 'enabled' });
    expect(ASSETS.get('XETH')?.status).toBeNull();
  });

  it('rejects entries without a usable altname', () => {
    expect(() => parseAssets({ XXBT: { decimals: 10 } })).toThrow(KrakenError);
    expect(() => parseAssets({ XXBT: { altname: 5 } })).toThrow(KrakenError);
    expect(() => parseAssets([])).toThrow(KrakenError);
  });

  it('reads wrongly typed optional fields as null instead of trusting them', () => {
    expect(parseAssets({ X: { altname: 'X', decimals: '10', display_decimals: 1e9 } }).get('X'))
      .toMatchObject({ decimals: null, displayDecimals: null });
  });
});

describe('asset directory', () => {
  const directory = createAssetDirectory(ASSETS);

  it.each([
    ['XXBT', 'BTC'], ['XBT.M', 'BTC'], ['XETH', 'ETH'], ['ZUSD', 'USD'], ['USD.M', 'USD'], ['XXDG', 'DOGE'],
    ['ETH2', 'ETH'], ['ETH2.S', 'ETH'], ['GRT28.S', 'GRT'], ['SOL03.S', 'SOL'], ['NEWCOIN', 'NEWCOIN'],
  ])('%s is shown as %s', (code, display) => {
    expect(directory.display(code)).toBe(display);
  });

  it('falls back to known legacy codes when Assets is not loaded', () => {
    const bare = createAssetDirectory(new Map());
    expect(['XXBT', 'ZUSD', 'XETH', 'XXDG', 'ZEUR'].map((c) => bare.display(c))).toEqual(['BTC', 'USD', 'ETH', 'DOGE', 'EUR']);
  });

  it('a listed asset whose name ends in digits is not read as unbonding days', () => {
    expect(directory.resolve('C98.S')).toMatchObject({ baseCode: 'C98', unbondingDays: null, display: 'C98' });
    expect(directory.resolve('GRT28.S')).toMatchObject({ baseCode: 'GRT', unbondingDays: 28, extension: 'S' });
  });
});

import { describe, expect, it } from 'vitest';
import { KrakenError } from './errors.ts';
import { parseAssetPairs, parseTicker } from './market-data.ts';

describe('parseAssetPairs', () => {
  it('keeps key, altname, wsname, base, quote and status; drops dark-pool pairs', () => {
    const pairs = parseAssetPairs({
      XXBTZUSD: { altname: 'XBTUSD', wsname: 'XBT/USD', base: 'XXBT', quote: 'ZUSD', status: 'online', fees: [[0, 0.26]] },
      'XXBTZUSD.d': { altname: 'XBTUSD.d', base: 'XXBT', quote: 'ZUSD' },
    });
    expect([...pairs.keys()]).toEqual(['XXBTZUSD']);
    expect(pairs.get('XXBTZUSD')).toEqual({ key: 'XXBTZUSD', altname: 'XBTUSD', wsname: 'XBT/USD', base: 'XXBT', quote: 'ZUSD', status: 'online' });
  });

  it('rejects pairs without base and quote', () => {
    expect(() => parseAssetPairs({ X: { altname: 'X', base: 'XXBT' } })).toThrow(KrakenError);
    expect(() => parseAssetPairs('nope')).toThrow(KrakenError);
  });
});

describe('parseTicker', () => {
  it('takes the last trade price c[0] exactly as sent', () => {
    const tickers = parseTicker({ XXBTZUSD: { a: ['97251.0', '1', '1.000'], b: ['97250.0', '1', '1.000'], c: ['97250.10000', '0.01'] } });
    expect(tickers.get('XXBTZUSD')).toEqual({ pair: 'XXBTZUSD', last: '97250.10000', ask: '97251.0', bid: '97250.0' });
  });

  it('rejects a price that is a number, in exponent notation, or missing', () => {
    for (const c of [[97250.1], ['9.7e4'], [], 'x', undefined]) {
      expect(() => parseTicker({ XXBTZUSD: { c } })).toThrow(KrakenError);
    }
  });
});

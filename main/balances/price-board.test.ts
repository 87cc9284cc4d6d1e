import { describe, expect, it } from 'vitest';
import type { TickerPrice } from '../kraken/ws/index.ts';
import { DAY_AGO_MAX_AGE_MS, PriceBoard } from './price-board.ts';

const price = (last: string | null, change: string | null = null): TickerPrice =>
  ({ symbol: 'BTC/USD', last, bid: null, ask: null, change, changePct: null, high: null, low: null, volume: null, vwap: null, timestamp: null });
const rest = (pair: string, last: string) => new Map([[pair, { pair, last, ask: null, bid: null }]]);

describe('PriceBoard', () => {
  it('keeps REST away from pairs the stream delivers until the stream ends', () => {
    const board = new PriceBoard(() => 0);
    board.fromRest(rest('XXBTZUSD', '100'));
    expect(board.needsRest(['XXBTZUSD', 'XETHZUSD'])).toEqual(['XXBTZUSD', 'XETHZUSD']);
    expect(board.fromStream([{ pair: 'XXBTZUSD', price: price('101.50') }])).toEqual(['XXBTZUSD']);
    expect(board.needsRest(['XXBTZUSD', 'XETHZUSD'])).toEqual(['XETHZUSD']);
    // An older REST answer (the client caches Ticker) never overwrites a pushed price.
    board.fromRest(rest('XXBTZUSD', '100'));
    expect(board.tickers(['XXBTZUSD']).get('XXBTZUSD')?.last).toBe('101.50');
    expect(board.fromStream([{ pair: 'XXBTZUSD', price: price('101.50') }])).toEqual([]);

    board.streamEnded(false);
    expect(board.isStreaming('XXBTZUSD')).toBe(false);
    expect(board.tickers(['XXBTZUSD']).get('XXBTZUSD')?.last).toBe('101.50');
    board.fromRest(rest('XXBTZUSD', '99'));
    expect(board.tickers(['XXBTZUSD']).get('XXBTZUSD')?.last).toBe('99');
  });

  it('derives the price a day ago exactly (last − change) and drops it when it is too old and not streaming', () => {
    let now = 0;
    const board = new PriceBoard(() => now);
    expect(board.fromStream([{ pair: 'XXBTZUSD', price: price('0.1', '0.3') }])).toEqual(['XXBTZUSD']);
    expect(board.dayAgoTickers(['XXBTZUSD']).size).toBe(0); // 0.1 − 0.3 is no price
    board.fromStream([{ pair: 'XXBTZUSD', price: price('0.3', '0.1') }]);
    expect(board.dayAgoTickers(['XXBTZUSD']).get('XXBTZUSD')?.last).toBe('0.2');
    board.fromStream([{ pair: 'XXBTZUSD', price: price(null, '0.05') }]);
    expect(board.dayAgoTickers(['XXBTZUSD']).get('XXBTZUSD')?.last).toBe('0.25');
    board.streamEnded(false);
    now = DAY_AGO_MAX_AGE_MS;
    expect(board.dayAgoTickers(['XXBTZUSD']).size).toBe(1);
    now = DAY_AGO_MAX_AGE_MS + 1;
    expect(board.dayAgoTickers(['XXBTZUSD']).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { AssetInfo, AssetPairInfo, EarnAllocationItem, TickerTable } from '../kraken/index.ts';
import type { TickerPrice } from '../kraken/ws/index.ts';
import { KeyedValuations } from './keyed-valuations.ts';
import type { MarketClient } from './keyed-portfolio.ts';

// A keyed account is valued one way whichever way its prices arrive: what BalanceEx says is available and
// held, the Earn allocations behind its read-only lines and the 24 h change stay on every line when a
// streamed price re-values the account between refreshes, exactly as after the refresh itself.

const asset = (code: string, altname: string): [string, AssetInfo] => [code, { code, altname, aclass: 'currency', decimals: 10, displayDecimals: 5, status: 'enabled' }];
const ETH_USD: AssetPairInfo = { key: 'XETHZUSD', altname: 'ETHUSD', wsname: 'ETH/USD', base: 'XETH', quote: 'ZUSD', status: 'online' };
const staking: EarnAllocationItem = { strategyId: 'S-ETH', nativeAsset: 'XETH', allocated: '2', bonding: null, unbonding: null, rewarded: '0.1', payout: null };
const pushed = (last: string, change: string): TickerPrice =>
  ({ symbol: 'ETH/USD', last, bid: null, ask: null, change, changePct: null, high: null, low: null, volume: null, vwap: null, timestamp: null });

function client(dayAgoPrices: MarketClient['dayAgoPrices'] = () => Promise.resolve(new Map())): MarketClient {
  return {
    dayAgoPrices,
    balanceEx: () => Promise.resolve({
      XETH: { balance: '3', holdTrade: '1', credit: null, creditUsed: null, available: '2' },
      'ETH2.S': { balance: '2', holdTrade: null, credit: null, creditUsed: null, available: '2' },
    }),
    earnAllocations: () => Promise.resolve([staking]),
    assets: () => Promise.resolve(new Map([asset('XETH', 'ETH'), asset('ETH2', 'ETH2'), asset('ZUSD', 'USD')])),
    assetPairs: () => Promise.resolve(new Map([['XETHZUSD', ETH_USD]])),
    ticker: (pairs: readonly string[]): Promise<TickerTable> => Promise.resolve(new Map(pairs.map((pair) => [pair, { pair, last: '3000', ask: null, bid: null }]))),
  } as unknown as MarketClient;
}

describe('KeyedValuations', () => {
  it('keeps BalanceEx funds and Earn on the lines when a streamed price re-values the account, with the 24 h change', async () => {
    const valuations = new KeyedValuations(() => 0);
    const first = valuations.keep('a', await valuations.fetch(client(), { quote: 'USD', rebaseMultiplier: 'rebased' }));
    const eth = (rows: typeof first.rows) => rows.find((row) => row.asset === 'XETH');
    expect(eth(first.rows)).toMatchObject({ price: '3000', available: '2', held: '1', change24hPct: null });
    expect(first.earn).toMatchObject({ allocated: '6000', rewarded: '300', count: 1 });

    expect(valuations.pricesPushed([{ pair: 'XETHZUSD', price: pushed('3300', '300') }])).toEqual(['a']);
    const moved = valuations.revalue('a');
    // 3300 now, 3000 a day ago: +10 %, on the tradable line and the staked one alike.
    expect(eth(moved?.rows ?? [])).toMatchObject({ price: '3300', value: '9900', available: '2', held: '1', change24hPct: '10' });
    expect(moved?.rows.find((row) => row.asset === 'ETH2.S')).toMatchObject({ change24hPct: '10', earn: { sharedWith: [] } });
    expect(moved?.change24h).toEqual({ now: '16500', before: '15000' });
    expect(moved?.earn).toMatchObject({ allocated: '6600', rewarded: '330' });
  });

  describe('the 24 h change without the live ticker', () => {
    const request = { quote: 'USD', rebaseMultiplier: 'rebased' } as const;
    const ohlc = (asked: string[][]): MarketClient['dayAgoPrices'] => (pairs) => {
      asked.push([...pairs]);
      return Promise.resolve(new Map(pairs.map((pair) => [pair, { pair, last: '2400', ask: null, bid: null }])));
    };

    it('asks REST for prices a day ago once the ticker fails, and values the change with them', async () => {
      const asked: string[][] = [];
      const valuations = new KeyedValuations(() => 0);
      const first = valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      // At launch the ticker starts right after the first refresh and delivers the change itself.
      expect(asked).toEqual([]);
      expect(first.change24h).toBeNull();
      valuations.board.streamEnded(false);
      valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      expect(asked).toEqual([]);
      valuations.board.streamEnded(true);
      const second = valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      expect(asked).toEqual([['XETHZUSD']]);
      // 3000 now, 2400 a day ago: +25 %.
      expect(second.rows.find((row) => row.asset === 'XETH')).toMatchObject({ change24hPct: '25' });
      expect(second.change24h).toEqual({ now: '15000', before: '12000' });
    });

    it('asks REST when the ticker has not priced a pair a minute after a refresh first wanted it', async () => {
      const asked: string[][] = [];
      let now = 0;
      const valuations = new KeyedValuations(() => now);
      valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      now = 59_999;
      valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      expect(asked).toEqual([]);
      now = 60_000;
      valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      expect(asked).toEqual([['XETHZUSD']]);
    });

    it('asks nothing while the ticker delivers the change itself', async () => {
      const asked: string[][] = [];
      let now = 0;
      const valuations = new KeyedValuations(() => now);
      valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      valuations.board.streamEnded(true);
      valuations.pricesPushed([{ pair: 'XETHZUSD', price: pushed('3300', '300') }]);
      now = 120_000;
      valuations.keep('a', await valuations.fetch(client(ohlc(asked)), request));
      expect(asked).toEqual([]);
    });

    it('values the balances without the change when REST cannot say', async () => {
      const valuations = new KeyedValuations(() => 0);
      const failing: MarketClient['dayAgoPrices'] = () => Promise.reject(new Error('OHLC down'));
      valuations.board.streamEnded(true);
      const second = valuations.keep('a', await valuations.fetch(client(failing), request));
      expect(second.rows.find((row) => row.asset === 'XETH')).toMatchObject({ price: '3000', change24hPct: null });
      expect(second.change24h).toBeNull();
    });
  });
});

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

function client(): MarketClient {
  return {
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
});

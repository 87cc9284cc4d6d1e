import type { AssetInfo, AssetPairInfo, AssetTable, AssetPairTable, TickerTable } from '../kraken/index.ts';

/**
 * Built-in sample data for demo accounts, which have no key and never touch the network: the balances
 * are the example from Kraken's Balance documentation, valued with a fixed set of sample prices through the
 * same valuePortfolio code real accounts use. The prices are illustrative, not market data.
 */
export const DEMO_BALANCES: Readonly<Record<string, string>> = {
  ZUSD: '171288.6158',
  ZEUR: '504861.8946',
  XXBT: '1011.1908877900',
  XETH: '818.5500000000',
  USDT: '500000.00000000',
  DAI: '9999.9999999999',
  DOT: '2.5000000000',
  'ETH2.S': '198.3970800000',
  ETH2: '2.5885574330',
  'USD.M': '1213029.2780',
};

const asset = (code: string, altname: string, decimals: number, displayDecimals: number): [string, AssetInfo] =>
  [code, { code, altname, aclass: 'currency', decimals, displayDecimals, status: 'enabled' }];

export const DEMO_ASSETS: AssetTable = new Map([
  asset('XXBT', 'XBT', 10, 5),
  asset('XETH', 'ETH', 10, 5),
  asset('ETH2', 'ETH2', 10, 5),
  asset('ETH2.S', 'ETH2.S', 10, 5),
  asset('ZUSD', 'USD', 4, 2),
  asset('USD.M', 'USD.M', 4, 2),
  asset('ZEUR', 'EUR', 4, 2),
  asset('ZGBP', 'GBP', 4, 2),
  asset('ZCAD', 'CAD', 4, 2),
  asset('ZJPY', 'JPY', 2, 0),
  asset('CHF', 'CHF', 4, 2),
  asset('ZAUD', 'AUD', 4, 2),
  asset('USDT', 'USDT', 8, 4),
  asset('USDC', 'USDC', 8, 4),
  asset('DAI', 'DAI', 10, 5),
  asset('DOT', 'DOT', 10, 8),
]);

// [pair key, base code, quote code, sample last price, sample price a day earlier]. Everything reaches
// every quote currency the settings offer, directly or through USD (the price book routes via USD and BTC).
const PAIRS: readonly (readonly [string, string, string, string, string])[] = [
  ['XXBTZUSD', 'XXBT', 'ZUSD', '97250.1', '95010.4'],
  ['XETHZUSD', 'XETH', 'ZUSD', '3650.25', '3702.8'],
  ['XETHXXBT', 'XETH', 'XXBT', '0.03754', '0.03812'],
  ['ZEURZUSD', 'ZEUR', 'ZUSD', '1.0852', '1.0849'],
  ['ZGBPZUSD', 'ZGBP', 'ZUSD', '1.2705', '1.2731'],
  ['ZUSDZCAD', 'ZUSD', 'ZCAD', '1.3841', '1.3838'],
  ['ZUSDZJPY', 'ZUSD', 'ZJPY', '151.42', '150.97'],
  ['USDCHF', 'ZUSD', 'CHF', '0.8823', '0.8831'],
  ['AUDUSD', 'ZAUD', 'ZUSD', '0.6581', '0.6575'],
  ['USDTZUSD', 'USDT', 'ZUSD', '1.0002', '1.00016'],
  ['USDCUSD', 'USDC', 'ZUSD', '0.9999', '0.9999'],
  ['DAIUSD', 'DAI', 'ZUSD', '0.9999', '1.0003'],
  ['DOTUSD', 'DOT', 'ZUSD', '7.1234', '6.8120'],
];

export const DEMO_PAIRS: AssetPairTable = new Map(
  PAIRS.map(([key, base, quote]): [string, AssetPairInfo] => [key, { key, altname: key, wsname: null, base, quote, status: 'online' }]),
);

export const DEMO_TICKER: TickerTable = new Map(
  PAIRS.map(([pair, , , last]) => [pair, { pair, last, ask: null, bid: null }]),
);

/** Sample prices 24 h earlier, for the demo's 24 h change (USDC's did not move). */
export const DEMO_DAY_AGO: TickerTable = new Map(
  PAIRS.map(([pair, , , , before]) => [pair, { pair, last: before, ask: null, bid: null }]),
);

/** Sample hold_trade (BalanceEx): amounts held in open orders. */
export const DEMO_HOLDS: Readonly<Record<string, string>> = {
  XXBT: '12.5000000000',
  ZUSD: '25000.0000',
};

/** The sample balances as Kraken's BalanceEx writes them, with the holds above. */
export function demoBalanceEx(): Record<string, { balance: string; hold_trade: string }> {
  const extended: Record<string, { balance: string; hold_trade: string }> = {};
  for (const [code, balance] of Object.entries(DEMO_BALANCES)) extended[code] = { balance, hold_trade: DEMO_HOLDS[code] ?? '0.0000' };
  return extended;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const at = (now: number, days: number): string => new Date(now + days * DAY_MS).toISOString();

/**
 * Sample Earn/Allocations result in Kraken's own shape, dated around `now`: ETH staked with part of it
 * still bonding and some unbonding (shown on both staked ETH lines, since Kraken does not say which one),
 * and the opt-in USD rewards behind USD.M.
 */
export function demoEarnAllocations(now: number): unknown {
  const amount = (native: string, converted: string) => ({ native, converted });
  return {
    converted_asset: 'USD',
    total_allocated: '1937243.71',
    total_rewarded: '14093.08',
    next_cursor: null,
    items: [
      {
        strategy_id: 'ESDQCOL-WTZEU-NU55QF',
        native_asset: 'ETH',
        amount_allocated: {
          bonding: { ...amount('10.0000000000', '36502.50'), allocation_count: 1, allocations: [{ ...amount('10.0000000000', '36502.50'), created_at: at(now, -2), expires: at(now, 3) }] },
          unbonding: { ...amount('5.0000000000', '18251.25'), allocation_count: 1, allocations: [{ ...amount('5.0000000000', '18251.25'), created_at: at(now, -1), expires: at(now, 6) }] },
          total: amount('198.3970800000', '724196.06'),
        },
        total_rewarded: amount('3.8600000000', '14089.97'),
        payout: { accumulated_reward: amount('0.0412000000', '150.39'), estimated_reward: amount('0.0589000000', '215.00'), period_start: at(now, -4), period_end: at(now, 3) },
      },
      {
        strategy_id: 'ESRFUO3-Q62XD-WIOIL7',
        native_asset: 'USD',
        amount_allocated: { total: amount('1213029.2780', '1213029.28') },
        total_rewarded: amount('3.1100', '3.11'),
        payout: { accumulated_reward: amount('1.0500', '1.05'), estimated_reward: amount('2.6200', '2.62'), period_start: at(now, -20), period_end: at(now, 10) },
      },
    ],
  };
}

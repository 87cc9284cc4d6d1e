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

// [pair key, base code, quote code, sample last price]. Everything reaches every quote currency the
// settings offer, directly or through USD (the price book routes via USD and BTC).
const PAIRS: readonly (readonly [string, string, string, string])[] = [
  ['XXBTZUSD', 'XXBT', 'ZUSD', '97250.1'],
  ['XETHZUSD', 'XETH', 'ZUSD', '3650.25'],
  ['XETHXXBT', 'XETH', 'XXBT', '0.03754'],
  ['ZEURZUSD', 'ZEUR', 'ZUSD', '1.0852'],
  ['ZGBPZUSD', 'ZGBP', 'ZUSD', '1.2705'],
  ['ZUSDZCAD', 'ZUSD', 'ZCAD', '1.3841'],
  ['ZUSDZJPY', 'ZUSD', 'ZJPY', '151.42'],
  ['USDCHF', 'ZUSD', 'CHF', '0.8823'],
  ['AUDUSD', 'ZAUD', 'ZUSD', '0.6581'],
  ['USDTZUSD', 'USDT', 'ZUSD', '1.0002'],
  ['USDCUSD', 'USDC', 'ZUSD', '0.9999'],
  ['DAIUSD', 'DAI', 'ZUSD', '0.9999'],
  ['DOTUSD', 'DOT', 'ZUSD', '7.1234'],
];

export const DEMO_PAIRS: AssetPairTable = new Map(
  PAIRS.map(([key, base, quote]): [string, AssetPairInfo] => [key, { key, altname: key, wsname: null, base, quote, status: 'online' }]),
);

export const DEMO_TICKER: TickerTable = new Map(
  PAIRS.map(([pair, , , last]) => [pair, { pair, last, ask: null, bid: null }]),
);

// Test-only credentials and market data. The credentials are random and valid nowhere but here; they
// have Kraken's shapes (API key: 56 base64 characters; private key: base64 of 64 bytes), so the app's
// own key checks accept them.
import { DEMO_BALANCES } from '../../main/balances/demo-data.ts';

export const FAKE_API_KEY = 'QUiXxTnvdl2RtSa+qltrJnmgnBOajvSTQiT6Bkg318YL9SDBiXfPF+V/';
export const FAKE_API_SECRET = 'zB8qbG1dUnmkk3Gr5UgVbatcVSDbco1P+NX9l8wu0n6Rjm/x21hikCfii3hT81Zf7QzXY+3tFAvl/HmOYZV+aA==';

/** A second funded key, so two clients (e.g. ours and ccxt in the bench) never share nonces. */
export const FAKE_SECOND_API_KEY = 'hbT38c6vKqJ817n9jlrydOT8VO9BnhOoPetGmiNRQ9XAZiY6L8krzjOZ';
export const FAKE_SECOND_API_SECRET = '5mC+a66cssw2a4BCakkrX5h/ghD1t9vOurNFwr6SaNLv0rWoATC98M8M5i6ZffHxZGVkwxKSl0I+AvouTS3ojw==';

/** A key created without "Funds permissions: Query": balance calls get 'EGeneral:Permission denied'. */
export const FAKE_NO_FUNDS_API_KEY = 'MnmDQE8S3wOlUNQeXcJhhCCpW/4m9z2HBzI6aZ5Ogb4sL18jD5D1MduF';
export const FAKE_NO_FUNDS_API_SECRET = 'I+JOX7Wz7Sp3HMFphtQfAAOosuZ69k8UuRcN8LqI84ZnyvlYisEoPurJU0oNGTeKggKd4DHHZsyzaUbOFwy7VQ==';

/** A funded key created without "WebSocket interface: On": GetWebSocketsToken gets 'EGeneral:Permission denied'. */
export const FAKE_NO_WS_API_KEY = '4GTFRD2g4TL2He5m8zxE4pFgnCM9n/5rUXyWmOBt/yJy/HQus1yrEbvD';
export const FAKE_NO_WS_API_SECRET = 'MlEYJBqL5QPViTuno1K5jKhW4YEuEBjHLvNKcnfhr9U7IeHxlNYaPe5LMSZhznu4IbGL6omygQdsGRliEIbqyA==';

/** The keys a fake Kraken knows unless given others: the two funded ones first, then the restricted ones. */
export const DEFAULT_KEYS = [
  { name: 'main', apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET },
  { name: 'second', apiKey: FAKE_SECOND_API_KEY, apiSecret: FAKE_SECOND_API_SECRET },
  { name: 'no funds', apiKey: FAKE_NO_FUNDS_API_KEY, apiSecret: FAKE_NO_FUNDS_API_SECRET, canQueryFunds: false },
  { name: 'no WebSocket', apiKey: FAKE_NO_WS_API_KEY, apiSecret: FAKE_NO_WS_API_SECRET, canUseWebSockets: false },
] as const;

/** The example from Kraken's Balance documentation: the same sample the app's demo account shows. */
export const DEFAULT_BALANCES: Readonly<Record<string, string>> = DEMO_BALANCES;

export interface FakeAsset {
  readonly aclass: string;
  readonly altname: string;
  readonly decimals: number;
  readonly display_decimals: number;
  readonly status: string;
  readonly collateral_value?: number;
  readonly margin_rate?: number;
}

const asset = (altname: string, decimals: number, displayDecimals: number): FakeAsset => ({
  aclass: 'currency',
  altname,
  decimals,
  display_decimals: displayDecimals,
  status: 'enabled',
});

export const DEFAULT_ASSETS: Readonly<Record<string, FakeAsset>> = {
  XXBT: asset('XBT', 10, 5),
  'XBT.M': asset('XBT.M', 10, 5),
  XETH: asset('ETH', 10, 5),
  ETH2: asset('ETH2', 10, 5),
  'ETH2.S': asset('ETH2.S', 10, 5),
  ZUSD: asset('USD', 4, 2),
  'USD.M': asset('USD.M', 4, 2),
  ZEUR: asset('EUR', 4, 2),
  ZGBP: asset('GBP', 4, 2),
  USDT: asset('USDT', 8, 4),
  'USDT.F': asset('USDT.F', 8, 4),
  DAI: asset('DAI', 10, 5),
  DOT: asset('DOT', 10, 8),
  'DOT.S': asset('DOT.S', 10, 8),
  'DOT28.S': asset('DOT28.S', 10, 8),
  'DOT.P': asset('DOT.P', 10, 8),
  XXDG: asset('XDG', 8, 2),
  SOL: asset('SOL', 10, 5),
  'SOL03.S': asset('SOL03.S', 10, 5),
  GRT: asset('GRT', 10, 5),
  'GRT28.S': asset('GRT28.S', 10, 5),
};

export interface FakePairSpec {
  readonly key: string;
  readonly altname: string;
  readonly wsname: string;
  readonly base: string;
  readonly quote: string;
  /** Last trade price, a decimal string. */
  readonly last: string;
}

const pair = (key: string, altname: string, wsname: string, base: string, quote: string, last: string): FakePairSpec =>
  ({ key, altname, wsname, base, quote, last });

/** Enough pairs to value the default balances in USD, EUR, GBP, USDT and BTC, some only via USD or BTC. */
export const DEFAULT_PAIRS: readonly FakePairSpec[] = [
  pair('XXBTZUSD', 'XBTUSD', 'XBT/USD', 'XXBT', 'ZUSD', '97250.10000'),
  pair('XXBTZEUR', 'XBTEUR', 'XBT/EUR', 'XXBT', 'ZEUR', '89612.40000'),
  pair('XXBTZGBP', 'XBTGBP', 'XBT/GBP', 'XXBT', 'ZGBP', '76540.00000'),
  pair('XBTUSDT', 'XBTUSDT', 'XBT/USDT', 'XXBT', 'USDT', '97230.50000'),
  pair('XETHZUSD', 'ETHUSD', 'ETH/USD', 'XETH', 'ZUSD', '3650.25000'),
  pair('XETHZEUR', 'ETHEUR', 'ETH/EUR', 'XETH', 'ZEUR', '3363.10000'),
  pair('XETHZGBP', 'ETHGBP', 'ETH/GBP', 'XETH', 'ZGBP', '2873.40000'),
  pair('XETHXXBT', 'ETHXBT', 'ETH/XBT', 'XETH', 'XXBT', '0.03754000'),
  pair('ETHUSDT', 'ETHUSDT', 'ETH/USDT', 'XETH', 'USDT', '3649.80000'),
  pair('ETH2.SETH', 'ETH2.SETH', 'ETH2.S/ETH', 'ETH2.S', 'XETH', '0.99870'),
  pair('USDTZUSD', 'USDTUSD', 'USDT/USD', 'USDT', 'ZUSD', '1.00020000'),
  pair('USDTEUR', 'USDTEUR', 'USDT/EUR', 'USDT', 'ZEUR', '0.92140000'),
  pair('DAIUSD', 'DAIUSD', 'DAI/USD', 'DAI', 'ZUSD', '0.99990'),
  pair('DAIEUR', 'DAIEUR', 'DAI/EUR', 'DAI', 'ZEUR', '0.92100'),
  pair('DOTUSD', 'DOTUSD', 'DOT/USD', 'DOT', 'ZUSD', '7.1234'),
  pair('DOTEUR', 'DOTEUR', 'DOT/EUR', 'DOT', 'ZEUR', '6.5640'),
  pair('DOTGBP', 'DOTGBP', 'DOT/GBP', 'DOT', 'ZGBP', '5.6100'),
  pair('DOTXBT', 'DOTXBT', 'DOT/XBT', 'DOT', 'XXBT', '0.00007325'),
  pair('ZEURZUSD', 'EURUSD', 'EUR/USD', 'ZEUR', 'ZUSD', '1.08520'),
  pair('ZGBPZUSD', 'GBPUSD', 'GBP/USD', 'ZGBP', 'ZUSD', '1.27050'),
  pair('XDGUSD', 'XDGUSD', 'XDG/USD', 'XXDG', 'ZUSD', '0.3812000'),
  pair('SOLUSD', 'SOLUSD', 'SOL/USD', 'SOL', 'ZUSD', '182.45'),
  pair('GRTUSD', 'GRTUSD', 'GRT/USD', 'GRT', 'ZUSD', '0.21450'),
];

const FEES = [[0, 0.4], [10000, 0.35], [50000, 0.24], [100000, 0.22], [250000, 0.2], [500000, 0.18], [1000000, 0.16]];
const FEES_MAKER = [[0, 0.25], [10000, 0.2], [50000, 0.14], [100000, 0.12], [250000, 0.1], [500000, 0.08], [1000000, 0.06]];

/** The full /0/public/AssetPairs entry shape, since ccxt reads most of these fields. */
export function assetPairEntry(spec: FakePairSpec): Record<string, unknown> {
  const priceDecimals = spec.last.split('.')[1]?.length ?? 1;
  return {
    altname: spec.altname,
    wsname: spec.wsname,
    aclass_base: 'currency',
    base: spec.base,
    aclass_quote: 'currency',
    quote: spec.quote,
    lot: 'unit',
    cost_decimals: 5,
    pair_decimals: priceDecimals,
    lot_decimals: 8,
    lot_multiplier: 1,
    leverage_buy: [],
    leverage_sell: [],
    fees: FEES,
    fees_maker: FEES_MAKER,
    fee_volume_currency: 'ZUSD',
    margin_call: 80,
    margin_stop: 40,
    ordermin: '0.0001',
    costmin: '0.5',
    tick_size: `0.${'0'.repeat(Math.max(0, priceDecimals - 1))}1`,
    status: 'online',
  };
}

/** A /0/public/Ticker entry around `last`; only c[0] matters for valuation. */
export function tickerEntry(last: string): Record<string, unknown> {
  return {
    a: [last, '1', '1.000'],
    b: [last, '2', '2.000'],
    c: [last, '0.05000000'],
    v: ['1204.51839107', '2345.29183520'],
    p: [last, last],
    t: [23871, 48213],
    l: [last, last],
    h: [last, last],
    o: last,
  };
}

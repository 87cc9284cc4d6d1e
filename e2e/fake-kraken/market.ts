import Big from 'big.js';
import { fail, jsonNumber, ok, rfc3339, type Reply } from './envelope.ts';
import { assetPairEntry, tickerEntry, type FakeAsset, type FakePairSpec } from './fixtures.ts';

/**
 * Public market data: Assets and AssetPairs (fixed), and prices that tests move through setPrices, served
 * both by REST Ticker (decimal strings) and by the WebSocket v2 ticker channel (JSON numbers, v2 symbols).
 */
export interface FakeMarket {
  publicReply(method: string, query: URLSearchParams): Reply;
  /** Asset code → its Assets entry (for altnames). */
  readonly assets: Readonly<Record<string, FakeAsset>>;
  /**
   * New last prices by pair key, altname, REST wsname or v2 symbol (XXBTZUSD, XBTUSD, XBT/USD, BTC/USD).
   * Throws on an unknown pair or a price that is not a plain decimal string, changing nothing.
   * Returns the v2 symbols whose price changed.
   */
  setPrices(prices: Readonly<Record<string, string>>): string[];
  hasSymbol(symbol: string): boolean;
  /** The v2 ticker entry for a symbol, numbers written with the price's exact digits. */
  tickerData(symbol: string): Record<string, unknown> | undefined;
}

const DECIMAL_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

// Written here independently of the app's mapping (main/kraken/ws/symbols.ts) on purpose.
const V2_RENAMES: Readonly<Record<string, string>> = { XBT: 'BTC', XDG: 'DOGE' };
export const v2Symbol = (wsname: string): string => wsname.split('/').map((leg) => V2_RENAMES[leg] ?? leg).join('/');

interface PriceState {
  readonly spec: FakePairSpec;
  readonly symbol: string;
  /** The price 24 h ago, for change and change_pct: the fixture's price. */
  readonly open: string;
  last: string;
  low: string;
  high: string;
  at: number;
}

export function createFakeMarket(
  assets: Readonly<Record<string, FakeAsset>>,
  pairs: readonly FakePairSpec[],
  now: () => number,
): FakeMarket {
  const assetsReply = ok(assets);
  const pairsReply = ok(Object.fromEntries(pairs.map((p) => [p.key, assetPairEntry(p)])));
  const prices = new Map<string, PriceState>(pairs.map((spec) => [spec.key, {
    spec, symbol: v2Symbol(spec.wsname), open: spec.last, last: spec.last, low: spec.last, high: spec.last, at: now(),
  }]));
  const bySymbol = new Map([...prices.values()].map((p) => [p.symbol, p]));
  const find = (name: string): PriceState | undefined =>
    prices.get(name) ?? bySymbol.get(name) ?? [...prices.values()].find((p) => p.spec.altname === name || p.spec.wsname === name);

  const ticker = (query: URLSearchParams): Reply => {
    const wanted = query.get('pair');
    const names = wanted === null || wanted === '' ? [...prices.keys()] : wanted.split(',');
    const result: Record<string, unknown> = {};
    for (const name of names) {
      const state = prices.get(name) ?? [...prices.values()].find((p) => p.spec.altname === name);
      if (state === undefined) return fail('EQuery:Unknown asset pair');
      result[state.spec.key] = tickerEntry(state.last);
    }
    return ok(result);
  };

  return {
    assets,
    publicReply(method, query) {
      if (method === 'OHLC') return ohlc(query, prices, now);
      switch (method) {
        case 'Time': {
          const t = now();
          return ok({ unixtime: Math.floor(t / 1000), rfc1123: new Date(t).toUTCString() });
        }
        case 'SystemStatus':
          return ok({ status: 'online', timestamp: new Date(now()).toISOString() });
        case 'Assets':
          return assetsReply;
        case 'AssetPairs':
          return pairsReply;
        case 'Ticker':
          return ticker(query);
        default:
          return fail('EGeneral:Unknown method', 404);
      }
    },
    setPrices(next) {
      const updates = Object.entries(next).map(([name, last]) => {
        const state = find(name);
        if (state === undefined) throw new Error(`fake kraken: unknown pair ${name}`);
        if (!DECIMAL_RE.test(last)) throw new Error(`fake kraken: price for ${name} is not a decimal string`);
        return { state, last };
      });
      const changed: string[] = [];
      for (const { state, last } of updates) {
        if (state.last === last) continue;
        state.last = last;
        if (new Big(last).lt(state.low)) state.low = last;
        if (new Big(last).gt(state.high)) state.high = last;
        state.at = now();
        changed.push(state.symbol);
      }
      return changed;
    },
    hasSymbol: (symbol) => bySymbol.has(symbol),
    tickerData(symbol) {
      const state = bySymbol.get(symbol);
      if (state === undefined) return undefined;
      const change = new Big(state.last).minus(state.open);
      const changePct = new Big(state.open).eq(0) ? new Big(0) : change.div(state.open).times(100);
      return {
        symbol,
        bid: jsonNumber(state.last),
        bid_qty: jsonNumber('2.00000000'),
        ask: jsonNumber(state.last),
        ask_qty: jsonNumber('1.00000000'),
        last: jsonNumber(state.last),
        volume: jsonNumber('1204.51839107'),
        vwap: jsonNumber(state.last),
        low: jsonNumber(state.low),
        high: jsonNumber(state.high),
        change: jsonNumber(change.toFixed()),
        change_pct: jsonNumber(changePct.toFixed(2)),
        timestamp: rfc3339(state.at),
      };
    },
  };
}

const OHLC_INTERVALS = new Set([1, 5, 15, 30, 60, 240, 1440, 10080, 21600]);
/** Kraken sends at most this many candles, the newest. */
const OHLC_MAX_CANDLES = 720;

/**
 * OHLC candles [time, open, high, low, close, vwap, volume, count] from `since` to now: flat at the price of
 * 24 h ago (the fixture's), the newest candle closing at the last price, like a pair that moved just now.
 */
function ohlc(query: URLSearchParams, prices: ReadonlyMap<string, PriceState>, now: () => number): Reply {
  const name = query.get('pair') ?? '';
  const state = prices.get(name) ?? [...prices.values()].find((p) => p.spec.altname === name);
  if (state === undefined) return fail('EQuery:Unknown asset pair');
  const interval = Number(query.get('interval') ?? '1');
  if (!OHLC_INTERVALS.has(interval)) return fail('EGeneral:Invalid arguments');
  const step = interval * 60;
  const nowSec = Math.floor(now() / 1000);
  const since = Number(query.get('since') ?? String(nowSec - step * OHLC_MAX_CANDLES));
  if (!Number.isSafeInteger(since)) return fail('EGeneral:Invalid arguments');
  const candles: unknown[][] = [];
  for (let time = Math.floor(Math.max(since, 0) / step) * step; time <= nowSec; time += step) {
    const close = time + step > nowSec ? state.last : state.open;
    candles.push([time, state.open, state.open, state.open, close, state.open, '0.10000000', 1]);
  }
  const newest = candles.slice(-OHLC_MAX_CANDLES);
  return ok({ [state.spec.key]: newest, last: (newest.at(-1)?.[0] as number | undefined) ?? nowSec });
}

import type { AssetDirectory } from './assets.ts';
import { Decimal, decimalToString, type DecimalValue } from './decimal.ts';
import type { AssetPairTable, TickerTable } from './market-data.ts';

/** When no pair links an asset to the quote directly, try going through these. */
export const ROUTING_HUBS: readonly string[] = ['USD', 'BTC'];

/**
 * A price kept as a fraction: an inverted pair is 1 / last, and dividing only at the very end keeps
 * e.g. 1.0852 USD valued via EUR/USD 1.0852 at exactly 1 EUR instead of 0.999…9888.
 */
export interface RoutedPrice {
  readonly numerator: DecimalValue;
  readonly denominator: DecimalValue;
  /** Denominator is 1: valuing is a plain (exact) multiplication. */
  readonly exact: boolean;
  /** Price of one unit as a decimal string. */
  readonly text: string;
}

/** Exact for direct pairs (multiplication only); routes with an inverted leg round to Decimal.DP places. */
export function applyPrice(amount: DecimalValue, price: RoutedPrice): DecimalValue {
  const product = amount.times(price.numerator);
  return price.exact ? product : product.div(price.denominator);
}

function routedPrice(numerator: DecimalValue, denominator: DecimalValue): RoutedPrice {
  const exact = denominator.eq('1');
  const unit = exact ? numerator : numerator.div(denominator);
  return { numerator, denominator, exact, text: decimalToString(unit) };
}

/** Prices between display codes (BTC, USD, …), built from pairs and their last trade price. */
export interface PriceBook {
  /** Price of one unit of `base` in `quote`, or null when there is no route. */
  price(base: string, quote: string): RoutedPrice | null;
}

const edgeKey = (base: string, quote: string): string => `${base}\u0000${quote}`;

/** A Kraken pair as a directed edge between two display codes. */
interface Edge {
  readonly key: string;
  readonly pair: string;
  readonly base: string;
  readonly quote: string;
  /** The pair trades an extension code (ETH2.S/ETH): it loses to a plain-code pair on the same edge. */
  readonly extension: boolean;
}

/** Pair key → the edge it prices, for just the pairs a valuation can use. */
export type PricingPairs = ReadonlyMap<string, Edge>;

const better = (a: Edge, b: Edge): boolean =>
  a.extension !== b.extension ? !a.extension : a.pair < b.pair;

/**
 * The pairs that link display codes in `wanted` (the balances' assets, the quote and ROUTING_HUBS), one
 * per (base, quote): several Kraken pairs can collapse onto one edge (ETH2.S/ETH is ETH/ETH), so
 * plain-code pairs win, then the alphabetically first key, for determinism. One pass over Kraken's whole
 * pair list (about 1,400 pairs), made for every valuation: bench:refresh measures what that costs.
 */
export function pricingPairs(directory: AssetDirectory, pairs: AssetPairTable, wanted: ReadonlySet<string>): PricingPairs {
  // Each asset is named by many pairs: its display code is looked up once (null: not wanted).
  const shown = new Map<string, string | null>();
  const wantedAs = (code: string): string | null => {
    let display = shown.get(code);
    if (display === undefined) {
      const candidate = directory.display(code);
      display = wanted.has(candidate) ? candidate : null;
      shown.set(code, display);
    }
    return display;
  };
  const byEdge = new Map<string, Edge>();
  for (const info of pairs.values()) {
    const base = wantedAs(info.base);
    const quote = base === null ? null : wantedAs(info.quote);
    if (base === null || quote === null || base === quote) continue;
    const key = edgeKey(base, quote);
    const edge: Edge = { key, pair: info.key, base, quote, extension: info.base.includes('.') || info.quote.includes('.') };
    const held = byEdge.get(key);
    if (held === undefined || better(edge, held)) byEdge.set(key, edge);
  }
  return new Map([...byEdge.values()].map((edge) => [edge.pair, edge]));
}

/** A price book from the tickers that were fetched for `edges` (other pairs in `tickers` are ignored). */
export function createPriceBook(edges: PricingPairs, tickers: TickerTable): PriceBook {
  const rates = new Map<string, DecimalValue>();
  for (const [pair, ticker] of tickers) {
    const edge = edges.get(pair);
    if (edge === undefined) continue;
    const last = new Decimal(ticker.last);
    // A pair that never traded reports 0; that is "no price", not "worthless".
    if (last.gt('0')) rates.set(edge.key, last);
  }

  const one = new Decimal('1');
  const leg = (from: string, to: string): RoutedPrice | null => {
    const direct = rates.get(edgeKey(from, to));
    if (direct !== undefined) return routedPrice(direct, one);
    const inverse = rates.get(edgeKey(to, from));
    return inverse === undefined ? null : routedPrice(one, inverse);
  };

  const route = (base: string, quote: string): RoutedPrice | null => {
    if (base === quote) return routedPrice(one, one);
    const direct = leg(base, quote);
    if (direct !== null) return direct;
    for (const hub of ROUTING_HUBS) {
      if (hub === base || hub === quote) continue;
      const first = leg(base, hub);
      const second = first === null ? null : leg(hub, quote);
      if (first !== null && second !== null) {
        return routedPrice(first.numerator.times(second.numerator), first.denominator.times(second.denominator));
      }
    }
    return null;
  };

  // Several rows share a base (XETH, ETH2, ETH2.S are all ETH): each route is worked out once per book.
  const routes = new Map<string, RoutedPrice | null>();
  return {
    price(base, quote) {
      const key = edgeKey(base, quote);
      let hit = routes.get(key);
      if (hit === undefined) {
        hit = route(base, quote);
        routes.set(key, hit);
      }
      return hit;
    },
  };
}

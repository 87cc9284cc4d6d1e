import type { AssetDirectory } from './assets.ts';
import { Decimal, type DecimalValue } from './decimal.ts';
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
}

/** Exact for direct pairs (multiplication only); routes with an inverted leg round to Decimal.DP places. */
export function applyPrice(amount: DecimalValue, price: RoutedPrice): DecimalValue {
  const product = amount.times(price.numerator);
  return price.denominator.eq('1') ? product : product.div(price.denominator);
}

/** Prices between display codes (BTC, USD, …), built from pairs and their last trade price. */
export interface PriceBook {
  /** Price of one unit of `base` in `quote`, or null when there is no route. */
  price(base: string, quote: string): RoutedPrice | null;
}

const edgeKey = (base: string, quote: string): string => `${base}\u0000${quote}`;

interface Edge {
  readonly pair: string;
  readonly base: string;
  readonly quote: string;
}

/**
 * One pair per (base, quote) of display codes. Several Kraken pairs can collapse onto one edge
 * (ETH2.S/ETH is ETH/ETH), so plain-code pairs win, then the alphabetically first key, for determinism.
 */
function chooseEdges(directory: AssetDirectory, pairs: AssetPairTable): Map<string, Edge> {
  const ranked = [...pairs.values()].sort((a, b) => {
    const aExt = a.base.includes('.') || a.quote.includes('.') ? 1 : 0;
    const bExt = b.base.includes('.') || b.quote.includes('.') ? 1 : 0;
    return aExt - bExt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  const edges = new Map<string, Edge>();
  for (const pair of ranked) {
    const base = directory.display(pair.base);
    const quote = directory.display(pair.quote);
    if (base === quote) continue;
    const key = edgeKey(base, quote);
    if (!edges.has(key)) edges.set(key, { pair: pair.key, base, quote });
  }
  return edges;
}

/** The pair keys worth asking /0/public/Ticker for, to value `bases` in `quote`. */
export function pairsForValuation(
  directory: AssetDirectory,
  pairs: AssetPairTable,
  bases: Iterable<string>,
  quote: string,
): string[] {
  const relevant = new Set<string>([...bases, quote, ...ROUTING_HUBS]);
  const wanted: string[] = [];
  for (const edge of chooseEdges(directory, pairs).values()) {
    if (relevant.has(edge.base) && relevant.has(edge.quote)) wanted.push(edge.pair);
  }
  return wanted.sort();
}

export function createPriceBook(directory: AssetDirectory, pairs: AssetPairTable, tickers: TickerTable): PriceBook {
  const rates = new Map<string, DecimalValue>();
  for (const [key, edge] of chooseEdges(directory, pairs)) {
    const ticker = tickers.get(edge.pair);
    if (ticker === undefined) continue;
    const last = new Decimal(ticker.last);
    // A pair that never traded reports 0; that is "no price", not "worthless".
    if (last.gt('0')) rates.set(key, last);
  }

  const one = new Decimal('1');
  const leg = (from: string, to: string): RoutedPrice | null => {
    const direct = rates.get(edgeKey(from, to));
    if (direct !== undefined) return { numerator: direct, denominator: one };
    const inverse = rates.get(edgeKey(to, from));
    return inverse === undefined ? null : { numerator: one, denominator: inverse };
  };

  return {
    price(base, quote) {
      if (base === quote) return { numerator: one, denominator: one };
      const direct = leg(base, quote);
      if (direct !== null) return direct;
      for (const hub of ROUTING_HUBS) {
        if (hub === base || hub === quote) continue;
        const first = leg(base, hub);
        const second = first === null ? null : leg(hub, quote);
        if (first !== null && second !== null) {
          return {
            numerator: first.numerator.times(second.numerator),
            denominator: first.denominator.times(second.denominator),
          };
        }
      }
      return null;
    },
  };
}

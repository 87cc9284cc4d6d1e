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

interface Edge {
  readonly key: string;
  readonly pair: string;
  readonly base: string;
  readonly quote: string;
}

/**
 * One pair per (base, quote) of display codes. Several Kraken pairs can collapse onto one edge
 * (ETH2.S/ETH is ETH/ETH), so plain-code pairs win, then the alphabetically first key, for determinism.
 */
const edgeCache = new WeakMap<AssetPairTable, WeakMap<AssetDirectory, Map<string, Edge>>>();

function chooseEdges(directory: AssetDirectory, pairs: AssetPairTable): Map<string, Edge> {
  let byDirectory = edgeCache.get(pairs);
  if (byDirectory === undefined) {
    byDirectory = new WeakMap();
    edgeCache.set(pairs, byDirectory);
  }
  let edges = byDirectory.get(directory);
  if (edges === undefined) {
    edges = buildEdges(directory, pairs);
    byDirectory.set(directory, edges);
  }
  return edges;
}

function buildEdges(directory: AssetDirectory, pairs: AssetPairTable): Map<string, Edge> {
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
    if (!edges.has(key)) edges.set(key, { key, pair: pair.key, base, quote });
  }
  return edges;
}

/** The pair keys worth asking /0/public/Ticker for, to value `bases` in `quote`. */
const wantedCache = new WeakMap<Map<string, Edge>, Map<string, readonly string[]>>();

/** Sorted and de-duplicated; memoised, since a refresh asks the same question every time. */
export function pairsForValuation(
  directory: AssetDirectory,
  pairs: AssetPairTable,
  bases: readonly string[],
  quote: string,
): readonly string[] {
  const edges = chooseEdges(directory, pairs);
  let answers = wantedCache.get(edges);
  if (answers === undefined) {
    answers = new Map();
    wantedCache.set(edges, answers);
  }
  const question = quote + '\u0000' + bases.join('\u0000');
  let wanted = answers.get(question);
  if (wanted === undefined) {
    const relevant = new Set<string>([...bases, quote, ...ROUTING_HUBS]);
    const list: string[] = [];
    for (const edge of edges.values()) {
      if (relevant.has(edge.base) && relevant.has(edge.quote)) list.push(edge.pair);
    }
    wanted = Object.freeze([...new Set(list)].sort());
    // Bounded: a key's balance list rarely changes; this only guards against unbounded growth.
    if (answers.size > 256) answers.clear();
    answers.set(question, wanted);
  }
  return wanted;
}

const bookCache = new WeakMap<TickerTable, WeakMap<Map<string, Edge>, PriceBook>>();

/** Memoised per (pairs, tickers): valuing the same cached prices again costs only lookups. */
export function createPriceBook(directory: AssetDirectory, pairs: AssetPairTable, tickers: TickerTable): PriceBook {
  const edges = chooseEdges(directory, pairs);
  let byEdges = bookCache.get(tickers);
  if (byEdges === undefined) {
    byEdges = new WeakMap();
    bookCache.set(tickers, byEdges);
  }
  let book = byEdges.get(edges);
  if (book === undefined) {
    book = buildPriceBook(edges, tickers);
    byEdges.set(edges, book);
  }
  return book;
}

// Kraken lists well over a thousand pairs but a refresh asks for a dozen prices, so a book is built
// from the tickers it got, each looked up by pair key, instead of walking every edge.
const edgesByPair = new WeakMap<Map<string, Edge>, Map<string, Edge>>();

function edgeForPair(edges: Map<string, Edge>, pair: string): Edge | undefined {
  let byPair = edgesByPair.get(edges);
  if (byPair === undefined) {
    byPair = new Map([...edges.values()].map((edge) => [edge.pair, edge]));
    edgesByPair.set(edges, byPair);
  }
  return byPair.get(pair);
}

function buildPriceBook(edges: Map<string, Edge>, tickers: TickerTable): PriceBook {
  const rates = new Map<string, DecimalValue>();
  for (const [pair, ticker] of tickers) {
    const edge = edgeForPair(edges, pair);
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

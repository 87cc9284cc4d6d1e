import { Decimal } from '../../shared/decimal.ts';
import type { TickerInfo, TickerTable } from '../kraken/index.ts';
import type { TickerPrice } from '../kraken/ws/index.ts';

/** One push of the ticker stream for a REST pair key (the v2 symbol already mapped back). */
export interface StreamedPrice {
  readonly pair: string;
  readonly price: TickerPrice;
}

/** A price a day ago received this long ago is not used once its stream is gone: too old to trust. */
export const DAY_AGO_MAX_AGE_MS = 10 * 60_000;
/** How long the live ticker has to deliver a pair's 24 h change before a refresh asks REST for it. */
export const DAY_AGO_GRACE_MS = 60_000;

interface DayAgo {
  readonly price: string;
  readonly at: number;
}

const isPositive = (value: string | null): value is string => value !== null && new Decimal(value).gt('0');

/**
 * The last known price of every pair a valuation uses, from REST Ticker at a refresh or from Kraken's live
 * ticker stream. While the stream delivers a pair, a refresh neither asks REST for it nor lets a REST answer
 * overwrite it (the client caches Ticker for 10 s, so its answer can be older than the last push). When the
 * stream ends its prices stay as the last known until the next refresh asks REST again. Prices a day ago
 * (last − change, from the stream; or REST OHLC where the stream does not deliver them) give each row its
 * 24 h change.
 */
export class PriceBoard {
  private readonly now: () => number;
  private readonly last = new Map<string, TickerInfo>();
  private readonly dayAgo = new Map<string, DayAgo>();
  /** Pairs the current stream connection has priced: REST stays away from them. */
  private readonly streaming = new Set<string>();
  /** When a refresh first wanted each pair: from then on the live ticker has had its chance to price it. */
  private readonly firstWanted = new Map<string, number>();
  /** The ticker has failed to connect or to stay connected, and has not delivered since. */
  private tickerFailing = false;

  constructor(now: () => number) {
    this.now = now;
  }

  /** The pairs among `pairs` that a refresh has to ask REST Ticker for. */
  needsRest(pairs: readonly string[]): string[] {
    return pairs.filter((pair) => !this.streaming.has(pair));
  }

  fromRest(table: TickerTable): void {
    for (const [pair, info] of table) if (!this.streaming.has(pair)) this.last.set(pair, info);
  }

  /** Applies pushed prices; returns the pairs whose price or 24 h reference moved. */
  fromStream(updates: readonly StreamedPrice[]): string[] {
    const moved = new Set<string>();
    const at = this.now();
    if (updates.length > 0) this.tickerFailing = false;
    for (const { pair, price } of updates) {
      if (isPositive(price.last)) {
        if (this.last.get(pair)?.last !== price.last) moved.add(pair);
        this.last.set(pair, { pair, last: price.last, ask: price.ask, bid: price.bid });
        this.streaming.add(pair);
      }
      const reference = this.last.get(pair)?.last ?? null;
      if (price.change === null || reference === null) continue;
      const before = new Decimal(reference).minus(price.change).toFixed();
      if (!isPositive(before)) continue;
      if (this.dayAgo.get(pair)?.price !== before) moved.add(pair);
      this.dayAgo.set(pair, { price: before, at });
    }
    return [...moved];
  }

  /**
   * The pairs among `pairs` whose price a day ago a refresh has to ask REST (OHLC) for: none is known, and
   * the live ticker, which sends the 24 h change itself, is failing or has had DAY_AGO_GRACE_MS since a
   * refresh first wanted the pair and has not delivered it (a host the network blocks, a pair it does not
   * list). At launch it asks nothing: the ticker starts right after the first refresh and prices every
   * pair within a second.
   */
  needsDayAgo(pairs: readonly string[]): string[] {
    const now = this.now();
    const known = this.dayAgoTickers(pairs);
    const wanted = pairs.filter((pair) => {
      const since = this.firstWanted.get(pair);
      return !known.has(pair) && (this.tickerFailing || (since !== undefined && now - since >= DAY_AGO_GRACE_MS));
    });
    for (const pair of pairs) if (!this.firstWanted.has(pair)) this.firstWanted.set(pair, now);
    return wanted;
  }

  /** Prices a day ago read by REST; the stream's own, where it delivers the pair, are kept. */
  fromRestDayAgo(table: TickerTable): void {
    const at = this.now();
    for (const [pair, info] of table) if (!this.streaming.has(pair)) this.dayAgo.set(pair, { price: info.last, at });
  }

  /** The stream connection is gone: its prices are only the last known now. */
  streamEnded(failing: boolean): void {
    this.streaming.clear();
    this.tickerFailing = failing;
  }

  /** Whether the stream currently delivers this pair. */
  isStreaming(pair: string): boolean {
    return this.streaming.has(pair);
  }

  tickers(pairs: readonly string[]): TickerTable {
    const table = new Map<string, TickerInfo>();
    for (const pair of pairs) {
      const info = this.last.get(pair);
      if (info !== undefined) table.set(pair, info);
    }
    return table;
  }

  /** Prices of a day ago for valuation's 24 h change: from the live stream, or received recently enough. */
  dayAgoTickers(pairs: readonly string[]): TickerTable {
    const table = new Map<string, TickerInfo>();
    const oldest = this.now() - DAY_AGO_MAX_AGE_MS;
    for (const pair of pairs) {
      const entry = this.dayAgo.get(pair);
      if (entry !== undefined && (this.streaming.has(pair) || entry.at >= oldest)) table.set(pair, { pair, last: entry.price, ask: null, bid: null });
    }
    return table;
  }
}

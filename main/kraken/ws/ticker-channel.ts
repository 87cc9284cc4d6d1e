import { readDecimal } from './exact-json.ts';
import type { ChannelLink, StreamChannel, StreamConnection } from './types.ts';
import { field, type JsonRecord } from './protocol.ts';

// The public `ticker` channel for the pairs the valuation needs. Prices arrive as JSON numbers; they are
// read from their source text (exact-json.ts), so every field here is the exact decimal Kraken wrote.

/** One ticker push for one v2 symbol. Decimal strings, digit for digit as sent; null when absent. */
export interface TickerPrice {
  readonly symbol: string;
  /** Last trade price (Kraken: only guaranteed if the pair traded in the last 24 h). */
  readonly last: string | null;
  readonly bid: string | null;
  readonly ask: string | null;
  /** Change over the last 24 h in the quote currency, and in percent. */
  readonly change: string | null;
  readonly changePct: string | null;
  readonly high: string | null;
  readonly low: string | null;
  readonly volume: string | null;
  readonly vwap: string | null;
  /** RFC 3339, as sent. */
  readonly timestamp: string | null;
}

export interface TickerChannelOptions {
  /** v2 symbols, e.g. BTC/USD (see symbols.ts for the mapping from AssetPairs). */
  readonly symbols: readonly string[];
  /** Prices from one message (snapshot or update), in message order. */
  readonly onPrices: (prices: readonly TickerPrice[]) => void;
  /** Kraken refused a symbol; it is not asked for again until setSymbols() drops and re-adds it. */
  readonly onSymbolRejected?: (symbol: string, error: string) => void;
}

export interface TickerChannel {
  /** Changes the subscribed set; on an open connection only the difference is (un)subscribed. */
  setSymbols(symbols: readonly string[]): void;
  symbols(): readonly string[];
}

const SYMBOL_RE = /^[A-Za-z0-9.]{1,20}\/[A-Za-z0-9.]{1,20}$/;
const NUMBER_FIELDS = [
  ['last', 'last'], ['bid', 'bid'], ['ask', 'ask'], ['change', 'change'], ['changePct', 'change_pct'],
  ['high', 'high'], ['low', 'low'], ['volume', 'volume'], ['vwap', 'vwap'],
] as const;

/** A ticker entry, or null when a field is present but not a readable number. */
export function readTickerEntry(entry: JsonRecord): TickerPrice | null {
  const symbol = field(entry, 'symbol');
  if (typeof symbol !== 'string' || !SYMBOL_RE.test(symbol)) return null;
  const timestamp = field(entry, 'timestamp');
  const price: Record<string, string | null> = { symbol, timestamp: typeof timestamp === 'string' ? timestamp : null };
  for (const [name, wire] of NUMBER_FIELDS) {
    const value = field(entry, wire);
    if (value === undefined || value === null) {
      price[name] = null;
      continue;
    }
    const decimal = readDecimal(value);
    if (decimal === null) return null;
    price[name] = decimal;
  }
  return price as unknown as TickerPrice;
}

export function attachTickerChannel(connection: Pick<StreamConnection, 'attach'>, options: TickerChannelOptions): TickerChannel {
  let wanted = new Set(options.symbols);
  const rejected = new Set<string>();
  /** Symbols asked for on this connection whose ack has not come yet. */
  const awaiting = new Set<string>();
  let settled = false;

  const settleIfDone = (): void => {
    if (settled || awaiting.size > 0) return;
    settled = true;
    link.ready();
  };
  const subscribe = (symbols: readonly string[]): void => {
    if (symbols.length === 0) return;
    if (link.request('subscribe', { channel: 'ticker', symbol: symbols, snapshot: true }) === null) return;
    for (const symbol of symbols) awaiting.add(symbol);
  };

  const channel: StreamChannel = {
    name: 'ticker',
    open() {
      awaiting.clear();
      settled = false;
      subscribe([...wanted].filter((s) => !rejected.has(s)));
      settleIfDone();
    },
    onAck(ack) {
      if (ack.method !== 'subscribe') return;
      if (ack.symbol === null) {
        // A refusal of the whole request (not per symbol): reconnect and try again later.
        if (!ack.success) link.fail('subscribe-failed');
        return;
      }
      awaiting.delete(ack.symbol);
      if (!ack.success) {
        rejected.add(ack.symbol);
        options.onSymbolRejected?.(ack.symbol, ack.error ?? 'refused');
      }
      settleIfDone();
    },
    onMessage(message) {
      if (message.type !== 'snapshot' && message.type !== 'update') return link.malformed();
      const prices: TickerPrice[] = [];
      for (const entry of message.data) {
        const price = readTickerEntry(entry);
        if (price === null) link.malformed();
        else if (wanted.has(price.symbol)) prices.push(price);
      }
      if (prices.length > 0) options.onPrices(prices);
    },
    onClose() {
      awaiting.clear();
      settled = false;
    },
  };
  const link: ChannelLink = connection.attach(channel);

  return {
    setSymbols(symbols) {
      const next = new Set(symbols);
      const added = [...next].filter((s) => !wanted.has(s));
      const removed = [...wanted].filter((s) => !next.has(s));
      wanted = next;
      for (const symbol of removed) {
        rejected.delete(symbol);
        awaiting.delete(symbol);
      }
      if (removed.length > 0) link.request('unsubscribe', { channel: 'ticker', symbol: removed });
      subscribe(added.filter((s) => !rejected.has(s)));
      // A removed symbol may have been the last one awaited (ready() is a no-op when not connecting).
      settleIfDone();
    },
    symbols: () => [...wanted],
  };
}

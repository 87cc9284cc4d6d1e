import type { WantedPairs } from '../balances/keyed-valuations.ts';
import type { StreamedPrice } from '../balances/price-board.ts';
import type { StreamSetup } from './key-stream.ts';
import {
  attachTickerChannel,
  createStreamConnection,
  tickerSymbolsFor,
  type StreamConnection,
  type StreamStatus,
  type TickerChannel,
  type TickerPrice,
  type TickerSymbolMap,
} from '../kraken/ws/index.ts';

export interface PriceStreamOptions extends StreamSetup {
  /** Prices pushed for REST pair keys (the v2 symbols mapped back). */
  readonly onPrices: (prices: readonly StreamedPrice[]) => void;
  /**
   * The connection is not live (any more): its prices are only the last known now. `failing`: it is not
   * merely (re)starting but has failed to connect or stay connected (backing off, or given up for now).
   */
  readonly onEnded: (failing: boolean) => void;
  /** The stream's state changed (or what it watches did): accounts recompute whether they are live. */
  readonly onStatus: () => void;
}

const NO_SYMBOLS: TickerSymbolMap = tickerSymbolsFor(new Map(), []);

/**
 * Kraken's public ticker for exactly the pairs the keyed accounts are valued with: one connection for
 * all accounts (prices are the same for everyone), subscribed to the v2 symbols of those pairs (AssetPairs
 * `wsname`), started when there is a pair to watch and stopped when there is none.
 */
export class PriceStream {
  private readonly options: PriceStreamOptions;
  private readonly connection: StreamConnection;
  private readonly ticker: TickerChannel;
  private symbols: TickerSymbolMap = NO_SYMBOLS;
  private paused = false;

  constructor(options: PriceStreamOptions) {
    this.options = options;
    this.connection = createStreamConnection({
      url: options.url,
      socketFactory: options.socketFactory,
      clock: options.clock,
      random: options.random,
      tuning: options.tuning,
      onStatus: (status) => this.statusChanged(status),
    });
    this.ticker = attachTickerChannel(this.connection, { symbols: [], onPrices: (prices) => this.pushed(prices) });
  }

  /** Watches the pairs the valuations use now. */
  watch(wanted: WantedPairs): void {
    this.symbols = wanted.table === null ? NO_SYMBOLS : tickerSymbolsFor(wanted.table, wanted.keys);
    this.ticker.setSymbols(this.symbols.symbols);
    if (this.symbols.symbols.length === 0) this.connection.stop();
    else if (!this.paused) this.connection.start();
    this.options.onStatus();
  }

  /** Whether an account valued with these pairs gets its prices live: the stream is live, or none needs it. */
  livePrices(): boolean {
    return this.symbols.symbols.length === 0 || this.connection.status().state === 'live';
  }

  /** Why prices are not live, when the user should know (a network that blocks WebSockets). */
  note(): string | null {
    const status = this.connection.status();
    return this.symbols.symbols.length > 0 && status.state === 'polling' ? status.message : null;
  }

  pause(): void {
    this.paused = true;
    this.connection.pause();
  }

  resume(): void {
    this.paused = false;
    if (this.connection.status().state === 'paused') this.connection.resume();
    else if (this.symbols.symbols.length > 0) this.connection.start();
  }

  stop(): void {
    this.connection.stop();
  }

  status(): StreamStatus {
    return this.connection.status();
  }

  private pushed(prices: readonly TickerPrice[]): void {
    const mapped: StreamedPrice[] = [];
    for (const price of prices) {
      const pair = this.symbols.pairFor(price.symbol);
      if (pair !== undefined) mapped.push({ pair, price });
    }
    if (mapped.length > 0) this.options.onPrices(mapped);
  }

  private statusChanged(status: StreamStatus): void {
    // Any state but live: pushes may have stopped (a snapshot can come before the connection is live).
    if (status.state !== 'live') this.options.onEnded(isFailing(status));
    this.options.onStatus();
  }
}

const isFailing = (status: StreamStatus): boolean =>
  status.state === 'backoff' || status.state === 'polling' || (status.state === 'connecting' && status.attempt > 1);

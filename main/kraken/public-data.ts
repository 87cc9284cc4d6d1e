import { parseAssets, type AssetTable } from './assets.ts';
import { KrakenError } from './errors.ts';
import type { Exchange } from './exchange.ts';
import { parseAssetPairs, parseTicker, type AssetPairTable, type TickerInfo, type TickerTable } from './market-data.ts';
import { DAY_AGO_INTERVAL_MIN, dayAgoSince, openADayAgo, parseOhlc } from './ohlc.ts';
import { createTtlCache } from './ttl-cache.ts';

export interface PublicDataOptions {
  readonly exchange: Exchange;
  readonly baseUrl: string;
  readonly now: () => number;
  /** How long /0/public/Assets and AssetPairs stay cached. */
  readonly marketListTtlMs: number;
  /** How long prices stay cached. */
  readonly tickerTtlMs: number;
  /** How long a pair's price a day ago stays cached. */
  readonly dayAgoTtlMs: number;
}

/** Kraken's public market data, cached by this client for the given times. */
export interface PublicData {
  assets(signal: AbortSignal | undefined): Promise<AssetTable>;
  assetPairs(signal: AbortSignal | undefined): Promise<AssetPairTable>;
  ticker(pairs: readonly string[], signal: AbortSignal | undefined): Promise<TickerTable>;
  /**
   * Each pair's price a day ago, from OHLC (one call per pair, one after another), for pairs that have one;
   * a pair whose call fails is left out (a 24 h change is extra). Fails only when every call failed. After a
   * failure that is not about the pair, asks nothing for dayAgoTtlMs (returns what it has).
   */
  dayAgoPrices(pairs: readonly string[], signal: AbortSignal | undefined): Promise<TickerTable>;
}

/**
 * The asset and pair lists change rarely and are large (Kraken lists about 1,400 pairs), so they live an
 * hour; prices live 10 s, so a burst of manual refreshes or several accounts refreshing together ask once;
 * a price a day ago moves slowly (it is a 15-minute candle's open) and lives 10 minutes.
 * Concurrent callers share one request, which runs without any one caller's signal: one caller
 * cancelling cannot fail the others (each caller still stops waiting when its own signal aborts).
 */
export function createPublicData(options: PublicDataOptions): PublicData {
  const { exchange, baseUrl } = options;
  const lists = createTtlCache<AssetTable | AssetPairTable>(options.marketListTtlMs, options.now);
  const tickers = createTtlCache<TickerTable>(options.tickerTtlMs, options.now);
  const dayAgo = createTtlCache<string | null>(options.dayAgoTtlMs, options.now);
  // Kraken down, slow or refusing OHLC would be so for every pair, and a refresh waits for these calls: after
  // such a failure none is asked again until the prices it would have given had expired anyway.
  let dayAgoPausedUntil = 0;

  const get = (method: string, query: string): Promise<unknown> =>
    exchange.withRetries(() => exchange.send({
      url: `${baseUrl}/0/public/${method}${query}`,
      method: 'GET',
      headers: { Accept: 'application/json' },
    }, undefined), undefined);

  return {
    assets: (signal) =>
      raceAbort(lists.get('assets', async () => parseAssets(await get('Assets', ''))) as Promise<AssetTable>, signal),
    assetPairs: (signal) =>
      raceAbort(lists.get('pairs', async () => parseAssetPairs(await get('AssetPairs', ''))) as Promise<AssetPairTable>, signal),
    ticker(pairs, signal) {
      if (pairs.length === 0) return Promise.resolve(new Map());
      const unique = [...new Set(pairs)].sort();
      const key = unique.join(',');
      const load = async (): Promise<TickerTable> => parseTicker(await get('Ticker', '?pair=' + unique.map(encodeURIComponent).join(',')));
      return raceAbort(tickers.get(key, load), signal);
    },
    async dayAgoPrices(pairs, signal) {
      const table = new Map<string, TickerInfo>();
      let failure: unknown = null;
      for (const pair of [...new Set(pairs)].sort()) {
        if (options.now() < dayAgoPausedUntil) break;
        const query = `?pair=${encodeURIComponent(pair)}&interval=${DAY_AGO_INTERVAL_MIN}&since=${dayAgoSince(options.now())}`;
        const load = async (): Promise<string | null> => openADayAgo(parseOhlc(await get('OHLC', query)), options.now());
        try {
          const price = await raceAbort(dayAgo.get(pair, load), signal);
          if (price !== null) table.set(pair, { pair, last: price, ask: null, bid: null });
        } catch (error) {
          if (signal?.aborted === true) throw error;
          failure = error;
          // A pair Kraken does not know says nothing about the others.
          if (!(error instanceof KrakenError && error.code === 'unknown-asset-pair')) dayAgoPausedUntil = options.now() + options.dayAgoTtlMs;
        }
      }
      if (table.size === 0 && failure !== null) throw failure;
      return table;
    },
  };
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.reject(new KrakenError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new KrakenError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

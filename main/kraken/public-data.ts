import { parseAssets, type AssetTable } from './assets.ts';
import { KrakenError } from './errors.ts';
import type { Exchange } from './exchange.ts';
import { parseAssetPairs, parseTicker, type AssetPairTable, type TickerTable } from './market-data.ts';
import { createTtlCache } from './ttl-cache.ts';

export interface PublicDataOptions {
  readonly exchange: Exchange;
  readonly baseUrl: string;
  readonly now: () => number;
  /** How long /0/public/Assets and AssetPairs stay cached. */
  readonly marketListTtlMs: number;
  /** How long prices stay cached. */
  readonly tickerTtlMs: number;
}

/** Kraken's public market data, cached by this client for the given times. */
export interface PublicData {
  assets(signal: AbortSignal | undefined): Promise<AssetTable>;
  assetPairs(signal: AbortSignal | undefined): Promise<AssetPairTable>;
  ticker(pairs: readonly string[], signal: AbortSignal | undefined): Promise<TickerTable>;
}

/**
 * The asset and pair lists change rarely and are large (Kraken lists about 1,400 pairs), so they live an
 * hour; prices live 10 s, so a burst of manual refreshes or several accounts refreshing together ask once.
 * Concurrent callers share one request, which runs without any one caller's signal: one caller
 * cancelling cannot fail the others (each caller still stops waiting when its own signal aborts).
 */
export function createPublicData(options: PublicDataOptions): PublicData {
  const { exchange, baseUrl } = options;
  const lists = createTtlCache<AssetTable | AssetPairTable>(options.marketListTtlMs, options.now);
  const tickers = createTtlCache<TickerTable>(options.tickerTtlMs, options.now);

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

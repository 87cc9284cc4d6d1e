import type { KeyObject } from 'node:crypto';
import { createAssetDirectory, parseAssets, type AssetTable } from './assets.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, isAutoRetryable, type BackoffPolicy } from './backoff.ts';
import { parseBalanceEx, parseBalances, type Balances, type ExtendedBalances } from './balance-parse.ts';
import { DEFAULT_BASE_URL } from './base-url.ts';
import { unwrapEnvelope } from './envelope.ts';
import { KrakenError, redactKrakenError, toKrakenError } from './errors.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { parseAssetPairs, parseTicker, type AssetPairTable, type TickerTable } from './market-data.ts';
import { createMemoryNonceStore, createNonceSource, type NonceStore } from './nonce.ts';
import { valuePortfolio, type Portfolio } from './portfolio.ts';
import { pairsForValuation } from './price-book.ts';
import { createRateLimiter, type RateCounterSnapshot, type Sleep, type VerificationTier } from './rate-limiter.ts';
import { laneForKey } from './serial-lane.ts';
import { decodeApiSecret, privateJsonBody, signRequest } from './sign.ts';
import { createNodeTransport } from './node-transport.ts';
import { createFetchTransport, REAL_TIMERS, type HttpRequest, type HttpTransport, type Timers } from './transport.ts';
import { createTtlCache } from './ttl-cache.ts';
import { parseWebSocketsToken, type WebSocketsToken } from './websockets-token.ts';

export type RebaseMultiplier = 'rebased' | 'base';

export interface KrakenClientOptions {
  readonly apiKey: string;
  /** Base64 private key as Kraken issues it. Used for signing only; never appears in errors. */
  readonly apiSecret: string;
  /** Default https://api.kraken.com. */
  readonly baseUrl?: string;
  /** For keys with their own 2FA password: called for every private call. */
  readonly otp?: () => string | undefined;
  /**
   * Send requests through this fetch (e.g. Electron's net.fetch, which follows the system proxy, or
   * a test double). Default: Node's own node:https/node:http with a keep-alive agent per client, so
   * the wire protocol and TLS stay in code maintained with the runtime rather than in this app.
   */
  readonly fetch?: typeof fetch;
  /** Epoch milliseconds. Drives nonces, rate-limit decay, caches and lockout. */
  readonly now?: () => number;
  /**
   * Persist nonce high-water marks across restarts. Default: one in-memory store shared by every
   * client in this process (so two clients of one key never collide), lost on restart.
   */
  readonly nonceStore?: NonceStore;
  /** Kraken verification tier of the account; sets the private rate-limit budget. Default 'starter'. */
  readonly tier?: VerificationTier;
  /** Wait instead of exceeding the rate limit. Default true; benchmarks turn it off. */
  readonly enforceRateLimit?: boolean;
  readonly sleep?: Sleep;
  readonly timers?: Timers;
  /** Uniform [0, 1) for backoff jitter. */
  readonly random?: () => number;
  /** Per HTTP exchange, body included. Default 15 000. */
  readonly timeoutMs?: number;
  /** Automatic retries of transient failures (rate limit, busy, 5xx, network). Default 3. */
  readonly maxRetries?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** How long /0/public/Assets and AssetPairs stay cached. Default 1 hour. */
  readonly marketListTtlMs?: number;
  /** How long prices stay cached. Default 10 s. */
  readonly tickerTtlMs?: number;
  /** How long to stop calling after 'EGeneral:Temporary lockout'. Default 15 minutes. */
  readonly lockoutMs?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface BalanceOptions extends CallOptions {
  readonly rebaseMultiplier?: RebaseMultiplier;
}

export interface PortfolioOptions extends BalanceOptions {
  /** Display code (USD, EUR, GBP, USDT, BTC, …) or Kraken code. Default USD. */
  readonly quote?: string;
}

export interface KrakenClient {
  /** Non-reversible id of the API key; the nonce store is keyed by it. */
  readonly keyFingerprint: string;
  /** Asset code → amount exactly as Kraken sent it. */
  balance(options?: BalanceOptions): Promise<Balances>;
  balanceEx(options?: BalanceOptions): Promise<ExtendedBalances>;
  assets(options?: CallOptions): Promise<AssetTable>;
  assetPairs(options?: CallOptions): Promise<AssetPairTable>;
  /** Last prices for the given pair keys (or altnames). */
  ticker(pairs: readonly string[], options?: CallOptions): Promise<TickerTable>;
  /** Balance + asset names + prices, valued in one quote currency. */
  portfolio(options?: PortfolioOptions): Promise<Portfolio>;
  /** GetWebSocketsToken: a signed private call like Balance (same lane, nonces, rate limiter). */
  webSocketsToken(options?: CallOptions): Promise<WebSocketsToken>;
  /** Our estimate of Kraken's private-call counter for this key. */
  rateCounter(): RateCounterSnapshot;
  /** Epoch ms when a temporary lockout ends, or null when not locked out. */
  lockedUntil(): number | null;
  /** Releases idle connections (they never keep the process alive anyway). */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MARKET_LIST_TTL_MS = 60 * 60 * 1000;
const DEFAULT_TICKER_TTL_MS = 10_000;
const DEFAULT_LOCKOUT_MS = 15 * 60 * 1000;
const PRIVATE_CALL_COST = 1;
const PROCESS_NONCE_STORE = createMemoryNonceStore();

export function createKrakenClient(options: KrakenClientOptions): KrakenClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const timers = options.timers ?? REAL_TIMERS;
  // Node's own HTTP client, not a bespoke one: for an app holding exchange keys, HTTP framing and TLS
  // belong to code patched with the runtime, which is worth its extra CPU per call (bench/balance-refresh.ts).
  // An injected fetch owns its connections; the default transport's idle ones are released by close().
  const transport: HttpTransport & { close?: () => void } =
    options.fetch === undefined ? createNodeTransport() : createFetchTransport(options.fetch);
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const lockoutMs = options.lockoutMs ?? DEFAULT_LOCKOUT_MS;
  const apiKey = options.apiKey.trim();
  const fingerprint = keyFingerprint(apiKey);
  const secretsToHide = [options.apiSecret, options.apiSecret.trim()];
  const backoff: BackoffPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_BACKOFF.maxRetries,
    baseDelayMs: options.backoffBaseMs ?? DEFAULT_BACKOFF.baseDelayMs,
    maxDelayMs: options.backoffMaxMs ?? DEFAULT_BACKOFF.maxDelayMs,
    random: options.random ?? Math.random,
  };

  let secret: KeyObject | KrakenError;
  try {
    secret = decodeApiSecret(options.apiSecret);
  } catch (error) {
    secret = toKrakenError(error);
  }
  const nonces = createNonceSource(apiKey, options.nonceStore ?? PROCESS_NONCE_STORE, now);
  const lane = laneForKey(fingerprint);
  const limiter = createRateLimiter({
    tier: options.tier ?? 'starter',
    now,
    sleep,
    enforce: options.enforceRateLimit ?? true,
  });
  const marketLists = createTtlCache<AssetTable | AssetPairTable>(options.marketListTtlMs ?? DEFAULT_MARKET_LIST_TTL_MS, now);
  const tickers = createTtlCache<TickerTable>(options.tickerTtlMs ?? DEFAULT_TICKER_TTL_MS, now);
  let lockoutEndsAt: number | null = null;

  const lockedUntil = (): number | null => {
    if (lockoutEndsAt !== null && now() >= lockoutEndsAt) lockoutEndsAt = null;
    return lockoutEndsAt;
  };

  const exchange = async (request: HttpRequest, signal: AbortSignal | undefined): Promise<unknown> => {
    const response = await transport(request, { timeoutMs, timers, signal });
    return unwrapEnvelope(response, now());
  };

  const withRetries = async <T>(attempt: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> => {
    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt();
      } catch (thrown) {
        const error = toKrakenError(thrown);
        if (!isAutoRetryable(error) || retry >= backoff.maxRetries || signal?.aborted) throw error;
        await sleep(backoffDelayMs(retry, backoff, error, now()), signal);
      }
    }
  };

  const privateAttempt = async (method: string, params: Record<string, string>, signal: AbortSignal | undefined): Promise<unknown> => {
    const until = lockedUntil();
    if (until !== null) throw lockoutError(until);
    if (secret instanceof KrakenError) throw secret;
    if (apiKey === '') throw new KrakenError('invalid-key', { message: 'No API key is set.' });
    await limiter.acquire(PRIVATE_CALL_COST, signal);
    const otp = options.otp?.();
    const nonce = nonces.next();
    const body = privateJsonBody(nonce, otp === undefined ? params : { ...params, otp });
    const path = `/0/private/${method}`;
    try {
      return await exchange({
        url: baseUrl + path,
        method: 'POST',
        headers: {
          'API-Key': apiKey,
          'API-Sign': signRequest(path, nonce, body, secret),
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body,
      }, signal);
    } catch (thrown) {
      const error = toKrakenError(thrown);
      if (error.code === 'lockout') {
        lockoutEndsAt = now() + lockoutMs;
        throw lockoutError(lockoutEndsAt, error.krakenErrors);
      }
      if (error.code === 'rate-limited') limiter.saturate();
      throw error;
    }
  };

  const privateCall = (method: string, params: Record<string, string>, signal: AbortSignal | undefined): Promise<unknown> =>
    lane.run(() => withRetries(() => privateAttempt(method, params, signal), signal), signal);

  const publicCall = (method: string, query: string, signal: AbortSignal | undefined): Promise<unknown> =>
    withRetries(() => exchange({
      url: `${baseUrl}/0/public/${method}${query}`,
      method: 'GET',
      headers: { Accept: 'application/json' },
    }, signal), signal);

  // Every public method funnels errors through here: one type out, secret scrubbed.
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (thrown) {
      throw redactKrakenError(toKrakenError(thrown), secretsToHide);
    }
  };

  const balanceParams = (opts: BalanceOptions | undefined): Record<string, string> =>
    opts?.rebaseMultiplier === undefined ? {} : { rebase_multiplier: opts.rebaseMultiplier };

  // Shared loads run without any one caller's signal, so one caller cancelling cannot fail the others.
  const assets = (signal?: AbortSignal): Promise<AssetTable> =>
    raceAbort(marketLists.get('assets', async () => parseAssets(await publicCall('Assets', '', undefined))) as Promise<AssetTable>, signal);
  const assetPairs = (signal?: AbortSignal): Promise<AssetPairTable> =>
    raceAbort(marketLists.get('pairs', async () => parseAssetPairs(await publicCall('AssetPairs', '', undefined))) as Promise<AssetPairTable>, signal);
  const ticker = (pairs: readonly string[], signal?: AbortSignal): Promise<TickerTable> => {
    if (pairs.length === 0) return Promise.resolve(new Map());
    const { unique, key } = normalisePairs(pairs);
    const load = async (): Promise<TickerTable> =>
      parseTicker(await publicCall('Ticker', '?pair=' + unique.map(encodeURIComponent).join(','), undefined));
    return raceAbort(tickers.get(key, load), signal);
  };

  return {
    keyFingerprint: fingerprint,
    balance: (opts) => guard(async () => parseBalances(await privateCall('Balance', balanceParams(opts), opts?.signal))),
    balanceEx: (opts) => guard(async () => parseBalanceEx(await privateCall('BalanceEx', balanceParams(opts), opts?.signal))),
    assets: (opts) => guard(() => assets(opts?.signal)),
    assetPairs: (opts) => guard(() => assetPairs(opts?.signal)),
    ticker: (pairs, opts) => guard(() => ticker(pairs, opts?.signal)),
    portfolio: (opts) => guard(async () => {
      const signal = opts?.signal;
      const quote = opts?.quote ?? 'USD';
      const [balances, assetTable, pairTable] = await Promise.all([
        privateCall('Balance', balanceParams(opts), signal).then(parseBalances),
        assets(signal),
        assetPairs(signal),
      ]);
      const directory = createAssetDirectory(assetTable);
      const bases = Object.keys(balances).map((code) => directory.resolve(code).display);
      const prices = await ticker(pairsForValuation(directory, pairTable, bases, directory.display(quote)), signal);
      return valuePortfolio(balances, assetTable, pairTable, prices, quote);
    }),
    webSocketsToken: (opts) => guard(async () => parseWebSocketsToken(await privateCall('GetWebSocketsToken', {}, opts?.signal))),
    rateCounter: () => limiter.snapshot(),
    lockedUntil,
    close: () => transport.close?.(),
  };
}

// portfolio() passes the same frozen pair list (memoised by pairsForValuation) on every refresh.
const normalisedPairs = new WeakMap<readonly string[], { readonly unique: readonly string[]; readonly key: string }>();

/** Sorted, de-duplicated pair list and its cache key; remembered only for lists that cannot change. */
function normalisePairs(pairs: readonly string[]): { readonly unique: readonly string[]; readonly key: string } {
  const known = normalisedPairs.get(pairs);
  if (known !== undefined) return known;
  const unique = [...new Set(pairs)].sort();
  const normalised = { unique, key: unique.join(',') };
  if (Object.isFrozen(pairs)) normalisedPairs.set(pairs, normalised);
  return normalised;
}

function lockoutError(until: number, krakenErrors: readonly string[] = ['EGeneral:Temporary lockout']): KrakenError {
  return new KrakenError('lockout', {
    message: `Kraken has temporarily locked this API key. Calls resume at ${new Date(until).toISOString()}.`,
    krakenErrors,
    retryAt: until,
  });
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

const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new KrakenError('aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new KrakenError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

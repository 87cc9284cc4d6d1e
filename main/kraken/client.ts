import type { KeyObject } from 'node:crypto';
import { DEFAULT_BACKOFF } from './backoff.ts';
import { parseBalanceEx, parseBalances, type Balances, type ExtendedBalances } from './balance-parse.ts';
import { parseEarnAllocations, type EarnAllocationItem } from './earn-parse.ts';
import type { AssetTable } from './assets.ts';
import { DEFAULT_BASE_URL } from './base-url.ts';
import { KrakenError, redactKrakenError, toKrakenError } from './errors.ts';
import { createExchange, realSleep } from './exchange.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import type { AssetPairTable, TickerTable } from './market-data.ts';
import { createMemoryNonceStore, type NonceStore } from './nonce.ts';
import { createNodeTransport } from './node-transport.ts';
import { createPrivateCaller } from './private-calls.ts';
import { redactSecretShapes, redactStrings } from './secret-shapes.ts';
import { decodeApiSecret } from './sign.ts';
import { createPublicData } from './public-data.ts';
import type { RateCounterSnapshot, Sleep, VerificationTier } from './rate-limiter.ts';
import { createFetchTransport, REAL_TIMERS, type HttpTransport, type Timers } from './transport.ts';
import { createTtlCache } from './ttl-cache.ts';
import { parseWebSocketsToken, type WebSocketsToken } from './websockets-token.ts';

// The Kraken REST protocol for one API key: signing, nonces, the key's lane and rate limit, retries,
// lockout, public and private calls, and the caches of public data. It values nothing: valuation is a
// pure function (portfolio.ts) that main/balances/ feeds with what this client fetches.

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
  /** How long a pair's price a day ago (OHLC) stays cached. Default 10 minutes. */
  readonly dayAgoTtlMs?: number;
  /** How long Earn/Allocations stays cached (rewards move slowly; each call costs a rate-counter point). Default 5 minutes. */
  readonly earnTtlMs?: number;
  /** How long to stop calling after 'EGeneral:Temporary lockout'. Default 15 minutes. */
  readonly lockoutMs?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface BalanceOptions extends CallOptions {
  readonly rebaseMultiplier?: RebaseMultiplier;
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
  /** Each pair's price a day ago (OHLC), for a rolling 24 h change without the live ticker; cached dayAgoTtlMs. */
  dayAgoPrices(pairs: readonly string[], options?: CallOptions): Promise<TickerTable>;
  /** Earn/Allocations (Funds Query, like Balance): the Earn positions behind read-only balances; cached earnTtlMs. */
  earnAllocations(options?: CallOptions): Promise<readonly EarnAllocationItem[]>;
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
const DEFAULT_DAY_AGO_TTL_MS = 10 * 60 * 1000;
const DEFAULT_LOCKOUT_MS = 15 * 60 * 1000;
const DEFAULT_EARN_TTL_MS = 5 * 60 * 1000;
const PROCESS_NONCE_STORE = createMemoryNonceStore();

export function createKrakenClient(options: KrakenClientOptions): KrakenClient {
  // The secret is decoded into a KeyObject here and its text is not kept: no closure below refers to
  // `options`, and errors are scrubbed by the secret's shape rather than by a copy of it.
  const secret = decodeSecret(options.apiSecret);
  const otp = options.otp;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const apiKey = options.apiKey.trim();
  const fingerprint = keyFingerprint(apiKey);
  // Node's own HTTP client, not a bespoke one: for an app holding exchange keys, HTTP framing and TLS
  // belong to code patched with the runtime, which is worth its extra CPU per call (bench/balance-refresh.ts).
  // An injected fetch owns its connections; the default transport's idle ones are released by close().
  const transport: HttpTransport & { close?: () => void } =
    options.fetch === undefined ? createNodeTransport() : createFetchTransport(options.fetch);
  const exchange = createExchange({
    transport,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    timers: options.timers ?? REAL_TIMERS,
    now,
    sleep,
    backoff: {
      maxRetries: options.maxRetries ?? DEFAULT_BACKOFF.maxRetries,
      baseDelayMs: options.backoffBaseMs ?? DEFAULT_BACKOFF.baseDelayMs,
      maxDelayMs: options.backoffMaxMs ?? DEFAULT_BACKOFF.maxDelayMs,
      random: options.random ?? Math.random,
    },
  });
  const signed = createPrivateCaller({
    exchange,
    baseUrl,
    apiKey,
    fingerprint,
    secret,
    otp,
    nonceStore: options.nonceStore ?? PROCESS_NONCE_STORE,
    tier: options.tier ?? 'starter',
    enforceRateLimit: options.enforceRateLimit ?? true,
    lockoutMs: options.lockoutMs ?? DEFAULT_LOCKOUT_MS,
    now,
    sleep,
  });
  const market = createPublicData({
    exchange,
    baseUrl,
    now,
    marketListTtlMs: options.marketListTtlMs ?? DEFAULT_MARKET_LIST_TTL_MS,
    tickerTtlMs: options.tickerTtlMs ?? DEFAULT_TICKER_TTL_MS,
    dayAgoTtlMs: options.dayAgoTtlMs ?? DEFAULT_DAY_AGO_TTL_MS,
  });

  const earn = createTtlCache<readonly EarnAllocationItem[]>(options.earnTtlMs ?? DEFAULT_EARN_TTL_MS, now);
  const guard = errorGuard(otp);
  const balanceParams = (opts: BalanceOptions | undefined): Record<string, string> =>
    opts?.rebaseMultiplier === undefined ? {} : { rebase_multiplier: opts.rebaseMultiplier };

  return {
    keyFingerprint: fingerprint,
    balance: (opts) => guard(async () => parseBalances(await signed.call('Balance', balanceParams(opts), opts?.signal))),
    balanceEx: (opts) => guard(async () => parseBalanceEx(await signed.call('BalanceEx', balanceParams(opts), opts?.signal))),
    assets: (opts) => guard(() => market.assets(opts?.signal)),
    assetPairs: (opts) => guard(() => market.assetPairs(opts?.signal)),
    ticker: (pairs, opts) => guard(() => market.ticker(pairs, opts?.signal)),
    dayAgoPrices: (pairs, opts) => guard(() => market.dayAgoPrices(pairs, opts?.signal)),
    earnAllocations: (opts) => guard(() => earn.get('all', async () => parseEarnAllocations(await signed.call('Earn/Allocations', {}, opts?.signal)))),
    webSocketsToken: (opts) => guard(async () => parseWebSocketsToken(await signed.call('GetWebSocketsToken', {}, opts?.signal))),
    rateCounter: () => signed.rateCounter(),
    lockedUntil: () => signed.lockedUntil(),
    close: () => transport.close?.(),
  };
}

/** Every method funnels errors through this: one type out, the private key and the 2FA password scrubbed. */
function errorGuard(otp: KrakenClientOptions['otp']): <T>(work: () => Promise<T>) => Promise<T> {
  const scrub = (text: string): string => {
    const password = otp?.();
    return redactSecretShapes(password === undefined ? text : redactStrings(text, [password]));
  };
  return async (work) => {
    try {
      return await work();
    } catch (thrown) {
      throw redactKrakenError(toKrakenError(thrown), scrub);
    }
  };
}

/** The private key as a KeyObject, or the error every signed call will fail with (never echoing it). */
function decodeSecret(apiSecret: string): KeyObject | KrakenError {
  try {
    return decodeApiSecret(apiSecret);
  } catch (error) {
    return toKrakenError(error);
  }
}

import type { KeyObject } from 'node:crypto';
import { KrakenError, toKrakenError } from './errors.ts';
import type { Exchange } from './exchange.ts';
import { createNonceSource, type NonceStore } from './nonce.ts';
import { createRateLimiter, type RateCounterSnapshot, type Sleep, type VerificationTier } from './rate-limiter.ts';
import { laneForKey } from './serial-lane.ts';
import { privateJsonBody, signRequest } from './sign.ts';

export interface PrivateCallerOptions {
  readonly exchange: Exchange;
  readonly baseUrl: string;
  /** Trimmed; '' fails every call locally as 'invalid-key'. */
  readonly apiKey: string;
  readonly fingerprint: string;
  /** The decoded private key, or the error every call fails with when it could not be decoded. */
  readonly secret: KeyObject | KrakenError;
  readonly otp: (() => string | undefined) | undefined;
  readonly nonceStore: NonceStore;
  readonly tier: VerificationTier;
  readonly enforceRateLimit: boolean;
  readonly lockoutMs: number;
  readonly now: () => number;
  readonly sleep: Sleep;
}

/** Signed calls to /0/private/…, one key's worth. */
export interface PrivateCaller {
  call(method: string, params: Record<string, string>, signal: AbortSignal | undefined): Promise<unknown>;
  rateCounter(): RateCounterSnapshot;
  lockedUntil(): number | null;
}

const PRIVATE_CALL_COST = 1;

/**
 * Every private call of one key: in the key's lane (one request in flight per key in this process, so
 * nonces reach Kraken in order), under its rate-limit budget, with a fresh nonce, the 2FA password and
 * Kraken's signature; retried when transient. A temporary lockout stops all calls until it ends.
 */
export function createPrivateCaller(options: PrivateCallerOptions): PrivateCaller {
  const { exchange, apiKey, now, secret } = options;
  const nonces = createNonceSource(apiKey, options.nonceStore, now);
  const lane = laneForKey(options.fingerprint);
  const limiter = createRateLimiter({ tier: options.tier, now, sleep: options.sleep, enforce: options.enforceRateLimit });
  let lockoutEndsAt: number | null = null;

  const lockedUntil = (): number | null => {
    if (lockoutEndsAt !== null && now() >= lockoutEndsAt) lockoutEndsAt = null;
    return lockoutEndsAt;
  };

  const attempt = async (method: string, params: Record<string, string>, signal: AbortSignal | undefined): Promise<unknown> => {
    const until = lockedUntil();
    if (until !== null) throw lockoutError(until);
    if (secret instanceof KrakenError) throw secret;
    if (apiKey === '') throw new KrakenError('invalid-key', { message: 'No API key is set.' });
    await limiter.acquire(PRIVATE_CALL_COST, signal);
    const otp = options.otp?.();
    const nonce = nonces.next();
    const body = privateJsonBody(nonce, otp === undefined ? params : { ...params, otp });
    const path = `/0/private/${method}`;
    const headers = {
      'API-Key': apiKey,
      'API-Sign': signRequest(path, nonce, body, secret),
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    try {
      return await exchange.send({ url: options.baseUrl + path, method: 'POST', headers, body }, signal);
    } catch (thrown) {
      const error = toKrakenError(thrown);
      if (error.code === 'lockout') {
        lockoutEndsAt = now() + options.lockoutMs;
        throw lockoutError(lockoutEndsAt, error.krakenErrors);
      }
      if (error.code === 'rate-limited') limiter.saturate();
      throw error;
    }
  };

  return {
    call: (method, params, signal) =>
      lane.run(() => exchange.withRetries(() => attempt(method, params, signal), signal), signal),
    rateCounter: () => limiter.snapshot(),
    lockedUntil,
  };
}

/** The end of the lockout travels as retryAt; each surface writes it in the user's own time zone. */
function lockoutError(until: number, krakenErrors: readonly string[] = ['EGeneral:Temporary lockout']): KrakenError {
  return new KrakenError('lockout', { krakenErrors, retryAt: until });
}

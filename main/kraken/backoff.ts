import type { KrakenError } from './errors.ts';

export interface BackoffPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  readonly random: () => number;
}

export const DEFAULT_BACKOFF = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 } as const;

/**
 * Only transient server-side conditions are retried automatically. Timeouts are not (the user already
 * waited the full timeout), nor is anything about the key, which would only burn towards a lockout.
 */
export function isAutoRetryable(error: KrakenError): boolean {
  switch (error.code) {
    case 'rate-limited':
    case 'service-unavailable':
    case 'network':
      return true;
    case 'http':
      return error.httpStatus !== null && error.httpStatus >= 500;
    default:
      return false;
  }
}

/**
 * Exponential backoff with "equal jitter": the step doubles per attempt (0-based) up to the cap, and the
 * delay is half the step fixed plus half at random, so clients that failed together spread out.
 */
export function jitteredStepMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt, 52));
  return step / 2 + random() * (step / 2);
}

/** The delay before automatic retry `attempt` of a REST call: jittered, never shorter than the server asked. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, error: KrakenError, now: number): number {
  const jittered = jitteredStepMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random);
  const serverAsked = error.retryAt === null ? 0 : Math.max(0, error.retryAt - now);
  return Math.ceil(Math.max(jittered, Math.min(serverAsked, policy.maxDelayMs)));
}

/** Delays the scheduler waits for: after errors (backoff) and before spending rate-limit budget. */

export const ERROR_BACKOFF_BASE_MS = 30_000;
export const ERROR_BACKOFF_MAX_MS = 15 * 60_000;

/**
 * After the n-th failure in a row (n ≥ 1): 30 s, 1 min, 2 min … capped at 15 min, less up to a quarter at
 * random so several accounts that failed together (the network dropped) do not retry in lockstep.
 * Errors about the key itself (wrong key, no permission) will not fix themselves, and every failed call
 * counts towards a Kraken lockout, so those wait the full cap straight away.
 */
export function errorBackoffMs(failures: number, retryable: boolean, random: () => number, maxMs = ERROR_BACKOFF_MAX_MS): number {
  const nominal = retryable ? Math.min(maxMs, ERROR_BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1)) : maxMs;
  return Math.round(nominal * (0.75 + 0.25 * random()));
}

/** Our estimate of a key's private-call counter (Kraken decays it continuously). */
export interface RateBudget {
  readonly value: number;
  readonly max: number;
  readonly decayPerSecond: number;
}

/** What one refresh spends: a single private Balance call (prices are public). */
export const REFRESH_COST = 1;

/**
 * How long to wait until one more refresh fits under `max − reserve`. Automatic refreshes keep a larger
 * reserve than manual ones, so a manual refresh or another tool on the same key still has room.
 */
export function budgetWaitMs(budget: RateBudget | null, reserve: number): number {
  if (budget === null) return 0;
  const excess = budget.value + REFRESH_COST - (budget.max - reserve);
  if (excess <= 0) return 0;
  if (budget.decayPerSecond <= 0) return ERROR_BACKOFF_MAX_MS;
  // +1 ms so float rounding cannot leave the counter a hair over when we wake.
  return Math.ceil((excess / budget.decayPerSecond) * 1000) + 1;
}

/**
 * A key's counter as the client estimates it, under the tier the user set, which may be stricter than the
 * client's own. One client per key holds the one counter.
 */
export function budgetUnderTier(counter: RateBudget, tier: Pick<RateBudget, 'max' | 'decayPerSecond'>): RateBudget {
  return { value: counter.value, max: Math.min(counter.max, tier.max), decayPerSecond: Math.min(counter.decayPerSecond, tier.decayPerSecond) };
}

import { KrakenError } from './errors.ts';

export type VerificationTier = 'starter' | 'intermediate' | 'pro';

export interface TierLimits {
  readonly max: number;
  readonly decayPerSecond: number;
}

export const TIER_LIMITS: Readonly<Record<VerificationTier, TierLimits>> = {
  starter: { max: 15, decayPerSecond: 0.33 },
  intermediate: { max: 20, decayPerSecond: 0.5 },
  pro: { max: 20, decayPerSecond: 1 },
};

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RateCounterSnapshot {
  readonly tier: VerificationTier;
  /** Our estimate of Kraken's counter for this key right now (0 … max). */
  readonly value: number;
  readonly max: number;
  readonly decayPerSecond: number;
  readonly enforced: boolean;
}

export interface RateLimiter {
  /** Waits until `cost` more points fit under the tier's maximum, then spends them. */
  acquire(cost: number, signal?: AbortSignal): Promise<void>;
  /** Kraken said we are over the limit: assume the counter is full. */
  saturate(): void;
  snapshot(): RateCounterSnapshot;
}

export interface RateLimiterOptions {
  readonly tier: VerificationTier;
  readonly now: () => number;
  readonly sleep: Sleep;
  /** false: count but never wait (benchmarks, or a server that does its own limiting). */
  readonly enforce: boolean;
}

// Counter values are call counts, not money, so plain numbers are fine here.
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limits = TIER_LIMITS[options.tier];
  let value = 0;
  let updatedAt = options.now();

  const decay = (): void => {
    const now = options.now();
    const elapsed = Math.max(0, now - updatedAt) / 1000;
    value = Math.max(0, value - elapsed * limits.decayPerSecond);
    updatedAt = Math.max(updatedAt, now);
  };

  return {
    async acquire(cost, signal) {
      for (;;) {
        if (signal?.aborted) throw new KrakenError('aborted');
        decay();
        const excess = value + cost - limits.max;
        if (!options.enforce || excess <= 0) break;
        // +1 ms so float rounding cannot leave us a hair short and spinning.
        await options.sleep(Math.ceil((excess / limits.decayPerSecond) * 1000) + 1, signal);
      }
      value += cost;
    },
    saturate() {
      decay();
      value = limits.max;
    },
    snapshot() {
      decay();
      return { tier: options.tier, value, max: limits.max, decayPerSecond: limits.decayPerSecond, enforced: options.enforce };
    },
  };
}

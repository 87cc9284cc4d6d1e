import { describe, expect, it } from 'vitest';
import { createRateLimiter, TIER_LIMITS, type VerificationTier } from './rate-limiter.ts';
import { createVirtualTime, type VirtualTime } from './testing/virtual-time.ts';

/** A limiter on virtual time: its waits advance the clock instead of taking time. */
const limiterOn = (time: VirtualTime, tier: VerificationTier, enforce = true) =>
  createRateLimiter({ tier, now: time.now, sleep: time.sleep, enforce });

describe('rate limiter', () => {
  it('has Kraken\'s tier budgets', () => {
    expect(TIER_LIMITS).toEqual({
      starter: { max: 15, decayPerSecond: 0.33 },
      intermediate: { max: 20, decayPerSecond: 0.5 },
      pro: { max: 20, decayPerSecond: 1 },
    });
  });

  it('starter: 15 calls go at once, the 16th waits for one point to decay (~3 s)', async () => {
    const time = createVirtualTime();
    const limiter = limiterOn(time, 'starter');
    for (let i = 0; i < 15; i += 1) await limiter.acquire(1);
    expect(time.sleeps).toEqual([]);
    await limiter.acquire(1);
    expect(time.slept).toBeGreaterThanOrEqual(3030);
    expect(time.slept).toBeLessThan(3040);
    expect(limiter.snapshot().value).toBeLessThanOrEqual(15);
  });

  it('never lets the estimated counter exceed the maximum over a long burst', async () => {
    for (const tier of ['starter', 'intermediate', 'pro'] as const) {
      const time = createVirtualTime();
      const limiter = limiterOn(time, tier);
      for (let i = 0; i < 200; i += 1) {
        await limiter.acquire(1);
        expect(limiter.snapshot().value).toBeLessThanOrEqual(TIER_LIMITS[tier].max + 1e-9);
      }
      const { max, decayPerSecond } = TIER_LIMITS[tier];
      // After the initial burst, sustained throughput is exactly the decay rate.
      expect(time.slept / 1000).toBeGreaterThanOrEqual((200 - max) / decayPerSecond);
    }
  });

  it('decays over time and reports the current counter for monitoring', async () => {
    const time = createVirtualTime();
    const limiter = limiterOn(time, 'pro');
    for (let i = 0; i < 10; i += 1) await limiter.acquire(1);
    expect(limiter.snapshot()).toMatchObject({ tier: 'pro', value: 10, max: 20, decayPerSecond: 1, enforced: true });
    time.advance(4000);
    expect(limiter.snapshot().value).toBeCloseTo(6);
    time.advance(60_000);
    expect(limiter.snapshot().value).toBe(0);
  });

  it('saturate() makes the next call wait a full point', async () => {
    const time = createVirtualTime();
    const limiter = limiterOn(time, 'intermediate');
    limiter.saturate();
    await limiter.acquire(1);
    expect(time.slept).toBeGreaterThanOrEqual(2000);
  });

  it('counts but never waits when not enforced', async () => {
    const time = createVirtualTime();
    const limiter = limiterOn(time, 'starter', false);
    for (let i = 0; i < 100; i += 1) await limiter.acquire(1);
    expect(time.sleeps).toEqual([]);
    expect(limiter.snapshot().value).toBe(100);
  });

  it('a clock that jumps back does not inflate the counter', async () => {
    const time = createVirtualTime(10_000);
    const limiter = limiterOn(time, 'starter');
    await limiter.acquire(1);
    time.set(0);
    expect(limiter.snapshot().value).toBe(1);
  });

  it('stops waiting when aborted', async () => {
    const time = createVirtualTime();
    const limiter = limiterOn(time, 'starter');
    limiter.saturate();
    await expect(limiter.acquire(1, AbortSignal.abort())).rejects.toMatchObject({ code: 'aborted' });
  });
});

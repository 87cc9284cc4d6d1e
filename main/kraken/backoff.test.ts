import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isAutoRetryable, type BackoffPolicy } from './backoff.ts';
import { KrakenError } from './errors.ts';

const policy = (random: number): BackoffPolicy => ({ maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, random: () => random });

describe('backoff', () => {
  it('doubles each attempt, with jitter between half and the full step', () => {
    const error = new KrakenError('service-unavailable');
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, policy(0), error, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, policy(0.999999), error, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelayMs(1, policy(0.5), error, 0)).toBe(1500);
  });

  it('is capped', () => {
    expect(backoffDelayMs(20, policy(1), new KrakenError('rate-limited'), 0)).toBe(30_000);
  });

  it('waits at least as long as the server asked (Retry-After), within the cap', () => {
    const error = new KrakenError('rate-limited', { retryAt: 10_000 });
    expect(backoffDelayMs(0, policy(0), error, 4_000)).toBe(6_000);
  });

  it('retries only transient server-side failures', () => {
    const retried = (code: ConstructorParameters<typeof KrakenError>[0], httpStatus?: number): boolean =>
      isAutoRetryable(new KrakenError(code, { httpStatus }));
    expect(retried('rate-limited')).toBe(true);
    expect(retried('service-unavailable')).toBe(true);
    expect(retried('network')).toBe(true);
    expect(retried('http', 500)).toBe(true);
    expect(retried('http', 404)).toBe(false);
    for (const code of ['invalid-key', 'invalid-signature', 'invalid-nonce', 'permission-denied', 'lockout', 'timeout', 'aborted', 'bad-response', 'unknown'] as const) {
      expect(retried(code)).toBe(false);
    }
  });
});

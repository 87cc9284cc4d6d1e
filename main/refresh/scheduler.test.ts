import { describe, expect, it } from 'vitest';
import { counterModel, FAIL, harness, MINUTE, OK } from './testing/scheduler-harness.ts';
import { createFakeClock } from './fake-clock.ts';
import type { RateBudget } from './retry-delay.ts';

describe('RefreshScheduler: interval', () => {
  it('refreshes a new account at once, then once per interval', async () => {
    const h = harness({ auto: OK });
    const start = h.clock.now();
    h.scheduler.setTargets([{ id: 'a', lane: 'key-a' }]);
    await h.flush();
    await h.advance(5 * MINUTE);
    expect(h.calls.map((c) => (c.at - start) / MINUTE)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(h.calls[0]?.reason).toBe('start');
    expect(h.calls[1]?.reason).toBe('scheduled');
    expect(h.scheduler.nextRefreshAt('a')).toBe(start + 6 * MINUTE);
    expect(h.plans.at(-1)).toEqual(['a', start + 6 * MINUTE]);
  });

  it('counts the interval from the end of a slow refresh, so calls never pile up', async () => {
    const h = harness();
    const start = h.clock.now();
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    await h.advance(10_000);
    h.calls[0]?.finish();
    await h.flush();
    expect(h.scheduler.nextRefreshAt('a')).toBe(start + 10_000 + MINUTE);
  });

  it('re-plans at once when the interval changes', async () => {
    let interval = MINUTE;
    const h = harness({ auto: OK, intervalMs: () => interval });
    const start = h.clock.now();
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    interval = 5 * MINUTE;
    h.scheduler.reschedule();
    expect(h.scheduler.nextRefreshAt('a')).toBe(start + 5 * MINUTE);
    await h.advance(10 * MINUTE);
    expect(h.calls.map((c) => (c.at - start) / MINUTE)).toEqual([0, 5, 10]);
  });

  it('stops refreshing a removed account and refreshes an added one at once', async () => {
    const h = harness({ auto: OK });
    h.scheduler.setTargets([{ id: 'a', lane: 'ka' }]);
    await h.flush();
    h.scheduler.setTargets([{ id: 'b', lane: 'kb' }]);
    await h.advance(3 * MINUTE);
    expect(h.calls.filter((c) => c.id === 'a')).toHaveLength(1);
    expect(h.calls.filter((c) => c.id === 'b')).toHaveLength(4);
    expect(h.clock.pendingTimers()).toBe(1);
  });
});

describe('RefreshScheduler: manual refresh', () => {
  it('joins a running refresh instead of starting a second one', async () => {
    const h = harness();
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    let joined = 0;
    void h.scheduler.refreshNow('a').then(() => (joined += 1));
    void h.scheduler.refreshNow().then(() => (joined += 1));
    await h.flush();
    expect(h.calls).toHaveLength(1);
    expect(joined).toBe(0);
    h.calls[0]?.finish();
    await h.flush();
    expect(joined).toBe(2);
    expect(h.calls).toHaveLength(1);
  });

  it('runs at once when idle and restarts the interval from there', async () => {
    const h = harness({ auto: OK });
    const start = h.clock.now();
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.advance(20_000);
    await h.scheduler.refreshNow('a');
    expect(h.calls.map((c) => c.reason)).toEqual(['start', 'manual']);
    expect(h.scheduler.nextRefreshAt('a')).toBe(start + 20_000 + MINUTE);
  });

  it('keeps one request in flight per key: accounts sharing a key take turns', async () => {
    const h = harness();
    h.scheduler.setTargets([{ id: 'a', lane: 'same-key' }, { id: 'b', lane: 'same-key' }, { id: 'c', lane: 'other-key' }]);
    await h.flush();
    expect(h.calls.map((c) => c.id)).toEqual(['a', 'c']);
    h.calls[0]?.finish();
    await h.flush();
    expect(h.calls.map((c) => c.id)).toEqual(['a', 'c', 'b']);
  });

  it('resolves at once for an unknown account', async () => {
    const h = harness({ auto: OK });
    await expect(h.scheduler.refreshNow('nope')).resolves.toBeUndefined();
    expect(h.calls).toHaveLength(0);
  });
});

describe('RefreshScheduler: errors', () => {
  it('backs off exponentially with jitter, capped at 15 minutes, and resumes the interval on success', async () => {
    let failing = true;
    const h = harness({ auto: () => (failing ? FAIL : OK), random: () => 0 });
    const start = h.clock.now();
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.advance(60 * MINUTE);
    const gaps = h.calls.slice(1).map((c, i) => (c.at - (h.calls[i]?.at ?? 0)) / 1000);
    // random() = 0 takes the full quarter off: 30 s → 22.5 s, 60 s → 45 s, … 15 min → 675 s.
    expect(gaps.slice(0, 7)).toEqual([22.5, 45, 90, 180, 360, 675, 675]);
    failing = false;
    const last = h.calls.at(-1)?.at ?? start;
    await h.advance(last + 675_000 - h.clock.now());
    const recovered = h.calls.at(-1)?.at ?? 0;
    await h.advance(3 * MINUTE);
    expect(h.calls.filter((c) => c.at > recovered).map((c) => (c.at - recovered) / MINUTE)).toEqual([1, 2, 3]);
  });

  it('spreads retries: the jitter takes up to a quarter off the step', async () => {
    const h = harness({ auto: FAIL, random: () => 0.999 });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    const first = h.scheduler.nextRefreshAt('a') ?? 0;
    expect(first - h.clock.now()).toBeGreaterThan(29_900);
    expect(first - h.clock.now()).toBeLessThanOrEqual(30_000);
  });

  it('waits the full cap after an error about the key itself', async () => {
    const h = harness({ auto: { ok: false, retryable: false, retryAt: null }, random: () => 0.999 });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBeGreaterThan(14 * MINUTE);
  });

  it('honours a lockout: no call until it ends, and a manual refresh during it calls nothing', async () => {
    let lockedUntil: number | null = null;
    const h = harness({
      auto: () => ({ ok: false, retryable: false, retryAt: lockedUntil }),
      blockedUntil: () => lockedUntil,
    });
    lockedUntil = h.clock.now() + 20 * MINUTE;
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    expect(h.calls).toHaveLength(0);
    expect(h.scheduler.nextRefreshAt('a')).toBe(lockedUntil);
    await h.scheduler.refreshNow('a');
    expect(h.calls).toHaveLength(0);
    await h.advance(19 * MINUTE);
    expect(h.calls).toHaveLength(0);
    lockedUntil = null;
    await h.advance(MINUTE);
    expect(h.calls).toHaveLength(1);
  });

  it('treats a refresh that throws as a retryable failure', async () => {
    const h = harness({ refresh: () => Promise.reject(new Error('boom')), random: () => 0 });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBe(22_500);
  });
});

/** Kraken's per-key counter: +1 per call, decaying continuously. */
describe('RefreshScheduler: rate-limit budget', () => {
  it('never lets manual refreshes push the counter past the maximum less one, however fast the clicks', async () => {
    const clock = createFakeClock();
    const counter = counterModel(clock, 15, 0.33);
    const h = harness({
      clock,
      budget: () => counter.budget(),
      refresh: async () => {
        counter.spend();
        return OK;
      },
    });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    for (let click = 0; click < 200; click += 1) {
      void h.scheduler.refreshNow('a');
      await h.advance(250);
    }
    await h.advance(2 * MINUTE);
    expect(counter.peak()).toBeLessThanOrEqual(14);
    expect(counter.peak()).toBeGreaterThan(13);
    // 50 s of clicking at 0.33/s decay after a full bucket: about 14 + 16 calls, not 200.
    expect(h.calls.length).toBeLessThan(40);
  });

  it('keeps a reserve of 3 for automatic refreshes and of 1 for manual ones', async () => {
    let budget: RateBudget = { value: 12.5, max: 15, decayPerSecond: 0.5 };
    const h = harness({ auto: OK, budget: () => budget });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    expect(h.calls).toHaveLength(0);
    // 12.5 + 1 must come down to 12 (15 minus 3): 1.5 points at 0.5/s = 3 s.
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBe(3001);
    await h.scheduler.refreshNow('a');
    expect(h.calls.map((c) => c.reason)).toEqual(['manual']);
    budget = { value: 15, max: 15, decayPerSecond: 0.5 };
    void h.scheduler.refreshNow('a');
    await h.flush();
    expect(h.calls).toHaveLength(1);
    // 15 + 1 must come down to 14: 2 points at 0.5/s = 4 s.
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBe(4001);
    budget = { value: 0, max: 15, decayPerSecond: 0.5 };
    await h.advance(4001);
    expect(h.calls.map((c) => c.reason)).toEqual(['manual', 'manual']);
  });
});

describe('RefreshScheduler: sleep and network', () => {
  it('does nothing while the machine sleeps and refreshes everything right after resume', async () => {
    const h = harness({ auto: OK });
    h.scheduler.setTargets([{ id: 'a', lane: 'ka' }, { id: 'b', lane: 'kb' }]);
    await h.flush();
    h.power('suspend');
    expect(h.scheduler.pausedReason()).toBe('suspended');
    expect(h.scheduler.nextRefreshAt('a')).toBeNull();
    expect(h.clock.pendingTimers()).toBe(0);
    await h.advance(8 * 60 * MINUTE);
    expect(h.calls).toHaveLength(2);
    h.power('resume');
    await h.flush();
    expect(h.calls.slice(2).map((c) => [c.id, c.reason])).toEqual([['a', 'resume'], ['b', 'resume']]);
    await h.advance(MINUTE);
    expect(h.calls).toHaveLength(6);
  });

  it('pauses offline, stays paused until both the network and the machine are back', async () => {
    const h = harness({ auto: OK });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.power('offline');
    h.power('suspend');
    h.power('resume');
    await h.advance(10 * MINUTE);
    expect(h.calls).toHaveLength(1);
    expect(h.scheduler.pausedReason()).toBe('offline');
    h.power('online');
    await h.flush();
    expect(h.calls.map((c) => c.reason)).toEqual(['start', 'resume']);
    expect(h.scheduler.pausedReason()).toBeNull();
  });

  it('still honours a manual refresh while offline (the OS can be wrong about it)', async () => {
    const h = harness({ auto: OK });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.power('offline');
    await h.scheduler.refreshNow('a');
    expect(h.calls.map((c) => c.reason)).toEqual(['start', 'manual']);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('forgets the backoff of errors from before the sleep', async () => {
    const h = harness({ auto: FAIL, random: () => 0 });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.advance(10 * MINUTE);
    h.power('suspend');
    h.power('resume');
    await h.flush();
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBe(22_500);
  });

  it('stop() ends everything and ignores later power events', async () => {
    const h = harness({ auto: OK });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.scheduler.stop();
    h.power('suspend');
    h.power('resume');
    await h.advance(10 * MINUTE);
    expect(h.calls).toHaveLength(1);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { FAIL, harness, MINUTE, OK } from './testing/scheduler-harness.ts';
import type { RateBudget } from './retry-delay.ts';

describe('RefreshScheduler: changes pushed by a live stream', () => {
  it('refreshes at once on a push; pushes during a refresh queue exactly one more, run right after it', async () => {
    const h = harness();
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.calls[0]?.finish();
    await h.flush();
    h.scheduler.refreshOnEvent('a');
    expect(h.calls.map((c) => c.reason)).toEqual(['start', 'event']);
    for (let push = 0; push < 5; push += 1) h.scheduler.refreshOnEvent('a');
    await h.flush();
    expect(h.calls).toHaveLength(2);
    h.calls[1]?.finish();
    await h.flush();
    expect(h.calls.map((c) => c.reason)).toEqual(['start', 'event', 'event']);
    h.calls[2]?.finish();
    await h.flush();
    // Nothing was pushed during the third: no fourth.
    expect(h.calls).toHaveLength(3);
    expect(h.scheduler.nextRefreshAt('a')).toBe(h.clock.now() + MINUTE);
  });

  it('spends only what automatic refreshes may: a push waits for the budget instead of overspending it', async () => {
    const budget: RateBudget = { value: 12.5, max: 15, decayPerSecond: 0.5 };
    const h = harness({ auto: OK, budget: () => budget });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.scheduler.refreshOnEvent('a');
    await h.flush();
    expect(h.calls).toHaveLength(0);
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBe(3001);
  });

  it('a push is not a retry: after a failed refresh the queued one waits for the backoff', async () => {
    const h = harness({ random: () => 0 });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.scheduler.refreshOnEvent('a');
    h.calls[0]?.finish(FAIL);
    await h.flush();
    expect(h.calls).toHaveLength(1);
    expect((h.scheduler.nextRefreshAt('a') ?? 0) - h.clock.now()).toBe(22_500);
  });

  it('ignores pushes while the machine sleeps (the wake-up refresh reads everything) and for unknown accounts', async () => {
    const h = harness({ auto: OK });
    h.scheduler.setTargets([{ id: 'a', lane: 'k' }]);
    await h.flush();
    h.power('suspend');
    h.scheduler.refreshOnEvent('a');
    h.scheduler.refreshOnEvent('nope');
    await h.flush();
    expect(h.calls).toHaveLength(1);
  });

  it('each account keeps its own pace: a longer one for a live account, re-planned when it changes', async () => {
    let liveA = true;
    const h = harness({ auto: OK, intervalMs: (id) => (id === 'a' && liveA ? 5 * MINUTE : MINUTE) });
    const start = h.clock.now();
    h.scheduler.setTargets([{ id: 'a', lane: 'ka' }, { id: 'b', lane: 'kb' }]);
    await h.flush();
    expect(h.scheduler.nextRefreshAt('a')).toBe(start + 5 * MINUTE);
    expect(h.scheduler.nextRefreshAt('b')).toBe(start + MINUTE);
    await h.advance(2 * MINUTE);
    liveA = false;
    h.scheduler.reschedule('a');
    // Two minutes since its last refresh, more than its new pace: at once.
    expect(h.scheduler.nextRefreshAt('a')).toBe(h.clock.now());
  });
});

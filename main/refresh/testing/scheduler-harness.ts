import { advanceSettled, createFakeClock, settle, type FakeClock } from '../fake-clock.ts';
import { RefreshScheduler, type PowerEvent, type PowerSource, type RefreshOutcome, type RefreshReason, type SchedulerOptions } from '../scheduler.ts';
import type { RateBudget } from '../retry-delay.ts';

// The scheduler under test on a fake clock, shared by scheduler.test.ts and scheduler-events.test.ts.

export const MINUTE = 60_000;
export const OK: RefreshOutcome = { ok: true };
export const FAIL: RefreshOutcome = { ok: false, retryable: true, retryAt: null };

export interface Call {
  id: string;
  reason: RefreshReason;
  at: number;
  finish: (outcome?: RefreshOutcome) => void;
}

/** A scheduler whose refreshes stay open until the test finishes them (or finish at once with `auto`). */
export function harness(options: Partial<SchedulerOptions> & { auto?: RefreshOutcome | ((id: string) => RefreshOutcome) } = {}) {
  const clock: FakeClock = createFakeClock();
  const calls: Call[] = [];
  const plans: [string, number | null][] = [];
  let emit: (event: PowerEvent) => void = () => undefined;
  const power: PowerSource = {
    subscribe: (listener) => {
      emit = listener;
      return () => (emit = () => undefined);
    },
  };
  const scheduler = new RefreshScheduler({
    clock,
    intervalMs: () => MINUTE,
    random: () => 0.5,
    power,
    onPlan: (id, at) => plans.push([id, at]),
    refresh: (id, reason) =>
      new Promise<RefreshOutcome>((resolve) => {
        const call: Call = { id, reason, at: clock.now(), finish: (outcome = OK) => resolve(outcome) };
        calls.push(call);
        const auto = options.auto;
        if (auto !== undefined) call.finish(typeof auto === 'function' ? auto(id) : auto);
      }),
    ...options,
  });
  /** Lets promise callbacks run; the fake clock never moves by itself. */
  return { clock, calls, plans, scheduler, flush: () => settle(), advance: (ms: number) => advanceSettled(clock, ms), power: (event: PowerEvent) => emit(event) };
}

/** A key's counter the test spends from, decaying on the fake clock as Kraken's does. */
export function counterModel(clock: FakeClock, max: number, decayPerSecond: number) {
  let value = 0;
  let at = clock.now();
  let peak = 0;
  const decay = (): void => {
    value = Math.max(0, value - ((clock.now() - at) / 1000) * decayPerSecond);
    at = clock.now();
  };
  return {
    spend: () => {
      decay();
      value += 1;
      peak = Math.max(peak, value);
    },
    budget: (): RateBudget => {
      decay();
      return { value, max, decayPerSecond };
    },
    peak: () => peak,
  };
}


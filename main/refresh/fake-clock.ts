import type { Clock } from './clock.ts';

/**
 * A clock for tests and the soak bench: time moves only when told to, and due timers fire in order
 * (ties in the order they were set). Not used by the app itself.
 */
export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void;
  /** Moves time to `at` (never backwards), firing due timers on the way. */
  advanceTo(at: number): void;
  /** When the earliest pending timer is due, or null when none is pending. */
  nextTimerAt(): number | null;
  /** Fires the earliest pending timer (moving time to it); false when none is pending. */
  runNext(): boolean;
  pendingTimers(): number;
  /** Sleeps on this clock: resolves when time has been advanced past `ms` from now. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

interface Pending {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export function createFakeClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)): FakeClock {
  let time = start;
  let nextId = 1;
  let pending: Pending[] = [];

  const earliest = (): Pending | undefined =>
    pending.reduce<Pending | undefined>((best, p) => (best === undefined || p.at < best.at || (p.at === best.at && p.id < best.id) ? p : best), undefined);

  const fire = (timer: Pending): void => {
    pending = pending.filter((p) => p.id !== timer.id);
    time = Math.max(time, timer.at);
    timer.callback();
  };

  const clock: FakeClock = {
    now: () => time,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.push({ id, at: time + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout: (handle) => {
      pending = pending.filter((p) => p.id !== handle);
    },
    advance: (ms) => clock.advanceTo(time + ms),
    advanceTo: (at) => {
      for (let next = earliest(); next !== undefined && next.at <= at; next = earliest()) fire(next);
      time = Math.max(time, at);
    },
    nextTimerAt: () => earliest()?.at ?? null,
    runNext: () => {
      const next = earliest();
      if (next === undefined) return false;
      fire(next);
      return true;
    },
    pendingTimers: () => pending.length,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
          return;
        }
        const handle = clock.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = (): void => {
          clock.clearTimeout(handle);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
  return clock;
}

/**
 * Lets every promise callback queued by fired timers run, until none is left: Node starts the next turn
 * of its event loop (setImmediate) only once the microtask queue is empty, however long the chain of
 * callbacks that queue one another. What waits on the fake clock stays waiting, as it should.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Advances `clock` by `ms` timer by timer, letting the async work each timer starts settle in between. */
export async function advanceSettled(clock: FakeClock, ms: number): Promise<void> {
  const end = clock.now() + ms;
  await settle();
  for (let next = clock.nextTimerAt(); next !== null && next <= end; next = clock.nextTimerAt()) {
    clock.advanceTo(next);
    await settle();
  }
  clock.advanceTo(end);
  await settle();
}

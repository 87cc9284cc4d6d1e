/**
 * Time as the scheduler, the balances service and history see it. Injected everywhere so tests and the
 * 24-hour soak run on a fake clock in milliseconds of real time.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque to callers: a Node timeout in the app, a number on the fake clock. */
export type TimerHandle = unknown;

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending refresh must never keep a quitting process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

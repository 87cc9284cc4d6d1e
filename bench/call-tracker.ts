import type { FakeClock } from '../main/refresh/fake-clock.ts';

/**
 * Kraken calls in flight, for benches that run the app on a fake clock: the loop moves time only once
 * every call is done or asleep on that clock (the client's own backoff and rate-limit waits).
 */
export function callTracker(clock: FakeClock) {
  let inFlight = 0;
  let asleep = 0;
  return {
    /** The client's sleep, on the fake clock. */
    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
      asleep += 1;
      try {
        await clock.sleep(ms, signal);
      } finally {
        asleep -= 1;
      }
    },
    /** Wraps a client call so it counts while in flight. */
    counting<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
      return async (...args: A): Promise<R> => {
        inFlight += 1;
        try {
          return await call(...args);
        } finally {
          inFlight -= 1;
        }
      };
    },
    /** Some call is neither done nor asleep: real I/O is still to come. */
    busy: (): boolean => inFlight > asleep,
  };
}

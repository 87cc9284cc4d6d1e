import type { Sleep } from '../rate-limiter.ts';
import { KrakenError } from '../errors.ts';

/**
 * A clock that only moves when something sleeps on it, so rate-limit waits and backoff take no real
 * time in tests. Share `now` with the fake server to make its counter decay in the same time.
 */
export interface VirtualTime {
  now: () => number;
  sleep: Sleep;
  advance(ms: number): void;
  set(ms: number): void;
  readonly sleeps: readonly number[];
  readonly slept: number;
}

export function createVirtualTime(start = 1_700_000_000_000): VirtualTime {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new KrakenError('aborted');
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
    get sleeps() {
      return sleeps;
    },
    get slept() {
      return sleeps.reduce((a, b) => a + b, 0);
    },
  };
}

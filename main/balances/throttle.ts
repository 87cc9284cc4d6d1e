import type { Clock, TimerHandle } from '../refresh/clock.ts';

export interface Throttle {
  /** Asks for a run: now if the last one is `everyMs` ago, else once when that time is up. */
  request(): void;
  cancel(): void;
}

/**
 * At most one run of `run` per `everyMs`, and never a request left behind: the first request runs at
 * once, requests during the wait collapse into one run at its end. Pushed prices can arrive many times a
 * second; the window and the tray need them at most a few times a second.
 */
export function createThrottle(clock: Clock, everyMs: number, run: () => void): Throttle {
  let lastRunAt = -Infinity;
  let timer: TimerHandle | null = null;
  const fire = (): void => {
    timer = null;
    lastRunAt = clock.now();
    run();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = lastRunAt + everyMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../refresh/fake-clock.ts';
import { createThrottle } from './throttle.ts';

describe('createThrottle', () => {
  it('runs the first request at once, collapses the rest of the window into one run at its end, and leaves none behind', () => {
    const clock = createFakeClock(0);
    const runs: number[] = [];
    const throttle = createThrottle(clock, 250, () => runs.push(clock.now()));
    throttle.request();
    clock.advance(10);
    throttle.request();
    throttle.request();
    clock.advance(100);
    throttle.request();
    expect(runs).toEqual([0]);
    clock.advance(140);
    expect(runs).toEqual([0, 250]);
    clock.advance(1000);
    throttle.request();
    expect(runs).toEqual([0, 250, 1250]);
    throttle.request();
    throttle.cancel();
    clock.advance(1000);
    expect(runs).toEqual([0, 250, 1250]);
  });
});

import { describe, expect, it } from 'vitest';
import { advanceSettled, createFakeClock, settle } from './fake-clock.ts';

/** Resolves after `links` promise callbacks that each queue the next one. */
async function chain(links: number): Promise<void> {
  for (let i = 0; i < links; i += 1) await Promise.resolve();
}

describe('settle', () => {
  it('runs promise callbacks until none is left, however long the chain', async () => {
    let done = false;
    void chain(500).then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(true);
  });

  it('leaves what waits on the fake clock waiting', async () => {
    const clock = createFakeClock();
    let woke = false;
    void clock.sleep(1000).then(() => {
      woke = true;
    });
    await settle();
    expect(woke).toBe(false);
    await advanceSettled(clock, 1000);
    expect(woke).toBe(true);
  });
});

describe('advanceSettled', () => {
  it('fires timers that async work sets on the way, each after the work before it has settled', async () => {
    const clock = createFakeClock();
    const fired: number[] = [];
    const step = async (n: number): Promise<void> => {
      await chain(100);
      fired.push(n);
      if (n < 3) clock.setTimeout(() => void step(n + 1), 10);
    };
    clock.setTimeout(() => void step(1), 10);
    await advanceSettled(clock, 30);
    expect(fired).toEqual([1, 2, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { KrakenError } from './errors.ts';
import { createSerialLane, laneForKey } from './serial-lane.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('serial lane', () => {
  it('runs tasks one at a time, in arrival order', async () => {
    const lane = createSerialLane();
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, i) => lane.run(async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await tick();
      order.push(i);
      running -= 1;
    })));
    expect(maxRunning).toBe(1);
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(lane.pending).toBe(0);
  });

  it('a failing task does not block the next one', async () => {
    const lane = createSerialLane();
    const failed = lane.run(() => Promise.reject(new Error('boom')));
    const next = lane.run(() => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('a caller that aborts while queued is rejected at once and its task never runs', async () => {
    const lane = createSerialLane();
    let release!: () => void;
    const first = lane.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    let ran = false;
    const queued = lane.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'aborted' });
    release();
    await first;
    await tick();
    expect(ran).toBe(false);
  });

  it('an already-aborted signal rejects with a KrakenError', async () => {
    const lane = createSerialLane();
    await expect(lane.run(() => Promise.resolve(1), AbortSignal.abort())).rejects.toBeInstanceOf(KrakenError);
  });

  it('one lane per key fingerprint', () => {
    expect(laneForKey('kraken:a')).toBe(laneForKey('kraken:a'));
    expect(laneForKey('kraken:a')).not.toBe(laneForKey('kraken:b'));
  });
});

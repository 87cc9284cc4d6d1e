import { KrakenError } from './errors.ts';

/**
 * Runs tasks one at a time in arrival order. Private calls for one API key go through one lane, so
 * nonces reach Kraken in the order they were issued.
 */
export interface SerialLane {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks queued or running; for monitoring and tests. */
  readonly pending: number;
}

export function createSerialLane(): SerialLane {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    get pending() {
      return pending;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      pending += 1;
      const turn = tail.then(() => {
        // A caller that gave up while queued must not spend a nonce or a rate-limit point.
        if (signal?.aborted) throw new KrakenError('aborted');
        return task();
      });
      const settled = turn.finally(() => {
        pending -= 1;
      });
      tail = settled.catch(() => undefined);
      return signal === undefined ? settled : rejectEarlyOnAbort(settled, signal);
    },
  };
}

function rejectEarlyOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new KrakenError('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new KrakenError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const lanes = new Map<string, SerialLane>();

/** One lane per key fingerprint for the whole process, shared by every client of that key. */
export function laneForKey(fingerprint: string): SerialLane {
  let lane = lanes.get(fingerprint);
  if (lane === undefined) {
    lane = createSerialLane();
    lanes.set(fingerprint, lane);
  }
  return lane;
}

import Big from 'big.js';
import type { StreamTimers } from './ws-api.ts';

/** Drives a bench: one balance changed `times` times at random intervals, every change logged. */
export interface BalanceWalkOptions {
  /** Default: the fake's first key. */
  readonly apiKey?: string;
  /** REST asset code, e.g. XXBT or ZUSD. */
  readonly asset: string;
  readonly times: number;
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
  /** Same seed, same intervals and amounts. Default 1. */
  readonly seed?: number;
}

/** One change the fake made: at `at` the key's balance of `asset` became exactly `balance`. */
export interface BalanceChange {
  readonly index: number;
  readonly at: number;
  readonly apiKey: string;
  readonly asset: string;
  readonly balance: string;
}

export interface BalanceWalk {
  /** Resolves after the last change (or on cancel). */
  readonly done: Promise<void>;
  cancel(): void;
}

export interface BalanceWalkDeps {
  readonly now: () => number;
  readonly timers: StreamTimers;
  readonly balances: (apiKey: string) => Readonly<Record<string, string>>;
  readonly setBalances: (balances: Readonly<Record<string, string>>, apiKey: string) => void;
  readonly record: (change: BalanceChange) => void;
}

/** Small, seedable, good enough to spread intervals and amounts (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function validateBalanceWalk(options: BalanceWalkOptions): void {
  const { times, minIntervalMs, maxIntervalMs } = options;
  if (!Number.isInteger(times) || times < 1 || times > 100_000) throw new Error('times must be an integer from 1 to 100000');
  if (!(minIntervalMs >= 0) || !(maxIntervalMs >= minIntervalMs)) throw new Error('need 0 <= minIntervalMs <= maxIntervalMs');
  if (typeof options.asset !== 'string' || options.asset === '') throw new Error('asset is required');
}

/** The next amount: up or down by 1–1000 units of its last decimal place, never below zero. */
function nextAmount(current: string, random: () => number): string {
  const decimals = current.split('.')[1]?.length ?? 0;
  const unit = new Big(1).div(new Big(10).pow(decimals));
  const step = unit.times(1 + Math.floor(random() * 1000));
  const value = new Big(current);
  const down = random() < 0.5 && value.gte(step);
  return (down ? value.minus(step) : value.plus(step)).toFixed(decimals);
}

export function startBalanceWalk(apiKey: string, options: BalanceWalkOptions, deps: BalanceWalkDeps): BalanceWalk {
  validateBalanceWalk(options);
  const random = seededRandom(options.seed ?? 1);
  let index = 0;
  let handle: unknown = null;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const delay = (): number => options.minIntervalMs + random() * (options.maxIntervalMs - options.minIntervalMs);
  const step = (): void => {
    const balances = deps.balances(apiKey);
    const current = balances[options.asset];
    const balance = nextAmount(current !== undefined && /^\d+(?:\.\d+)?$/.test(current) ? current : '0.00000000', random);
    deps.setBalances({ ...balances, [options.asset]: balance }, apiKey);
    index += 1;
    deps.record({ index, at: deps.now(), apiKey, asset: options.asset, balance });
    if (index >= options.times) {
      handle = null;
      finish();
    } else handle = deps.timers.setTimeout(step, delay());
  };
  handle = deps.timers.setTimeout(step, delay());
  return {
    done,
    cancel() {
      if (handle !== null) deps.timers.clearTimeout(handle);
      handle = null;
      finish();
    },
  };
}

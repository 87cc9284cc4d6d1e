// The app's refresh engine as main composes it (BalancesService, and LiveUpdates when live), the real
// Kraken client and the fake Kraken with its WebSocket v2 endpoints over real sockets on 127.0.0.1, on a
// clock the bench chooses: real time to measure latency, a fake clock to simulate hours in seconds.
import type { AccountSummary, Settings } from '../ipc/contract.ts';
import { startFakeKraken, type FakeKraken } from '../e2e/fake-kraken/index.ts';
import { BalancesService } from '../main/balances/balances-service.ts';
import { createKrakenClient, createMemoryNonceStore, keyFingerprint, TIER_LIMITS, type KrakenClient } from '../main/kraken/index.ts';
import { createWebSocketFactory, streamUrlsFor, type StreamTuning } from '../main/kraken/ws/index.ts';
import { LiveUpdates } from '../main/live/live-updates.ts';
import type { Clock } from '../main/refresh/clock.ts';
import type { FakeClock } from '../main/refresh/fake-clock.ts';
import type { PowerEvent } from '../main/refresh/scheduler.ts';
import { DEFAULT_SETTINGS } from '../main/settings/settings-schema.ts';
import { testKeyPair } from '../main/vault/testing/key-pair.ts';
import { callTracker } from './call-tracker.ts';

export const TIER = 'starter' as const;
export const BUDGET = TIER_LIMITS[TIER];
/** The refresh's one signed balances call (BalanceEx: balances and what open orders hold). */
export const BALANCE_PATH = '/0/private/BalanceEx';

export interface HarnessOptions {
  readonly clock: Clock;
  /** With the live streams (as the app runs), or plain polling at the interval. */
  readonly live: boolean;
  readonly intervalSec: number;
  readonly random?: () => number;
  /** For a fake clock: the fake's timers (heartbeats, balance walks) and the client's sleeps run on it. */
  readonly fakeClock?: FakeClock;
  /** The fake's heartbeat period (default 1 s, as Kraken's) and the streams' tuning (default the app's). */
  readonly heartbeatMs?: number;
  readonly tuning?: Partial<StreamTuning>;
}

export interface Harness {
  readonly fake: FakeKraken;
  readonly service: BalancesService;
  readonly live: LiveUpdates | null;
  readonly account: AccountSummary;
  /** The harness's own API key on the fake. */
  readonly apiKey: string;
  /** Kraken calls in flight, and how many of them wait on the fake clock (for fake-time stepping). */
  busy(): boolean;
  /** The account's current amount of `asset`, exactly as main holds it. */
  amount(asset: string): string | undefined;
  emitPower(event: PowerEvent): void;
  close(): Promise<void>;
}

let harnesses = 0;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { clock, fakeClock } = options;
  // A key of its own per harness: a key's request lane is process-wide (as one key's nonces must be), and
  // an earlier harness's fake clock may still hold a sleeping call in it.
  harnesses += 1;
  const key = testKeyPair(`bench live ${harnesses}`);
  const fake = await startFakeKraken({ keys: [key], rateLimit: { tier: TIER }, heartbeatMs: options.heartbeatMs, ...(fakeClock ? { now: fakeClock.now, timers: fakeClock } : {}) });
  const tracker = fakeClock === undefined ? null : callTracker(fakeClock);
  const sleep = tracker?.sleep;
  const raw = createKrakenClient({
    apiKey: key.apiKey, apiSecret: key.apiSecret, baseUrl: fake.url, now: () => clock.now(), sleep, random: options.random,
    nonceStore: createMemoryNonceStore(), tier: TIER, timeoutMs: 5000,
  });
  const counting = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => tracker?.counting(call) ?? call;
  const client: KrakenClient = {
    ...raw,
    balance: counting(raw.balance), assets: counting(raw.assets), assetPairs: counting(raw.assetPairs),
    ticker: counting(raw.ticker), webSocketsToken: counting(raw.webSocketsToken),
  };
  const account: AccountSummary = {
    id: 'main', label: 'Main', keyFingerprint: keyFingerprint(key.apiKey), addedAt: new Date(clock.now()).toISOString(), hasOtp: false, demo: false, lastCheck: null,
  };
  const settings: Settings = { ...DEFAULT_SETTINGS, refreshIntervalSec: options.intervalSec, tier: TIER };
  const powerListeners: ((event: PowerEvent) => void)[] = [];
  const power = { subscribe: (listener: (event: PowerEvent) => void) => (powerListeners.push(listener), () => undefined) };
  const accounts = { list: () => [account], onChanged: () => () => undefined };
  const service = new BalancesService({
    clock, random: options.random, power,
    accounts: { ...accounts, clientFor: () => Promise.resolve(client), recordCheck: () => undefined },
    settings: { get: () => settings, onChange: () => () => undefined },
    announceEveryMs: 250,
  });
  const live = !options.live ? null : new LiveUpdates({
    balances: service, accounts, clientFor: () => Promise.resolve(client), urls: streamUrlsFor(fake.url),
    socketFactory: createWebSocketFactory(), clock, power, random: options.random, tuning: options.tuning,
  });
  service.start();
  live?.start();
  return {
    fake, service, live, account, apiKey: key.apiKey,
    busy: () => tracker?.busy() ?? false,
    amount: (asset) => service.list()[0]?.portfolio?.rows.find((row) => row.asset === asset)?.amount,
    emitPower: (event) => {
      for (const listener of powerListeners) listener(event);
    },
    async close() {
      live?.dispose();
      service.dispose();
      raw.close();
      await fake.close();
    },
  };
}

/** One turn of the event loop's I/O: socket frames and HTTP answers already sent get read. */
const ioTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a fake clock to `until` in steps of at most `stepMs`, letting real I/O (HTTP answers, WebSocket
 * frames) catch up between steps, so heartbeats and the watchdog see the same time. `onStep` runs after
 * each step's I/O has settled.
 */
export async function runFakeTime(clock: FakeClock, harness: Pick<Harness, 'busy'>, until: number, stepMs: number, onStep: (now: number) => void): Promise<void> {
  while (clock.now() < until) {
    let turns = 0;
    do {
      await ioTurn();
      turns += 1;
    } while (turns < 3 || (harness.busy() && turns < 10_000));
    onStep(clock.now());
    clock.advanceTo(Math.min(until, clock.now() + stepMs));
  }
}

/** p50, p95 and max of a list of milliseconds. */
export function percentiles(values: readonly number[]): { p50: number; p95: number; max: number; count: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, count: sorted.length };
}

// Live mode against plain polling, printed side by side (issue 14, point 6):
//  1. change → main's state: the fake changes one balance 200 times at random intervals (real time); for
//     each change, the time until main holds the exact new amount (REST Balance, after the stream's push);
//  2. change → the window's DOM: the same in a Playwright run of the real app (e2e/bench/live-dom.bench.ts);
//  3. private REST calls per hour per key in steady state (nothing changes), simulated on a fake clock;
//  4. plain 60 s polling: the same 200 changes at the same kind of intervals, simulated on a fake clock.
// Wrong amounts: any amount main (or the DOM) showed that Kraken never held. Targets: DOM p95 ≤ 1,000 ms,
// ≤ 15 private REST calls/h per key in steady state, 0 wrong amounts. Printed, not asserted.
// Run: npm run bench:live  [-- --changes 200 --no-dom]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BalanceChange } from '../e2e/fake-kraken/index.ts';
import { SYSTEM_CLOCK } from '../main/refresh/clock.ts';
import { createFakeClock } from '../main/refresh/fake-clock.ts';
import { numberArg } from './args.ts';
import { BALANCE_PATH, percentiles, runFakeTime, startHarness, type Harness } from './live-harness.ts';
import { guardLoopbackOnly } from './network-guard.ts';

const CHANGES = Math.floor(numberArg('--changes', 200));
const ASSET = 'XXBT';
const HOUR = 3_600_000;
const TARGET_DOM_P95_MS = 1000;
const TARGET_CALLS_PER_HOUR = 15;
const root = path.resolve(import.meta.dirname, '..');
const guard = guardLoopbackOnly();
console.warn = () => undefined;

interface Latencies {
  readonly ms: number[];
  /** Changes replaced by the next one before any refresh could show them. */
  readonly superseded: number;
  readonly wrong: number;
}

/** From each change to the first time `seen` recorded its exact amount (at or after the change). */
function latencies(changes: readonly BalanceChange[], seen: ReadonlyMap<string, number[]>, initial: string): Latencies {
  const ms: number[] = [];
  let superseded = 0;
  for (const change of changes) {
    const at = seen.get(change.balance)?.find((time) => time >= change.at);
    if (at === undefined) superseded += 1;
    else ms.push(at - change.at);
  }
  const held = new Set([initial, ...changes.map((change) => change.balance)]);
  const wrong = [...seen.keys()].filter((amount) => !held.has(amount)).length;
  return { ms, superseded, wrong };
}

/** The amounts main held over time: each time a refresh lands with an amount other than the last one. */
function amountLog(): { seen: Map<string, number[]>; note: (amount: string | undefined, at: number) => void } {
  const seen = new Map<string, number[]>();
  let last: string | undefined;
  return {
    seen,
    note(amount, at) {
      if (amount === undefined || amount === last) return;
      last = amount;
      seen.set(amount, [...(seen.get(amount) ?? []), at]);
    },
  };
}

async function untilLive(harness: Harness): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(harness.service.list()[0]?.updates.live ?? false)) {
    if (Date.now() > end) throw new Error('the stream never went live');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** 1. Real time, live: change → exact amount in main's state. */
async function liveToState(): Promise<Latencies & { wallS: number; balanceCalls: number }> {
  const harness = await startHarness({ clock: SYSTEM_CLOCK, live: true, intervalSec: 60 });
  await untilLive(harness);
  const initial = harness.amount(ASSET) ?? '';
  const log = amountLog();
  harness.service.onRefreshed(() => log.note(harness.amount(ASSET), Date.now()));
  const started = Date.now();
  const before = harness.fake.calls.filter((call) => call.path === BALANCE_PATH).length;
  await harness.fake.startBalanceWalk({ asset: ASSET, times: CHANGES, minIntervalMs: 2000, maxIntervalMs: 5000, seed: 14 });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const result = latencies(harness.fake.balanceChanges, log.seen, initial);
  const balanceCalls = harness.fake.calls.filter((call) => call.path === BALANCE_PATH).length - before;
  await harness.close();
  return { ...result, wallS: (Date.now() - started) / 1000, balanceCalls };
}

/** 3. Private REST calls per hour with nothing changing, after a 10-minute warm-up, on a fake clock. */
async function steadyCallsPerHour(live: boolean, hours = 2): Promise<number> {
  const clock = createFakeClock();
  const harness = await startHarness({ clock, fakeClock: clock, live, intervalSec: 60, random: () => 0.5 });
  const warm = clock.now() + 10 * 60_000;
  // Steps shorter than the watchdog's ping (2.5 s) while streams run; polling alone can stride.
  const step = live ? 2000 : 10_000;
  await runFakeTime(clock, harness, warm, step, () => undefined);
  const before = harness.fake.calls.filter((call) => call.path.startsWith('/0/private/')).length;
  await runFakeTime(clock, harness, warm + hours * HOUR, step, () => undefined);
  const calls = harness.fake.calls.filter((call) => call.path.startsWith('/0/private/')).length - before;
  await harness.close();
  return calls / hours;
}

/** 4. Plain 60 s polling, the same walk on a fake clock: change → exact amount in main's state. */
async function pollingToState(): Promise<Latencies> {
  const clock = createFakeClock();
  const harness = await startHarness({ clock, fakeClock: clock, live: false, intervalSec: 60, random: () => 0.5 });
  await runFakeTime(clock, harness, clock.now() + 5000, 1000, () => undefined);
  const initial = harness.amount(ASSET) ?? '';
  const log = amountLog();
  harness.service.onRefreshed(() => log.note(harness.amount(ASSET), clock.now()));
  const walk = harness.fake.startBalanceWalk({ asset: ASSET, times: CHANGES, minIntervalMs: 30_000, maxIntervalMs: 150_000, seed: 14 });
  let done = false;
  void walk.then(() => (done = true));
  while (!done) await runFakeTime(clock, harness, clock.now() + 60_000, 1000, () => undefined);
  await runFakeTime(clock, harness, clock.now() + 61_000, 1000, () => undefined);
  const result = latencies(harness.fake.balanceChanges, log.seen, initial);
  await harness.close();
  return result;
}

/** 2. The window's DOM, in a Playwright run of the real app; null when skipped or failed. */
function liveToDom(): (Latencies & { wallS: number }) | null {
  if (process.argv.includes('--no-dom')) return null;
  const out = path.join(root, 'test-results/bench-live-dom.json');
  rmSync(out, { force: true });
  const run = spawnSync('npx', ['playwright', 'test', '--config', 'e2e/bench/live-dom.config.ts'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_LIVE_CHANGES: String(CHANGES), BENCH_LIVE_OUT: out },
  });
  if (run.status !== 0 || !existsSync(out)) return null;
  return JSON.parse(readFileSync(out, 'utf8')) as Latencies & { wallS: number };
}

const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`.padStart(10);
const row = (label: string, result: Latencies | null, unit = ''): string => {
  if (result === null) return `  ${label.padEnd(34)} (not run)`;
  const p = percentiles(result.ms);
  return `  ${label.padEnd(34)} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  max ${ms(p.max)}  shown ${p.count}, superseded ${result.superseded}, wrong ${result.wrong}${unit}`;
};

const state = await liveToState();
const dom = liveToDom();
const liveCalls = await steadyCallsPerHour(true);
const pollingCalls = await steadyCallsPerHour(false);
const polling = await pollingToState();

const domP95 = dom === null ? NaN : percentiles(dom.ms).p95;
const wrong = state.wrong + (dom?.wrong ?? 0) + polling.wrong;
console.info(`bench:live: ${CHANGES} balance changes at random intervals (live: 2–5 s apart, real time, within the starter tier's REST budget; polling: 30–150 s apart, simulated)`);
console.info('change → exact new amount');
console.info(row('live, main\'s state', state));
console.info(row('live, window DOM (Playwright)', dom));
console.info(row('polling every 60 s, main\'s state', polling));
console.info(`  ratio p95 polling / live DOM      ${dom === null ? 'n/a' : `${(percentiles(polling.ms).p95 / domP95).toFixed(0)}×`}`);
console.info('private REST calls per hour per key, steady state (nothing changes; Balance + GetWebSocketsToken)');
console.info(`  live (5-minute safety net)         ${liveCalls.toFixed(1)}`);
console.info(`  polling every 60 s                 ${pollingCalls.toFixed(1)}   (${(pollingCalls / liveCalls).toFixed(1)}× live)`);
console.info(`  connections off loopback           ${guard.outside.length}`);
const verdict = (ok: boolean): string => (ok ? 'met' : 'not met');
console.info(`target DOM p95 ≤ ${TARGET_DOM_P95_MS} ms: ${dom === null ? 'not measured' : verdict(domP95 <= TARGET_DOM_P95_MS)} (${dom === null ? 'n/a' : `${Math.round(domP95)} ms`})`);
console.info(`target ≤ ${TARGET_CALLS_PER_HOUR} private REST calls/h per key: ${verdict(liveCalls <= TARGET_CALLS_PER_HOUR)} (${liveCalls.toFixed(1)})`);
console.info(`target 0 wrong amounts: ${verdict(wrong === 0)} (${wrong})`);
console.info(`REST Balance calls in the live run: ${state.balanceCalls} for ${CHANGES} changes in ${state.wallS.toFixed(0)} s (each push → one coalesced refresh)`);
process.exit(0);

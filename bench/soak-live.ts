// 24 simulated hours of live mode (issue 14, point 7): the real BalancesService and LiveUpdates, the real
// Kraken client, and the fake Kraken's REST and WebSocket v2 endpoints over real sockets, all on one fake
// clock. A balance changes every 3–30 minutes; a stream fault hits every ~10 minutes (drops, stalls, token
// rejects, sequence gaps, malformed frames, on the private or public endpoint); REST faults (5xx pages,
// Kraken busy, a failing GetWebSocketsToken) now and then; an hour of sleep and half an hour offline.
// It prints every change shown exactly or not, nonce errors and the peak of the fake's own rate counter,
// and exits 1 unless 0 changes were missed, 0 nonce errors and the counter never went above budget.
// The streams here use a 10 s heartbeat and a watchdog 10× slower than the app's (25 s ping, 50 s stale), so
// the fake clock can stride 20 s at a time; the app's own timings are covered by the unit tests.
// Run: node bench/soak-live.ts [--hours N]
import type { PowerEvent } from '../main/refresh/scheduler.ts';
import type { StreamFault } from '../e2e/fake-kraken/index.ts';
import { createFakeClock } from '../main/refresh/fake-clock.ts';
import { numberArg } from './args.ts';
import { BALANCE_PATH, BUDGET, runFakeTime, startHarness, TIER } from './live-harness.ts';
import { guardLoopbackOnly } from './network-guard.ts';
import { peakCounter } from './rate-counter.ts';

const HOURS = numberArg('--hours', 24);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A change that stood this long must have been shown: the 5-minute safety net plus a capped backoff. */
const MUST_SHOW_AFTER_MS = 6 * MINUTE;
// (awake time: a change made and replaced while the machine slept could never be shown)

const guard = guardLoopbackOnly();
const logged = { warn: 0 };
console.warn = () => void (logged.warn += 1);

let seed = 14;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const clock = createFakeClock(Date.UTC(2026, 0, 5, 0, 0, 0));
const start = clock.now();
const end = start + HOURS * HOUR;
const harness = await startHarness({
  clock, fakeClock: clock, live: true, intervalSec: 60, random, heartbeatMs: 10_000,
  tuning: { pingAfterMs: 25_000, staleAfterMs: 50_000, connectTimeoutMs: 30_000, subscribeTimeoutMs: 30_000 },
});
const { fake, service } = harness;

// The day's script.
const at = (ms: number, action: () => void): void => void clock.setTimeout(action, ms);
const STREAM_FAULTS: readonly StreamFault[] = [
  { type: 'drop' }, { type: 'stall' }, { type: 'sequence-gap' }, { type: 'malformed-frame' },
  { type: 'drop', endpoint: 'public' }, { type: 'stall', endpoint: 'public' }, { type: 'malformed-frame', endpoint: 'public' },
];
let streamFaults = 0;
for (let t = 5 * MINUTE; t < HOURS * HOUR; t += (5 + random() * 10) * MINUTE) {
  const fault = STREAM_FAULTS[streamFaults % STREAM_FAULTS.length] ?? { type: 'drop' };
  const rejectToken = streamFaults % 5 === 4;
  at(t, () => {
    // A rejected token needs a new connection to show: arm it, then drop the current one.
    if (rejectToken) fake.injectStreamFault({ type: 'reject-token' });
    fake.injectStreamFault(rejectToken ? { type: 'drop' } : fault);
  });
  streamFaults += 1;
}
for (let hour = 1; hour < HOURS; hour += 2) {
  at(hour * HOUR, () => fake.injectFault({ type: 'html', status: 502 }, { times: 3, path: BALANCE_PATH }));
  at((hour + 0.5) * HOUR, () => fake.injectFault({ type: 'kraken-error', error: 'EService:Busy' }, { times: 2 }));
  at((hour + 1) * HOUR, () => {
    fake.injectFault({ type: 'html', status: 503 }, { times: 2, path: '/0/private/GetWebSocketsToken' });
    fake.injectStreamFault({ type: 'drop' });
  });
}
/** Sleep and offline windows: nothing can be shown then, so a change that stood only then is not missed. */
const pauses: { from: number; to: number }[] = [];
const power = (fromHours: number, toHours: number, pause: PowerEvent, resume: PowerEvent): void => {
  pauses.push({ from: start + fromHours * HOUR, to: start + toHours * HOUR });
  at(fromHours * HOUR, () => harness.emitPower(pause));
  at(toHours * HOUR, () => harness.emitPower(resume));
};
if (HOURS >= 12) power(10, 11, 'suspend', 'resume');
if (HOURS >= 15) power(14, 14.5, 'offline', 'online');

// Balance changes, and every amount main held, sampled after each step.
void fake.startBalanceWalk({ asset: 'XXBT', times: 100_000, minIntervalMs: 3 * MINUTE, maxIntervalMs: 30 * MINUTE, seed: 14 });
const shown = new Map<string, number>();
let liveMs = 0;
let last = start;
const realStart = performance.now();
await runFakeTime(clock, harness, end, 20_000, (now) => {
  const amount = harness.amount('XXBT');
  if (amount !== undefined && !shown.has(amount)) shown.set(amount, now);
  if (service.list()[0]?.updates.live === true) liveMs += now - last;
  last = now;
});
const wallSeconds = (performance.now() - realStart) / 1000;

const changes = fake.balanceChanges.filter((change) => change.at <= end - MUST_SHOW_AFTER_MS);
let missed = 0;
let superseded = 0;
let worstDelayMs = 0;
changes.forEach((change, index) => {
  const seenAt = shown.get(change.balance);
  const next = fake.balanceChanges[index + 1];
  const until = next?.at ?? end;
  const paused = pauses.reduce((sum, p) => sum + Math.max(0, Math.min(until, p.to) - Math.max(change.at, p.from)), 0);
  const stood = until - change.at - paused;
  if (seenAt !== undefined && seenAt >= change.at) worstDelayMs = Math.max(worstDelayMs, seenAt - change.at);
  else if (stood >= MUST_SHOW_AFTER_MS) missed += 1;
  else superseded += 1;
});
const calls = fake.calls;
const privateCalls = calls.filter((call) => call.path.startsWith('/0/private/'));
const balanceCalls = calls.filter((call) => call.path === BALANCE_PATH).length;
const tokenCalls = calls.filter((call) => call.path === '/0/private/GetWebSocketsToken').length;
const nonceErrors = calls.filter((call) => call.errors.includes('EAPI:Invalid nonce')).length;
const limiterRefusals = calls.filter((call) => call.fault === null && call.errors.includes('EAPI:Rate limit exceeded')).length;
const peak = peakCounter(calls, harness.apiKey, start, BUDGET.decayPerSecond);
const statuses = harness.live?.statuses();
const events = fake.streamEvents;
await harness.close();

const minutes = (ms: number): string => `${(ms / MINUTE).toFixed(1)} min`;
console.info(`soak:live: ${HOURS} h simulated, live mode with a 60 s fallback interval, tier ${TIER} (budget ${BUDGET.max}, decay ${BUDGET.decayPerSecond}/s)`);
console.info(`  wall time                 ${wallSeconds.toFixed(1)} s`);
console.info(`  balance changes           ${changes.length} (3–30 min apart)`);
console.info(`  shown exactly             ${changes.length - missed - superseded}; made and replaced while asleep or offline ${superseded}; missed ${missed}`);
console.info(`  worst change → shown      ${minutes(worstDelayMs)} (sleep and offline windows included)`);
console.info(`  stream faults injected    ${streamFaults} (+ ${Math.floor(HOURS / 2)} drops with a failing token call)`);
console.info(`  stream connections        ${events.filter((e) => e.event === 'open').length} opened (${events.filter((e) => e.event === 'open' && e.endpoint === 'private').length} private)`);
console.info(`  live                      ${((100 * liveMs) / (end - start)).toFixed(1)}% of the time`);
console.info(`  private REST calls        ${privateCalls.length} (${balanceCalls} Balance, ${tokenCalls} GetWebSocketsToken), ${(privateCalls.length / HOURS).toFixed(1)} per hour`);
console.info(`  peak rate counter         ${peak.toFixed(2)} / ${BUDGET.max}`);
console.info(`  rate-limit refusals       ${limiterRefusals} by the fake's own limiter`);
console.info(`  nonce errors              ${nonceErrors}`);
console.info(`  refresh failures logged   ${logged.warn}`);
console.info(`  streams at the end        private ${[...(statuses?.keys.values() ?? [])].map((s) => s.state).join(', ')}, public ${statuses?.prices.state ?? '?'}`);
console.info(`  connections off loopback  ${guard.outside.length}`);
const ok = missed === 0 && nonceErrors === 0 && peak <= BUDGET.max && limiterRefusals === 0 && guard.outside.length === 0;
console.info(ok ? 'soak:live: OK (0 missed, 0 nonce errors, counter within budget): met' : 'soak:live: FAILED: not met');
process.exit(ok ? 0 : 1);

// 24 simulated hours of refreshing: the real BalancesService (and its RefreshScheduler) and the real
// Kraken client against the real fake Kraken, all on one fake clock, so a day passes in seconds.
// Run: node bench/soak-24h.ts [--hours N] [--interval SECONDS]
//
// The day includes manual refresh bursts every hour, a 30-minute outage, rate-limit and lockout errors,
// HTML 5xx pages and torn JSON, two hours of sleep, half an hour offline, a quote-currency switch, and
// two accounts sharing one API key. It prints calls made, the peak of the fake server's own rate counter
// per key, the maximum staleness, and nonce errors, and exits 1 unless there were no nonce errors and
// no counter ever went above the tier's budget.
import { createHash } from 'node:crypto';
import type { AccountSummary, Settings } from '../ipc/contract.ts';
import {
  FAKE_API_KEY,
  FAKE_API_SECRET,
  FAKE_SECOND_API_KEY,
  FAKE_SECOND_API_SECRET,
  startFakeKraken,
  type FakeKraken,
} from '../e2e/fake-kraken/index.ts';
import { BalancesService } from '../main/balances/balances-service.ts';
import { createKrakenClient, createMemoryNonceStore, keyFingerprint, TIER_LIMITS, type KrakenClient } from '../main/kraken/index.ts';
import { createFakeClock } from '../main/refresh/fake-clock.ts';
import { ERROR_BACKOFF_MAX_MS } from '../main/refresh/retry-delay.ts';
import type { PowerEvent } from '../main/refresh/scheduler.ts';
import { DEFAULT_SETTINGS } from '../main/settings/settings-schema.ts';
import { guardLoopbackOnly } from './network-guard.ts';
import { numberArg } from './args.ts';
import { callTracker } from './call-tracker.ts';
import { peakCounter } from './rate-counter.ts';

const HOURS = numberArg('--hours', 24);
const INTERVAL_SEC = numberArg('--interval', 30);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TIER = 'starter' as const;
const BUDGET = TIER_LIMITS[TIER];

const guard = guardLoopbackOnly();
const clock = createFakeClock(Date.UTC(2026, 0, 5, 0, 0, 0));
const start = clock.now();
const end = start + HOURS * HOUR;

// The app logs every failed refresh; here they are counted instead of printed.
const logged = { warn: 0, error: 0 };
console.warn = () => void (logged.warn += 1);
console.error = (...parts: unknown[]) => {
  logged.error += 1;
  process.stderr.write(`${parts.map(String).join(' ')}\n`);
};

// A third key made up for this run (64-byte secret, as Kraken issues them); valid only against the fake.
const thirdKey = 'soak-third-key-8c1d2e';
const thirdSecret = createHash('sha512').update(thirdKey).digest('base64');
// Seeded jitter, so every run of the soak is the same day.
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const fake: FakeKraken = await startFakeKraken({ now: clock.now, rateLimit: { tier: TIER } });
fake.addKey({ apiKey: FAKE_SECOND_API_KEY, apiSecret: FAKE_SECOND_API_SECRET });
fake.addKey({ apiKey: thirdKey, apiSecret: thirdSecret });

// Client sleeps (its own retry backoff and rate-limit waits) run on the fake clock too; the loop below
// only moves time once every refresh in flight is either done or asleep.
const tracker = callTracker(clock);
const { sleep } = tracker;

// Nonces persist per key fingerprint, as the vault's store does.
const nonceStore = createMemoryNonceStore();
const makeClient = (apiKey: string, apiSecret: string): KrakenClient =>
  createKrakenClient({ apiKey, apiSecret, baseUrl: fake.url, now: clock.now, sleep, random, nonceStore, tier: TIER, timeoutMs: 5000 });

const keyed = [
  { id: 'main', label: 'Main', apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET },
  { id: 'main-again', label: 'Main (same key)', apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET },
  { id: 'savings', label: 'Savings', apiKey: FAKE_SECOND_API_KEY, apiSecret: FAKE_SECOND_API_SECRET },
  { id: 'trading', label: 'Trading', apiKey: thirdKey, apiSecret: thirdSecret },
];
// One client per key, as the app keeps it: the two accounts on one key share its nonces and counter.
const byKey = new Map(keyed.map((k) => [k.apiKey, makeClient(k.apiKey, k.apiSecret)]));
const clients = new Map(keyed.map((k) => [k.id, byKey.get(k.apiKey)]));
const summary = (id: string, label: string, fingerprint: string, demo: boolean): AccountSummary =>
  ({ id, label, keyFingerprint: fingerprint, addedAt: new Date(start).toISOString(), hasOtp: false, demo, lastCheck: null });
const accounts: AccountSummary[] = [
  ...keyed.map((k) => summary(k.id, k.label, keyFingerprint(k.apiKey), false)),
  summary('demo', 'Demo', '', true),
];

// Counts calls in flight for the loop; everything else is the real client.
const { counting } = tracker;
const counted = (client: KrakenClient): KrakenClient => ({
  ...client,
  balance: counting(client.balance),
  assets: counting(client.assets),
  assetPairs: counting(client.assetPairs),
  ticker: counting(client.ticker),
});

let settings: Settings = { ...DEFAULT_SETTINGS, refreshIntervalSec: INTERVAL_SEC, tier: TIER };
const settingsListeners: ((s: Settings, changed: (keyof Settings)[]) => void)[] = [];
let emitPower: (event: PowerEvent) => void = () => undefined;
const service = new BalancesService({
  clock,
  random,
  accounts: {
    list: () => accounts,
    onChanged: () => () => undefined,
    clientFor: (id) => {
      const client = clients.get(id);
      return client !== undefined ? Promise.resolve(counted(client)) : Promise.reject(new Error(`no client for ${id}`));
    },
    recordCheck: () => undefined,
  },
  settings: {
    get: () => settings,
    onChange: (listener) => (settingsListeners.push(listener), () => undefined),
  },
  power: { subscribe: (listener) => ((emitPower = listener), () => undefined) },
});

let refreshes = 0;
service.onRefreshed(() => void (refreshes += 1));

// The day's script, on the same clock.
let paused = false;
let faultWindow = false;
let manualClicks = 0;
const at = (hours: number, action: () => void): void => void clock.setTimeout(action, hours * HOUR);
const PRIVATE = '/0/private/Balance';
for (let hour = 0.25; hour < HOURS; hour += 1) {
  // A user who clicks Refresh twenty times in ten seconds, every hour.
  for (let click = 0; click < 20; click += 1) {
    at(hour + (click * 500) / HOUR, () => {
      manualClicks += 1;
      void service.refresh();
    });
  }
}
// A disturbance, and afterwards up to one capped backoff step until every account has retried.
let recoveredBy = start;
const during = (fromHours: number, toHours: number, begin: () => void, finish: () => void): void => {
  at(fromHours, () => {
    faultWindow = true;
    begin();
  });
  at(toHours, () => {
    faultWindow = false;
    recoveredBy = clock.now() + ERROR_BACKOFF_MAX_MS;
    finish();
  });
};
during(3, 3.5, () => fake.injectFault({ type: 'kraken-error', error: 'EService:Unavailable' }, { always: true, path: PRIVATE }), () => fake.clearFaults());
at(6, () => fake.injectFault({ type: 'kraken-error', error: 'EAPI:Rate limit exceeded' }, { times: 5, path: PRIVATE }));
at(8, () => fake.injectFault({ type: 'kraken-error', error: 'EGeneral:Temporary lockout' }, { times: 1, path: PRIVATE }));
during(8, 8.5, () => undefined, () => undefined); // the lockout's 15 minutes
const pausedDuring = (fromHours: number, toHours: number, pause: PowerEvent, resume: PowerEvent): void => during(fromHours, toHours, () => {
  paused = true;
  emitPower(pause);
}, () => {
  paused = false;
  emitPower(resume);
});
pausedDuring(10, 12, 'suspend', 'resume');
pausedDuring(14, 14.5, 'offline', 'online');
at(16, () => {
  settings = { ...settings, quoteCurrency: 'EUR' };
  for (const listener of settingsListeners) listener(settings, ['quoteCurrency']);
});
at(18, () => fake.injectFault({ type: 'html', status: 502 }, { times: 10, path: PRIVATE }));
at(20, () => fake.injectFault({ type: 'malformed-json' }, { times: 3, path: PRIVATE }));

// Staleness: the age of each account's data, looked at just before every moment time moves on.
let maxStaleAwake = 0;
let maxStaleNormal = 0;
const sampleStaleness = (now: number): void => {
  if (paused) return;
  for (const balances of service.list()) {
    if (balances.fetchedAt === null) continue;
    const age = now - Date.parse(balances.fetchedAt);
    maxStaleAwake = Math.max(maxStaleAwake, age);
    if (!faultWindow && now > recoveredBy) maxStaleNormal = Math.max(maxStaleNormal, age);
  }
};

const realStart = performance.now();
service.start();
for (;;) {
  // Let promise callbacks and real I/O run until every refresh in flight is done or waiting on the fake
  // clock (at least one turn: a refresh that just started has not counted itself yet).
  do await new Promise((resolve) => setImmediate(resolve));
  while (tracker.busy());
  const next = clock.nextTimerAt();
  if (next === null || next > end) break;
  sampleStaleness(next);
  clock.advanceTo(next);
}
sampleStaleness(end);
const wallSeconds = (performance.now() - realStart) / 1000;
service.dispose();

const calls = fake.calls;
const privateCalls = calls.filter((c) => c.path.startsWith('/0/private/'));
const publicCalls = calls.length - privateCalls.length;
const nonceErrors = calls.filter((c) => c.errors.includes('EAPI:Invalid nonce')).length;
const limiterRefusals = calls.filter((c) => c.fault === null && c.errors.includes('EAPI:Rate limit exceeded')).length;
const keys = [...new Set(keyed.map((k) => k.apiKey))];
const peaks = keys.map((key) => ({ key, peak: peakCounter(calls, key, start, BUDGET.decayPerSecond) }));
const peak = Math.max(...peaks.map((p) => p.peak));
await fake.close();

const minutes = (ms: number): string => `${(ms / MINUTE).toFixed(1)} min`;
console.info(`soak: ${HOURS} h simulated, refresh every ${INTERVAL_SEC} s, tier ${TIER} (budget ${BUDGET.max}, decay ${BUDGET.decayPerSecond}/s), ${accounts.length} accounts (${keys.length} keys + demo)`);
console.info(`  wall time                 ${wallSeconds.toFixed(1)} s`);
console.info(`  successful refreshes      ${refreshes} (demo included)`);
console.info(`  manual clicks             ${manualClicks} (coalesced and budgeted by the scheduler)`);
console.info(`  calls made                ${calls.length} (${privateCalls.length} private, ${publicCalls} public)`);
for (const { key, peak: p } of peaks) console.info(`  peak rate counter         ${p.toFixed(2)} / ${BUDGET.max}  (key ${keyFingerprint(key)})`);
console.info(`  rate-limit refusals       ${limiterRefusals} by the fake's own limiter (injected ones not counted)`);
console.info(`  max staleness (awake)     ${minutes(maxStaleAwake)} (30 min outage + backoff to recover, 15 min lockout included)`);
console.info(`  max staleness (normal)    ${minutes(maxStaleNormal)} outside disturbances and their ${minutes(ERROR_BACKOFF_MAX_MS)} recovery`);
console.info(`  nonce errors              ${nonceErrors}`);
console.info(`  refresh failures logged   ${logged.warn}`);
console.info(`  connections off loopback  ${guard.outside.length}`);
const ok = nonceErrors === 0 && peak <= BUDGET.max && limiterRefusals === 0 && guard.outside.length === 0 && logged.error === 0;
console.info(ok ? 'soak: OK' : 'soak: FAILED');
process.exit(ok ? 0 : 1);

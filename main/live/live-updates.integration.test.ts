import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_API_KEY,
  FAKE_API_SECRET,
  DEFAULT_BALANCES,
  FAKE_NO_WS_API_KEY,
  FAKE_NO_WS_API_SECRET,
  startFakeKraken,
  type FakeKraken,
} from '../../e2e/fake-kraken/index.ts';
import type { AccountBalances, AccountSummary } from '../../ipc/contract.ts';
import { Decimal } from '../../shared/decimal.ts';
import { BalancesService, LIVE_SAFETY_NET_MS } from '../balances/balances-service.ts';
import { createKrakenClient, createMemoryNonceStore, keyFingerprint, type KrakenClient } from '../kraken/index.ts';
import { createWebSocketFactory, streamUrlsFor, UNREACHABLE_MESSAGE, WEBSOCKET_PERMISSION_MESSAGE } from '../kraken/ws/index.ts';
import { SYSTEM_CLOCK } from '../refresh/clock.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { LiveUpdates } from './live-updates.ts';

// Live mode end to end in one process: the real balances service, the real Kraken client and the live
// streams over real sockets to the fake Kraken on 127.0.0.1, on real timers with short stream tunings.

const QUICK = { pingAfterMs: 150, staleAfterMs: 400, backoffBaseMs: 20, backoffMaxMs: 80, unreachableRetryMs: 300 };
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const accountFor = (id: string, apiKey: string): AccountSummary => ({
  id, label: id, keyFingerprint: keyFingerprint(apiKey), addedAt: '2026-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null,
});

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Harness {
  readonly fake: FakeKraken;
  readonly balances: BalancesService;
  readonly live: LiveUpdates;
  account(): AccountBalances;
  privateCalls(path: string): number;
}

async function start(apiKey = FAKE_API_KEY, apiSecret = FAKE_API_SECRET): Promise<Harness> {
  const fake = await startFakeKraken({ heartbeatMs: 50 });
  cleanup.push(() => fake.close());
  const client: KrakenClient = createKrakenClient({ apiKey, apiSecret, baseUrl: fake.url, nonceStore: createMemoryNonceStore(), maxRetries: 0 });
  cleanup.push(() => client.close());
  const account = accountFor('main', apiKey);
  const accounts = { list: () => [account], onChanged: () => () => undefined };
  const balances = new BalancesService({
    clock: SYSTEM_CLOCK,
    accounts: { ...accounts, clientFor: () => Promise.resolve(client), recordCheck: () => undefined },
    settings: { get: () => DEFAULT_SETTINGS, onChange: () => () => undefined },
    announceEveryMs: 250,
  });
  const live = new LiveUpdates({
    balances, accounts, clientFor: () => Promise.resolve(client), urls: streamUrlsFor(fake.url),
    socketFactory: createWebSocketFactory(), clock: SYSTEM_CLOCK, tuning: QUICK,
  });
  cleanup.push(() => balances.dispose());
  cleanup.push(() => live.dispose());
  balances.start();
  live.start();
  const only = (): AccountBalances => {
    const [entry] = balances.list();
    if (entry === undefined) throw new Error('no account');
    return entry;
  };
  return { fake, balances, live, account: only, privateCalls: (path) => fake.calls.filter((c) => c.path === path).length };
}

const amountOf = (entry: AccountBalances, asset: string): string | undefined => entry.portfolio?.rows.find((r) => r.asset === asset)?.amount;
const rowOf = (entry: AccountBalances, asset: string) => entry.portfolio?.rows.find((r) => r.asset === asset);

describe('live updates against the fake Kraken', () => {
  it('goes live, then shows a pushed balance change as Kraken\'s exact REST string at once, and polls only every 5 minutes', async () => {
    const h = await start();
    await until(() => h.account().updates.live && h.account().status === 'fresh', 'live and fresh');
    expect(h.account().updates).toEqual({ live: true, intervalSec: DEFAULT_SETTINGS.refreshIntervalSec, note: null });
    const next = Date.parse(h.account().nextRefreshAt ?? '');
    expect(next - Date.now()).toBeGreaterThan(LIVE_SAFETY_NET_MS - 30_000);

    const before = h.privateCalls('/0/private/BalanceEx');
    h.fake.setBalances({ ...DEFAULT_BALANCES, XXBT: '1011.1908877901' });
    await until(() => amountOf(h.account(), 'XXBT') === '1011.1908877901', 'the exact new amount');
    // The start refresh, the snapshot's refresh and this change's (BalanceEx: holds too): no polling in between.
    expect(h.privateCalls('/0/private/BalanceEx') - before).toBeGreaterThanOrEqual(1);
    expect(h.privateCalls('/0/private/BalanceEx') - before).toBeLessThanOrEqual(2);
    expect(h.account().updates.live).toBe(true);
  });

  it('moves values, the total and the price column with pushed prices, without a REST call', async () => {
    const h = await start();
    await until(() => h.account().updates.live && rowOf(h.account(), 'XXBT')?.price !== undefined, 'live with prices');
    const calls = h.fake.calls.length;
    h.fake.setPrices({ XXBTZUSD: '123456.7' });
    await until(() => rowOf(h.account(), 'XXBT')?.price === '123456.7', 'the pushed price');
    // 1011.1908877900 × 123456.7, exactly.
    expect(new Decimal(rowOf(h.account(), 'XXBT')?.value ?? '0').eq('124838290.076623693')).toBe(true);
    expect(h.fake.calls.slice(calls).filter((c) => c.path.startsWith('/0/private/'))).toEqual([]);
  });

  it('falls back to the user\'s interval with the reason while WebSockets are blocked, and is live again after', async () => {
    const h = await start();
    await until(() => h.account().updates.live, 'live');
    h.fake.injectStreamFault({ type: 'refuse-upgrade', endpoint: 'private' }, { always: true });
    h.fake.injectStreamFault({ type: 'drop', endpoint: 'private' });
    await until(() => h.account().updates.note === UNREACHABLE_MESSAGE, 'polling with the reason');
    expect(h.account().updates.live).toBe(false);
    expect(Date.parse(h.account().nextRefreshAt ?? '') - Date.now()).toBeLessThanOrEqual(DEFAULT_SETTINGS.refreshIntervalSec * 1000);

    h.fake.clearStreamFaults();
    await until(() => h.account().updates.live, 'live again');
    expect(h.account().updates.note).toBeNull();
  });

  it('a key without the "WebSocket interface" permission polls and says why and how to turn it on', async () => {
    const h = await start(FAKE_NO_WS_API_KEY, FAKE_NO_WS_API_SECRET);
    await until(() => h.account().updates.note !== null && h.account().status === 'fresh', 'the reason');
    expect(h.account().updates).toEqual({ live: false, intervalSec: DEFAULT_SETTINGS.refreshIntervalSec, note: WEBSOCKET_PERMISSION_MESSAGE });
    const next = Date.parse(h.account().nextRefreshAt ?? '');
    expect(next - Date.now()).toBeLessThanOrEqual(DEFAULT_SETTINGS.refreshIntervalSec * 1000);
  });
});

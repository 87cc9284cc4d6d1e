import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { AccountBalances, AccountCheck, AccountSummary, Settings } from '../../ipc/contract.ts';
import { KrakenError, type AssetInfo, type AssetPairInfo, type AssetPairTable, type AssetTable, type KrakenClient, type RateCounterSnapshot } from '../kraken/index.ts';
import { advanceSettled, createFakeClock, settle } from '../refresh/fake-clock.ts';
import type { PowerEvent } from '../refresh/scheduler.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { BalancesService } from './balances-service.ts';
import type { RefreshedEvent } from './balances-sources.ts';

const MINUTE = 60_000;
/** What history last recorded for the account 'remembered', three hours before the fake clock's start. */
const REMEMBERED = { at: createFakeClock().now() - 3 * 60 * MINUTE, total: '90', quote: 'USD', amounts: { XXBT: '0.9', 'ETH2.S': '2' } };

const account = (id: string, demo = false): AccountSummary => ({
  id,
  label: `Account ${id}`,
  keyFingerprint: demo ? '' : `fp-${id}`,
  addedAt: '2026-01-01T00:00:00.000Z',
  hasOtp: false,
  demo,
  lastCheck: null,
});

// One BTC, in a market that lists BTC against USD and EUR: a refresh's total is the BTC price the test sets.
const asset = (code: string, altname: string): [string, AssetInfo] => [code, { code, altname, aclass: 'currency', decimals: 10, displayDecimals: 5, status: 'enabled' }];
const ASSETS: AssetTable = new Map([asset('XXBT', 'XBT'), asset('ZUSD', 'USD'), asset('ZEUR', 'EUR')]);
const pair = (key: string, quote: string): [string, AssetPairInfo] => [key, { key, altname: key, wsname: null, base: 'XXBT', quote, status: 'online' }];
const PAIRS: AssetPairTable = new Map([pair('XXBTZUSD', 'ZUSD'), pair('XXBTZEUR', 'ZEUR')]);

/** A client whose answers the test sets: next() is the BTC price, or the error the Balance call fails with. */
function fakeClient() {
  const client = {
    calls: 0,
    next: (): string | Error => '100',
    counter: { tier: 'starter', value: 0, max: 15, decayPerSecond: 0.33, enforced: true } as RateCounterSnapshot,
    locked: null as number | null,
    pending: null as ((value: string | Error) => void) | null,
    hold: false,
    /** What the Ticker call fails with, when it should. */
    tickerError: null as Error | null,
  };
  let price = '100';
  const api = {
    keyFingerprint: 'fp',
    balanceEx: async () => {
      client.calls += 1;
      const answer = client.hold ? await new Promise<string | Error>((resolve) => (client.pending = resolve)) : client.next();
      if (answer instanceof Error) throw answer;
      price = answer;
      return { XXBT: { balance: '1', holdTrade: '0', credit: null, creditUsed: null, available: '1' } };
    },
    assets: () => Promise.resolve(ASSETS),
    assetPairs: () => Promise.resolve(PAIRS),
    ticker: (pairs: readonly string[]) => client.tickerError !== null ? Promise.reject(client.tickerError) : Promise.resolve(new Map(pairs.map((key) => [key, { pair: key, last: price, ask: null, bid: null }]))),
    // Kraken's price history has no price a day ago for these pairs: no 24 h change without the ticker.
    dayAgoPrices: () => Promise.resolve(new Map()),
    rateCounter: () => client.counter,
    lockedUntil: () => client.locked,
  } as unknown as KrakenClient;
  return { client, api };
}

function harness(accounts: AccountSummary[], settingsPatch: Partial<Settings> = {}) {
  const clock = createFakeClock();
  let settings: Settings = { ...DEFAULT_SETTINGS, ...settingsPatch };
  const settingsListeners: ((s: Settings, changed: (keyof Settings)[]) => void)[] = [];
  const accountListeners: ((a: AccountSummary[]) => void)[] = [];
  let current = accounts;
  const clients = new Map<string, ReturnType<typeof fakeClient>>();
  for (const a of accounts) clients.set(a.id, fakeClient());
  let power: (event: PowerEvent) => void = () => undefined;
  const changes: AccountBalances[][] = [];
  const refreshed: RefreshedEvent[] = [];
  const checks: [string, AccountCheck][] = [];
  const service = new BalancesService({
    clock,
    random: () => 0,
    accounts: {
      list: () => current,
      onChanged: (listener) => {
        accountListeners.push(listener);
        return () => undefined;
      },
      clientFor: (id) => {
        const fake = clients.get(id);
        return fake ? Promise.resolve(fake.api) : Promise.reject(new Error('no client'));
      },
      recordCheck: (id, check) => checks.push([id, check]),
    },
    settings: {
      get: () => settings,
      onChange: (listener) => {
        settingsListeners.push(listener);
        return () => undefined;
      },
    },
    power: { subscribe: (listener) => ((power = listener), () => undefined) },
    lastKnown: (id) => (id === 'remembered' ? REMEMBERED : null),
  });
  service.onChange((list) => changes.push(list));
  service.onRefreshed((event) => refreshed.push(event));
  service.start();
  return {
    clock,
    service,
    changes,
    refreshed,
    checks,
    flush: () => settle(),
    client: (id: string) => clients.get(id)?.client,
    /** The fake client of an account the harness was made with. */
    fake: (id: string) => {
      const fake = clients.get(id)?.client;
      if (!fake) throw new Error(`no fake client for ${id}`);
      return fake;
    },
    get: (id: string) => service.list().find((b) => b.accountId === id),
    power: (event: PowerEvent) => power(event),
    updateSettings: (patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
      for (const l of settingsListeners) l(settings, Object.keys(patch) as (keyof Settings)[]);
    },
    setAccounts: (next: AccountSummary[]) => {
      current = next;
      for (const a of next) if (!clients.has(a.id)) clients.set(a.id, fakeClient());
      for (const l of accountListeners) l(next);
    },
    advance: (ms: number) => advanceSettled(clock, ms),
  };
}

describe('BalancesService: demo accounts', () => {
  it('values the sample balances offline through valuePortfolio', async () => {
    const h = harness([account('demo', true)]);
    await h.flush();
    const demo = h.get('demo');
    expect(demo?.status).toBe('fresh');
    expect(demo?.error).toBeNull();
    const rows = demo?.portfolio?.rows ?? [];
    expect(rows).toHaveLength(10);
    expect(demo?.portfolio?.unpriced).toEqual([]);
    expect(rows.find((r) => r.asset === 'XXBT')).toMatchObject({ base: 'BTC', amount: '1011.1908877900', price: '97250.1', value: new Big('1011.19088779').times('97250.1').toFixed() });
    expect(rows.find((r) => r.asset === 'ETH2.S')).toMatchObject({ base: 'ETH', extension: 'S', readOnly: true });
    const sum = rows.reduce((acc, r) => acc.plus(r.value ?? '0'), new Big(0));
    expect(sum.toFixed()).toBe(demo?.portfolio?.total);
    expect(demo?.fetchedAt).toBe(new Date(h.clock.now()).toISOString());
    expect(demo?.nextRefreshAt).toBe(new Date(h.clock.now() + MINUTE).toISOString());
  });

  it('re-values at once in a new quote currency, and previousTotal is not compared across currencies', async () => {
    const h = harness([account('demo', true)]);
    await h.flush();
    h.updateSettings({ quoteCurrency: 'EUR' });
    await h.flush();
    const demo = h.get('demo');
    expect(demo?.portfolio?.quote).toBe('EUR');
    expect(demo?.portfolio?.rows.find((r) => r.asset === 'ZEUR')?.value).toBe('504861.8946');
    expect(demo?.previousTotal).toBeNull();
  });

  it('values in every quote currency the settings offer, with nothing unpriced', async () => {
    const h = harness([account('demo', true)]);
    for (const quote of ['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD', 'USDT', 'USDC', 'BTC', 'ETH'] as const) {
      h.updateSettings({ quoteCurrency: quote });
      await h.flush();
      expect(h.get('demo')?.portfolio).toMatchObject({ quote, unpriced: [] });
    }
  });
});

describe('BalancesService: keyed accounts', () => {
  it('maps the client portfolio, records previousTotal, and announces every refresh', async () => {
    const h = harness([account('a')]);
    await h.flush();
    expect(h.get('a')).toMatchObject({ status: 'fresh', previousTotal: null, portfolio: { total: '100', quote: 'USD' } });
    expect(h.get('a')?.portfolio?.rows[0]).toHaveProperty('unbondingDays', null);
    const fake = h.client('a');
    if (fake) fake.next = () => '120';
    await h.advance(MINUTE);
    expect(h.get('a')).toMatchObject({ status: 'fresh', previousTotal: '100', portfolio: { total: '120' } });
    expect(h.refreshed.map((e) => e.portfolio.total)).toEqual(['100', '120']);
    expect(h.changes.some((list) => list[0]?.status === 'refreshing')).toBe(true);
    expect(h.changes.at(-1)?.[0]?.nextRefreshAt).toBe(new Date(h.clock.now() + MINUTE).toISOString());
  });

  it('takes previousTotal from the history for the first refresh of a run', async () => {
    const h = harness([account('remembered')]);
    await h.flush();
    expect(h.get('remembered')?.previousTotal).toBe('90');
  });

  it('shows what history last recorded at once, marked, until the first answer replaces it', async () => {
    const h = harness([account('remembered'), account('new')]);
    const instant = h.get('remembered');
    expect(instant).toMatchObject({ fromHistory: true, stale: true, fetchedAt: new Date(REMEMBERED.at).toISOString(), previousTotal: null, error: null });
    expect(instant?.portfolio).toMatchObject({ quote: 'USD', total: '90', unpriced: [] });
    expect(instant?.portfolio?.rows.map((row) => [row.asset, row.base, row.extension, row.amount, row.value])).toEqual([
      ['ETH2.S', 'ETH', 'S', '2', null],
      ['XXBT', 'BTC', null, '0.9', null],
    ]);
    expect(h.get('new')).toMatchObject({ portfolio: null, fromHistory: false, stale: false });
    await h.flush();
    expect(h.get('remembered')).toMatchObject({ status: 'fresh', fromHistory: false, stale: false, previousTotal: '90', portfolio: { total: '100' } });
  });

  it('an offline start keeps the history record on screen, marked stale, with the error', async () => {
    const h = harness([account('remembered')]);
    const fake = h.fake('remembered');
    fake.next = () => new KrakenError('network');
    await h.flush();
    expect(h.get('remembered')).toMatchObject({ status: 'error', fromHistory: true, stale: true, portfolio: { total: '90' }, error: { code: 'network', kind: 'transient' } });
  });

  it('a Ticker failure keeps the new balances, unpriced, says why, records nothing, and retries', async () => {
    const h = harness([account('a')]);
    await h.flush();
    const fake = h.fake('a');
    fake.tickerError = new KrakenError('service-unavailable');
    await h.advance(MINUTE);
    const unpriced = h.get('a');
    expect(unpriced).toMatchObject({ status: 'error', stale: true, previousTotal: null, portfolio: { total: '0', unpriced: ['XXBT'] } });
    expect(unpriced?.portfolio?.rows[0]).toMatchObject({ asset: 'XXBT', amount: '1', value: null });
    expect(unpriced?.error).toMatchObject({ code: 'prices-unavailable', kind: 'transient', message: expect.stringMatching(/^Balances are up to date, but Kraken's prices could not be loaded/) });
    expect(h.refreshed.map((event) => event.portfolio.total)).toEqual(['100']);
    expect(h.checks.at(-1)?.[1].ok).toBe(true);
    fake.tickerError = null;
    fake.next = () => '110';
    await h.advance(MINUTE);
    // The change is measured from the last priced total, never from the unpriced 0.
    expect(h.get('a')).toMatchObject({ status: 'fresh', stale: false, error: null, previousTotal: '100', portfolio: { total: '110' } });
  });

  it('says whether a failure is about the key or passes by itself, with the time a lockout ends', async () => {
    const h = harness([account('a')]);
    await h.flush();
    const fake = h.fake('a');
    fake.next = () => new KrakenError('invalid-key');
    await h.service.refresh('a');
    expect(h.get('a')?.error).toMatchObject({ code: 'invalid-key', kind: 'key' });
    fake.next = () => new KrakenError('rate-limited');
    await h.service.refresh('a');
    expect(h.get('a')?.error).toMatchObject({ code: 'rate-limited', kind: 'transient' });
    const until = h.clock.now() + 15 * MINUTE;
    fake.next = () => new KrakenError('lockout', { retryAt: until });
    await h.service.refresh('a');
    expect(h.get('a')?.error).toMatchObject({ code: 'lockout', kind: 'transient', retryAt: new Date(until).toISOString() });
    expect(h.get('a')?.error?.message).not.toMatch(/\dT\d/);
  });

  it('the stale mark stays while a retry runs, and goes only when a refresh succeeds', async () => {
    const h = harness([account('a')]);
    await h.flush();
    const fake = h.fake('a');
    fake.next = () => new KrakenError('network');
    await h.advance(MINUTE);
    expect(h.get('a')).toMatchObject({ status: 'error', stale: true });
    fake.hold = true;
    const retry = h.service.refresh('a');
    await h.flush();
    expect(h.get('a')).toMatchObject({ status: 'refreshing', stale: true });
    fake.pending?.('100');
    await retry;
    expect(h.get('a')).toMatchObject({ status: 'fresh', stale: false });
  });

  it('keeps the last good portfolio on error, shows message and hint, and recovers', async () => {
    const h = harness([account('a')]);
    await h.flush();
    const fake = h.fake('a');
    fake.next = () => new KrakenError('service-unavailable');
    await h.advance(MINUTE);
    const failed = h.get('a');
    expect(failed?.status).toBe('error');
    expect(failed?.portfolio?.total).toBe('100');
    expect(failed?.error).toEqual({ code: 'service-unavailable', kind: 'transient', message: 'Kraken is busy or unavailable right now.', hint: expect.stringContaining('tries again on its own') });
    fake.next = () => '101';
    await h.advance(MINUTE);
    expect(h.get('a')).toMatchObject({ status: 'fresh', error: null, portfolio: { total: '101' } });
  });

  it('records in the account list whether the key worked, and only failures that are about the key', async () => {
    const h = harness([account('a'), account('demo', true)]);
    await h.flush();
    const at = () => new Date(h.clock.now()).toISOString();
    expect(h.checks).toEqual([['a', { at: at(), ok: true }]]);
    const fake = h.fake('a');
    fake.next = () => new KrakenError('network');
    await h.advance(MINUTE);
    expect(h.checks).toHaveLength(1);
    fake.next = () => new KrakenError('permission-denied');
    await h.service.refresh('a');
    expect(h.checks.at(-1)).toEqual(['a', { at: at(), ok: false, message: 'This API key is not allowed to read balances.' }]);
    fake.next = () => '100';
    await h.service.refresh('a');
    expect(h.checks.at(-1)).toEqual(['a', { at: at(), ok: true }]);
  });

  it('maps an unexpected failure to the generic internal error, never the raw exception', async () => {
    const h = harness([account('a')]);
    const fake = h.client('a');
    if (fake) fake.next = () => new TypeError('secret-ish internals at foo.ts:12');
    await h.flush();
    expect(h.get('a')?.error).toMatchObject({ code: 'internal', message: 'Something went wrong inside the app.' });
    expect(JSON.stringify(h.get('a'))).not.toContain('foo.ts');
  });

  it('does not call a locked-out key until the lockout ends', async () => {
    const h = harness([account('a')]);
    await h.flush();
    const fake = h.fake('a');
    const until = h.clock.now() + 15 * MINUTE;
    fake.next = () => new KrakenError('lockout', { retryAt: until });
    await h.advance(MINUTE);
    fake.locked = until;
    fake.next = () => '100';
    await h.service.refresh('a');
    await h.advance(13 * MINUTE);
    expect(fake.calls).toBe(2);
    expect(h.get('a')?.status).toBe('error');
    fake.locked = null;
    await h.advance(MINUTE + 30_000);
    expect(fake.calls).toBe(3);
    expect(h.get('a')?.status).toBe('fresh');
  });

  it('spends the rate budget of the stricter of the client tier and the tier in settings', async () => {
    const h = harness([account('a')], { tier: 'pro' });
    await h.flush();
    const fake = h.fake('a');
    // Starter client (max 15) but 'pro' in settings (max 20): 14 + 1 > 15 − 3 reserve, so wait.
    fake.counter = { ...fake.counter, value: 14 };
    await h.advance(MINUTE);
    expect(fake.calls).toBe(1);
    fake.counter = { ...fake.counter, value: 0 };
    await h.advance(10_000);
    expect(fake.calls).toBe(2);
  });

  it('refreshes again when the quote currency changes during a call', async () => {
    const h = harness([account('a')]);
    const fake = h.fake('a');
    fake.hold = true;
    await h.flush();
    h.updateSettings({ quoteCurrency: 'EUR' });
    fake.hold = false;
    fake.pending?.('100');
    await h.advance(1);
    expect(fake.calls).toBe(2);
    expect(h.refreshed.map((event) => event.portfolio.quote)).toEqual(['USD', 'EUR']);
    expect(h.get('a')?.portfolio?.quote).toBe('EUR');
  });

  it('refuses a manual refresh of an unknown account with a clear error', async () => {
    const h = harness([account('a')]);
    await expect(h.service.refresh('gone')).rejects.toMatchObject({ code: 'unknown-account' });
  });
});

describe('BalancesService: staleness, accounts and power', () => {
  it('turns stale (and says so) when no refresh has landed for two intervals plus slack', async () => {
    const h = harness([account('a')]);
    await h.flush();
    h.power('offline');
    await h.advance(2 * MINUTE + 29_999);
    expect(h.get('a')?.status).toBe('fresh');
    expect(h.get('a')?.nextRefreshAt).toBeNull();
    await h.advance(1);
    expect(h.changes.at(-1)?.[0]?.status).toBe('stale');
    expect(h.service.pausedReason()).toBe('offline');
    h.power('online');
    await h.flush();
    expect(h.get('a')?.status).toBe('fresh');
  });

  it('follows the account list: added accounts refresh at once, removed ones disappear', async () => {
    const h = harness([account('a')]);
    await h.flush();
    h.setAccounts([account('b'), account('demo', true)]);
    await h.flush();
    expect(h.service.list().map((b) => [b.accountId, b.status])).toEqual([['b', 'fresh'], ['demo', 'fresh']]);
    await h.advance(5 * MINUTE);
    expect(h.client('a')?.calls).toBe(1);
  });

  it('re-plans at once when the interval changes', async () => {
    const h = harness([account('a')]);
    await h.flush();
    h.updateSettings({ refreshIntervalSec: 600 });
    expect(h.get('a')?.nextRefreshAt).toBe(new Date(h.clock.now() + 600_000).toISOString());
  });

  it('dispose() stops every timer', async () => {
    const h = harness([account('a'), account('demo', true)]);
    await h.flush();
    h.service.dispose();
    expect(h.clock.pendingTimers()).toBe(0);
  });
});

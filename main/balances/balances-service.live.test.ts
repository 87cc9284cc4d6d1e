import { describe, expect, it } from 'vitest';
import type { AccountBalances, AccountSummary } from '../../ipc/contract.ts';
import type { AssetInfo, AssetPairInfo, KrakenClient } from '../kraken/index.ts';
import type { TickerPrice } from '../kraken/ws/index.ts';
import { advanceSettled, createFakeClock, settle } from '../refresh/fake-clock.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { BalancesService, LIVE_SAFETY_NET_MS } from './balances-service.ts';

// What live mode changes in the balances service: the safety-net pace while live, pushed prices valued
// between refreshes and announced at most every 250 ms, and a pushed balance change refreshing at once.

const MINUTE = 60_000;
const account: AccountSummary = { id: 'main', label: 'Main', keyFingerprint: 'fp', addedAt: '2026-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null };
const asset = (code: string, altname: string): [string, AssetInfo] => [code, { code, altname, aclass: 'currency', decimals: 10, displayDecimals: 5, status: 'enabled' }];
const BTC_USD: AssetPairInfo = { key: 'XXBTZUSD', altname: 'XBTUSD', wsname: 'XBT/USD', base: 'XXBT', quote: 'ZUSD', status: 'online' };

function harness() {
  const clock = createFakeClock();
  const calls = { balance: 0, ticker: [] as string[][] };
  const client = {
    keyFingerprint: 'fp',
    balanceEx: () => ((calls.balance += 1), Promise.resolve({ XXBT: { balance: '2.5', holdTrade: '0', credit: null, creditUsed: null, available: '2.5' } })),
    assets: () => Promise.resolve(new Map([asset('XXBT', 'XBT'), asset('ZUSD', 'USD')])),
    assetPairs: () => Promise.resolve(new Map([['XXBTZUSD', BTC_USD]])),
    ticker: (pairs: readonly string[]) => {
      calls.ticker.push([...pairs]);
      return Promise.resolve(new Map(pairs.map((pair) => [pair, { pair, last: '100', ask: null, bid: null }])));
    },
    // Kraken's price history has no price a day ago for these pairs: no 24 h change without the ticker.
    dayAgoPrices: () => Promise.resolve(new Map()),
    rateCounter: () => ({ tier: 'starter', value: 0, max: 15, decayPerSecond: 0.33, enforced: true }),
    lockedUntil: () => null,
  } as unknown as KrakenClient;
  const service = new BalancesService({
    clock,
    random: () => 0,
    accounts: { list: () => [account], onChanged: () => () => undefined, clientFor: () => Promise.resolve(client), recordCheck: () => undefined },
    settings: { get: () => DEFAULT_SETTINGS, onChange: () => () => undefined },
    announceEveryMs: 250,
  });
  const announced: AccountBalances[][] = [];
  service.onChange((list) => announced.push(list));
  service.start();
  const main = (): AccountBalances => service.list()[0] as AccountBalances;
  return { clock, calls, service, announced, main, advance: (ms: number) => advanceSettled(clock, ms) };
}

const push = (last: string, change: string | null = null): TickerPrice =>
  ({ symbol: 'BTC/USD', last, bid: null, ask: null, change, changePct: null, high: null, low: null, volume: null, vwap: null, timestamp: null });

describe('BalancesService in live mode', () => {
  it('refreshes every 5 minutes while live and at the user\'s interval otherwise, and says which', async () => {
    const h = harness();
    await h.advance(0);
    const fetched = Date.parse(h.main().fetchedAt ?? '');
    expect(Date.parse(h.main().nextRefreshAt ?? '') - fetched).toBe(DEFAULT_SETTINGS.refreshIntervalSec * 1000);

    h.service.setUpdateMode('main', true, null);
    expect(h.main().updates).toEqual({ live: true, intervalSec: DEFAULT_SETTINGS.refreshIntervalSec, note: null });
    expect(Date.parse(h.main().nextRefreshAt ?? '') - fetched).toBe(LIVE_SAFETY_NET_MS);
    await h.advance(4 * MINUTE);
    expect(h.calls.balance).toBe(1);
    await h.advance(MINUTE);
    expect(h.calls.balance).toBe(2);
    expect(h.main().status).toBe('fresh');

    h.service.setUpdateMode('main', false, 'why not');
    expect(h.main().updates).toEqual({ live: false, intervalSec: DEFAULT_SETTINGS.refreshIntervalSec, note: 'why not' });
    await h.advance(MINUTE);
    expect(h.calls.balance).toBe(3);
  });

  it('a pushed balance change refreshes at once, inside the scheduler', async () => {
    const h = harness();
    await h.advance(0);
    h.service.setUpdateMode('main', true, null);
    h.service.refreshOnEvent('main');
    await settle();
    expect(h.calls.balance).toBe(2);
    h.service.refreshOnEvent('unknown');
    await settle();
    expect(h.calls.balance).toBe(2);
  });

  it('values pushed prices between refreshes, announces them at most every 250 ms, and leaves pushed pairs out of REST', async () => {
    const h = harness();
    await h.advance(1000);
    expect(h.main().portfolio?.total).toBe('250');
    expect(h.service.wantedPairs().keys).toEqual(['XXBTZUSD']);
    const before = h.announced.length;

    h.service.pricesPushed([{ pair: 'XXBTZUSD', price: push('101', '1') }]);
    h.service.pricesPushed([{ pair: 'XXBTZUSD', price: push('102.5', '2.5') }]);
    h.service.pricesPushed([{ pair: 'XXBTZUSD', price: push('103.25', '3.25') }]);
    expect(h.announced.length).toBe(before + 1);
    expect(h.announced.at(-1)?.[0]?.portfolio?.total).toBe('252.5');
    await h.advance(250);
    expect(h.announced.length).toBe(before + 2);
    const row = h.announced.at(-1)?.[0]?.portfolio?.rows[0];
    expect(row).toMatchObject({ price: '103.25', value: '258.125' });
    expect(h.calls.balance).toBe(1);

    // A refresh now asks REST for no price the stream delivers; once the stream ends it does again.
    h.service.refreshOnEvent('main');
    await h.advance(0);
    expect(h.calls.ticker.at(-1)).toEqual([]);
    expect(h.main().portfolio?.rows[0]?.price).toBe('103.25');
    h.service.priceStreamEnded(false);
    await h.service.refresh('main');
    expect(h.calls.ticker.at(-1)).toEqual(['XXBTZUSD']);
  });
});

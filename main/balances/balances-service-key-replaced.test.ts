import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../ipc/contract.ts';
import { KrakenError, type AssetInfo, type AssetPairInfo, type KrakenClient } from '../kraken/index.ts';
import { createFakeClock, settle } from '../refresh/fake-clock.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { BalancesService } from './balances-service.ts';

const asset = (code: string, altname: string): [string, AssetInfo] => [code, { code, altname, aclass: 'currency', decimals: 10, displayDecimals: 5, status: 'enabled' }];
const ASSETS = new Map([asset('XXBT', 'XBT'), asset('ZUSD', 'USD')]);
const PAIRS = new Map<string, AssetPairInfo>([['XXBTZUSD', { key: 'XXBTZUSD', altname: 'XBTUSD', wsname: null, base: 'XXBT', quote: 'ZUSD', status: 'online' }]]);

/** A key's client: its BalanceEx answer (BTC held) or error, optionally held until released, and its lockout. */
function keyClient(answer: () => string | Error, lockedUntil: number | null = null) {
  const held: (() => void)[] = [];
  let hold = false;
  const api = {
    keyFingerprint: 'fp',
    balanceEx: async () => {
      if (hold) await new Promise<void>((resolve) => held.push(resolve));
      const result = answer();
      if (result instanceof Error) throw result;
      return { XXBT: { balance: result, holdTrade: '0', credit: null, creditUsed: null, available: result } };
    },
    assets: () => Promise.resolve(ASSETS),
    assetPairs: () => Promise.resolve(PAIRS),
    ticker: (pairs: readonly string[]) => Promise.resolve(new Map(pairs.map((key) => [key, { pair: key, last: '100', ask: null, bid: null }]))),
    // Kraken's price history has no price a day ago for these pairs: no 24 h change without the ticker.
    dayAgoPrices: () => Promise.resolve(new Map()),
    rateCounter: () => ({ tier: 'starter', value: 0, max: 15, decayPerSecond: 0.33, enforced: true }),
    lockedUntil: () => lockedUntil,
  } as unknown as KrakenClient;
  return { api, holdNext: () => void (hold = true), release: () => held.splice(0).forEach((resolve) => resolve()) };
}

const summary = (key: string): AccountSummary =>
  ({ id: 'a', label: 'Main', keyFingerprint: key, addedAt: '2026-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null });

/** The balances service over one account whose client is the one of its current key, as account-clients.ts hands it out. */
function setup(oldClient: ReturnType<typeof keyClient>) {
  const clock = createFakeClock();
  let accounts = [summary('old')];
  let client = oldClient;
  const changed: ((list: AccountSummary[]) => void)[] = [];
  const replaced: ((id: string) => void)[] = [];
  const checks: boolean[] = [];
  const service = new BalancesService({
    clock,
    random: () => 0,
    accounts: {
      list: () => accounts,
      onChanged: (listener) => (changed.push(listener), () => undefined),
      clientFor: () => Promise.resolve(client.api),
      recordCheck: (_id, check) => void checks.push(check.ok),
      onKeyReplaced: (listener) => (replaced.push(listener), () => undefined),
    },
    settings: { get: () => DEFAULT_SETTINGS, onChange: () => () => undefined },
  });
  service.start();
  return {
    service,
    /** What the account list was told about the key at each refresh (Vault.recordCheck). */
    checks,
    get: () => service.list()[0],
    /** What Vault.replaceKey does: the new key's client kept, the key replaced announced, then the list. */
    replaceKey: (next: ReturnType<typeof keyClient>, key: string) => {
      client = next;
      accounts = [summary(key)];
      for (const listener of replaced) listener('a');
      for (const listener of changed) listener(accounts);
    },
  };
}

describe('BalancesService after "Update key"', () => {
  it('refreshes at once with the new key, although the old one is locked out, and the key error clears', async () => {
    const until = createFakeClock().now() + 15 * 60_000;
    const old = keyClient(() => new KrakenError('invalid-key', { krakenErrors: ['EAPI:Invalid key'] }), until);
    const t = setup(old);
    await settle();
    expect(t.get()).toMatchObject({ status: 'error', error: { code: 'invalid-key', kind: 'key' } });

    t.replaceKey(keyClient(() => '2'), 'old'); // the same fingerprint: the refresh lane does not change
    await settle();
    expect(t.get()).toMatchObject({ status: 'fresh', error: null, stale: false, portfolio: { total: '200' } });
  });

  it('ignores what a refresh still out with the old key answers after the update', async () => {
    const old = keyClient(() => new KrakenError('invalid-key', { krakenErrors: ['EAPI:Invalid key'] }));
    old.holdNext();
    const t = setup(old);
    await settle();
    expect(t.get()?.status).toBe('refreshing');

    t.replaceKey(keyClient(() => '3'), 'new');
    await settle();
    expect(t.get()).toMatchObject({ status: 'fresh', error: null, portfolio: { total: '300' } });
    old.release(); // the old key's answer arrives last
    await settle();
    expect(t.get()).toMatchObject({ status: 'fresh', error: null, portfolio: { total: '300' } });
    expect(t.checks).toEqual([true]); // the account list never hears the old key failed
    t.service.dispose();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, FAKE_API_SECRET, startFakeKraken, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import type { AccountCheck, AccountSummary } from '../../ipc/contract.ts';
import { createKrakenClient, keyFingerprint } from '../kraken/index.ts';
import { createFakeClock } from '../refresh/fake-clock.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { BalancesService } from './balances-service.ts';

let fake: FakeKraken | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const account: AccountSummary = {
  id: 'main',
  label: 'Main',
  keyFingerprint: keyFingerprint(FAKE_API_KEY),
  addedAt: '2026-01-01T00:00:00.000Z',
  hasOtp: false,
  demo: false,
  lastCheck: null,
};

describe('BalancesService with the real client against the fake Kraken', () => {
  it('values the documented balances, then keeps them and explains a permission error', async () => {
    fake = await startFakeKraken();
    const client = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, maxRetries: 0 });
    const checks: AccountCheck[] = [];
    const service = new BalancesService({
      clock: createFakeClock(),
      accounts: {
        list: () => [account],
        onChanged: () => () => undefined,
        clientFor: () => Promise.resolve(client),
        recordCheck: (_id, check) => checks.push(check),
      },
      settings: { get: () => DEFAULT_SETTINGS, onChange: () => () => undefined },
    });
    service.start();
    await service.refresh('main'); // joins the first refresh, which start() began
    const [first] = service.list();
    expect(first?.status).toBe('fresh');
    expect(first?.portfolio?.quote).toBe('USD');
    expect(first?.portfolio?.unpriced).toEqual([]);
    expect(first?.portfolio?.rows.map((r) => r.asset).sort()).toEqual(['DAI', 'DOT', 'ETH2', 'ETH2.S', 'USD.M', 'USDT', 'XETH', 'XXBT', 'ZEUR', 'ZUSD']);

    fake.setPermissions(false);
    await service.refresh('main');
    const [failed] = service.list();
    expect(failed?.status).toBe('error');
    expect(failed?.error).toMatchObject({ code: 'permission-denied', hint: expect.stringContaining('Query Funds') });
    expect(failed?.portfolio?.total).toBe(first?.portfolio?.total);
    expect(JSON.stringify(service.list())).not.toContain(FAKE_API_SECRET);
    expect(fake.calls.filter((c) => c.path === '/0/private/BalanceEx')).toHaveLength(2);
    expect(checks.map((check) => check.ok)).toEqual([true, false]);
    service.dispose();
  });
});

import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, FAKE_API_SECRET, startFakeKraken, type FakeKraken } from './index.ts';

// The bench compares our client with ccxt against this fake, so the fake must serve what ccxt needs.
let server: FakeKraken;
beforeAll(async () => {
  server = await startFakeKraken({ rateLimit: false });
});
afterAll(() => server.close());

describe('ccxt kraken against the fake', () => {
  it('loads markets and fetches balances with form-encoded signed requests, never leaving 127.0.0.1', async () => {
    const exchange = new ccxt.kraken({ apiKey: FAKE_API_KEY, secret: FAKE_API_SECRET, enableRateLimit: false });
    exchange.urls['api'] = { public: server.url, private: server.url };
    const balance = await exchange.fetchBalance();
    expect(balance.total).toMatchObject({ BTC: 1011.19088779, USD: 171288.6158, 'ETH2.S': 198.39708 });
    expect(server.calls.map((c) => [c.path, c.verified, c.bodyFormat])).toEqual([
      ['/0/public/Assets', false, null],
      ['/0/public/AssetPairs', false, null],
      ['/0/private/BalanceEx', true, 'form'],
    ]);
    expect(server.calls.every((c) => c.errors.length === 0)).toBe(true);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BALANCES, startFakeKraken, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import { createKrakenClient, createMemoryNonceStore } from '../kraken/index.ts';
import { fakeKeyOptions } from '../kraken/testing/client-fixtures.ts';
import { createVirtualTime } from '../kraken/testing/virtual-time.ts';
import { fetchPortfolio } from './keyed-portfolio.ts';

let fake: FakeKraken;
const time = createVirtualTime();
const nonceStore = createMemoryNonceStore();
/** The URLs the client asked for (through fetch, so they can be read back). */
let urls: string[] = [];
const client = () => createKrakenClient({
  ...fakeKeyOptions(fake.url, time, nonceStore),
  fetch: (input, init) => {
    urls.push(String(input));
    return fetch(input, init);
  },
});

beforeAll(async () => {
  fake = await startFakeKraken({ now: () => time.now() });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.clearCalls();
  fake.setBalances(DEFAULT_BALANCES);
  urls = [];
});

describe('fetchPortfolio with the real client against the fake Kraken', () => {
  it('spends one BalanceEx call (and Earn/Allocations for the read-only lines) and asks Ticker for only the pairs that value the balances', async () => {
    const { portfolio, marketError } = await fetchPortfolio(client(), { quote: 'EUR', rebaseMultiplier: 'rebased' });
    expect(marketError).toBeNull();
    expect(portfolio.quote).toBe('EUR');
    expect(portfolio.unpriced).toEqual([]);
    expect(portfolio.rows.find((r) => r.asset === 'ZEUR')).toMatchObject({ base: 'EUR', price: '1', value: '504861.8946' });
    expect(fake.calls.filter((c) => c.path.startsWith('/0/private/')).map((c) => c.path)).toEqual(['/0/private/BalanceEx', '/0/private/Earn/Allocations']);
    // Balances in BTC, ETH, USD, EUR, USDT, DAI, DOT: pairs among those and the hubs (USD, BTC) only, not GBP.
    expect(urls.filter((url) => url.includes('/0/public/Ticker')).map((url) => new URL(url).search)).toEqual(['?pair=DAIEUR,DAIUSD,DOTEUR,DOTUSD,DOTXBT,ETHUSDT,USDTEUR,USDTZUSD,XBTUSDT,XETHXXBT,XETHZEUR,XETHZUSD,XXBTZEUR,XXBTZUSD,ZEURZUSD']);
  });

  it('lists assets with no route as unpriced, never as worth 0', async () => {
    fake.setBalances({ XXBT: '1', MYSTERY: '10' });
    const { portfolio } = await fetchPortfolio(client(), { quote: 'USD', rebaseMultiplier: 'rebased' });
    expect(portfolio).toMatchObject({ quote: 'USD', total: '97250.1', unpriced: ['MYSTERY'] });
  });

  it('survives one-off faults on every public endpoint', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EService:Busy' }, { path: '/0/public/Ticker' });
    fake.injectFault({ type: 'reset' }, { path: '/0/public/Assets' });
    fake.injectFault({ type: 'html', status: 502 }, { path: '/0/public/AssetPairs' });
    const { portfolio } = await fetchPortfolio(client(), { quote: 'GBP', rebaseMultiplier: 'rebased' });
    expect(portfolio.unpriced).toEqual([]);
    expect(portfolio.rows).toHaveLength(10);
  });

  it('keeps the balances, unpriced, when Ticker stays down, and says why', async () => {
    fake.injectFault({ type: 'malformed-json' }, { path: '/0/public/Ticker', always: true });
    const { portfolio, marketError } = await fetchPortfolio(client(), { quote: 'USD', rebaseMultiplier: 'rebased' });
    expect(marketError).toMatchObject({ code: 'bad-response', message: expect.stringContaining('cut off or garbled') });
    expect(portfolio.rows.map((row) => row.asset).sort()).toEqual(Object.keys(DEFAULT_BALANCES).sort());
    // Only the quote currency itself (cash and its opt-in rewards) needs no price; the rest waits for Ticker.
    expect(portfolio.rows.filter((row) => row.value !== null).map((row) => row.asset).sort()).toEqual(['USD.M', 'ZUSD']);
    expect(portfolio.rows.find((row) => row.asset === 'XXBT')).toMatchObject({ base: 'BTC', amount: DEFAULT_BALANCES['XXBT'], price: null });
    expect(portfolio.unpriced).toHaveLength(portfolio.rows.length - 2);
  });

  it('still fails when the balances themselves do not arrive', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EAPI:Invalid key' }, { path: '/0/private/BalanceEx' });
    await expect(fetchPortfolio(client(), { quote: 'USD', rebaseMultiplier: 'rebased' })).rejects.toMatchObject({ code: 'invalid-key' });
  });
});

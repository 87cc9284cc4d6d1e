import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assetPairEntry, DEFAULT_ASSETS, DEFAULT_BALANCES, DEFAULT_PAIRS, tickerEntry, type FakePairSpec } from '../../e2e/fake-kraken/fixtures.ts';
import { parseAssets } from './assets.ts';
import { parseBalances } from './balance-parse.ts';
import { parseAssetPairs, parseTicker } from './market-data.ts';
import { planValuation, valuePortfolio, type Portfolio } from './portfolio.ts';

function market(specs: readonly FakePairSpec[] = DEFAULT_PAIRS) {
  return {
    assets: parseAssets(DEFAULT_ASSETS),
    pairs: parseAssetPairs(Object.fromEntries(specs.map((p) => [p.key, assetPairEntry(p)]))),
    tickers: parseTicker(Object.fromEntries(specs.map((p) => [p.key, tickerEntry(p.last)]))),
  };
}

function value(balances: Record<string, string>, quote: string, specs?: readonly FakePairSpec[]): Portfolio {
  const { assets, pairs, tickers } = market(specs);
  return valuePortfolio(parseBalances(balances), assets, pairs, tickers, quote);
}

const row = (portfolio: Portfolio, asset: string) => portfolio.rows.find((r) => r.asset === asset);

describe('valuePortfolio', () => {
  const usd = value(DEFAULT_BALANCES, 'USD');

  it('values the documented example balances in USD exactly (checked with Python decimal)', () => {
    expect(usd.quote).toBe('USD');
    expect(usd.unpriced).toEqual([]);
    expect(usd.total).toBe('104502285.74752600715001');
    expect(row(usd, 'XXBT')).toEqual({
      asset: 'XXBT', base: 'BTC', extension: null, unbondingDays: null, readOnly: false,
      amount: '1011.1908877900', price: '97250.1', value: '98338414.956666279', share: expect.any(String), change24hPct: null,
      available: null, held: null, earn: null,
    });
    expect(row(usd, 'ZEUR')?.value).toBe('547876.12801992');
    expect(row(usd, 'DAI')?.value).toBe('9998.99999999990001');
    expect(row(usd, 'DOT')?.value).toBe('17.8085');
  });

  it('keeps every amount exactly as sent, trailing zeros included', () => {
    for (const [code, amount] of Object.entries(DEFAULT_BALANCES)) expect(row(usd, code)?.amount).toBe(amount);
  });

  it('fiat in its own currency is worth 1, extensions are valued through their base', () => {
    expect(row(usd, 'ZUSD')).toMatchObject({ price: '1', value: '171288.6158' });
    expect(row(usd, 'USD.M')).toMatchObject({ base: 'USD', extension: 'M', readOnly: true, price: '1', value: '1213029.278' });
    expect(row(usd, 'ETH2.S')).toMatchObject({ base: 'ETH', extension: 'S', readOnly: true, price: '3650.25', value: '724198.94127' });
    expect(row(usd, 'ETH2')).toMatchObject({ base: 'ETH', extension: 'S', readOnly: true, price: '3650.25' });
  });

  it('orders rows by value, largest first', () => {
    expect(usd.rows.map((r) => r.asset).slice(0, 3)).toEqual(['XXBT', 'XETH', 'USD.M']);
  });

  it('shares add up to 1 within rounding', () => {
    const sum = usd.rows.reduce((acc, r) => acc + Number(r.share), 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(row(usd, 'XXBT')?.share).toBe('0.941016880667');
  });

  it.each(['USD', 'EUR', 'GBP', 'USDT', 'BTC'])('prices every example balance in %s', (quote) => {
    const portfolio = value(DEFAULT_BALANCES, quote);
    expect(portfolio.unpriced).toEqual([]);
    expect(portfolio.rows.every((r) => r.price !== null && r.value !== null)).toBe(true);
    expect(Number(portfolio.total)).toBeGreaterThan(0);
  });

  it('routes through USD when there is no direct pair (DAI → GBP = DAI/USD ÷ GBP/USD)', () => {
    const gbp = value({ DAI: '1' }, 'GBP');
    expect(gbp.rows[0]?.price?.startsWith('0.7870129870129870129870')).toBe(true);
  });

  it('routes through BTC when only a BTC pair exists', () => {
    const specs = [...DEFAULT_PAIRS.filter((p) => p.base !== 'DOT'), { key: 'DOTXBT', altname: 'DOTXBT', wsname: 'DOT/XBT', base: 'DOT', quote: 'XXBT', last: '0.0001' }];
    const eur = value({ DOT: '2' }, 'EUR', specs);
    expect(eur.rows[0]).toMatchObject({ price: '8.96124', value: '17.92248' });
  });

  it('inverts a pair when only the reverse exists (USD in EUR via EUR/USD)', () => {
    expect(value({ ZUSD: '1.0852' }, 'EUR').rows[0]?.value).toBe('1');
  });

  it('accepts Kraken codes as quote', () => {
    expect(value({ XXBT: '1' }, 'ZUSD').total).toBe('97250.1');
    expect(value({ ZUSD: '97250.1' }, 'XBT').quote).toBe('BTC');
  });

  it('reports assets without a route as unpriced, never as 0, and leaves them out of the total', () => {
    const portfolio = value({ XXBT: '1', NOPE: '5', 'NOPE.S': '1' }, 'USD');
    expect(portfolio.unpriced).toEqual(['NOPE', 'NOPE.S']);
    expect(row(portfolio, 'NOPE')).toMatchObject({ price: null, value: null, share: null, amount: '5' });
    expect(portfolio.total).toBe('97250.1');
    expect(portfolio.rows.at(-1)?.asset).toBe('NOPE.S');
  });

  it('a pair that never traded (price 0) is no price at all', () => {
    const specs = DEFAULT_PAIRS.map((p) => (p.key === 'DOTUSD' ? { ...p, last: '0.0000' } : p));
    const portfolio = value({ DOT: '1' }, 'USD', specs.filter((p) => p.key !== 'DOTXBT'));
    expect(portfolio.unpriced).toEqual(['DOT']);
  });

  it('handles an empty account and a zero total', () => {
    expect(value({}, 'USD')).toEqual({ quote: 'USD', rows: [], total: '0', unpriced: [], change24h: null, earn: null });
    expect(row(value({ ZUSD: '0.0000' }, 'USD'), 'ZUSD')).toMatchObject({ value: '0', share: null });
  });

  it('is safe with hostile asset codes', () => {
    const portfolio = value({ constructor: '1', toString: '2', hasOwnProperty: '3' }, 'USD');
    expect(portfolio.unpriced).toEqual(['constructor', 'hasOwnProperty', 'toString']);
  });

  it('when several pairs price one edge, a plain-code pair wins, then the first key', () => {
    const btcUsd = (key: string, base: string, last: string): FakePairSpec => ({ key, altname: key, wsname: key, base, quote: 'ZUSD', last });
    const specs = [btcUsd('AXBT.MUSD', 'XBT.M', '1'), btcUsd('ZZXBTUSD', 'XXBT', '3'), btcUsd('XXBTZUSD', 'XXBT', '2')];
    expect(value({ XXBT: '1' }, 'USD', specs).total).toBe('2');
    expect(value({ XXBT: '1' }, 'USD', [...specs].reverse()).total).toBe('2');
  });

  it('plans the prices a valuation needs: only those tickers value as every ticker would', () => {
    const { assets, pairs, tickers } = market();
    for (const quote of ['USD', 'EUR', 'GBP', 'BTC', 'USDT']) {
      const plan = planValuation(parseBalances(DEFAULT_BALANCES), assets, pairs, quote);
      const fetched = new Map(plan.pairs.map((pair) => [pair, tickers.get(pair) ?? { pair, last: '0', ask: null, bid: null }]));
      expect(plan.value(fetched)).toEqual(value(DEFAULT_BALANCES, quote));
      expect(plan.pairs.length).toBeLessThan(pairs.size);
    }
    // Nothing to value, nothing to ask beyond the pairs between the quote and the routing hubs.
    expect(planValuation(parseBalances({}), assets, pairs, 'EUR').pairs).toEqual(['XXBTZEUR', 'XXBTZUSD', 'ZEURZUSD']);
  });

  it('value is the exact product of amount and price (no floats), for any amount', () => {
    const toScaled = (s: string): [bigint, number] => {
      const [int = '0', frac = ''] = s.replace('-', '').split('.');
      const sign = s.startsWith('-') ? -1n : 1n;
      return [sign * BigInt(int + frac), frac.length];
    };
    fc.assert(fc.property(
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
      fc.integer({ min: 0, max: 40 }),
      (units, decimals) => {
        const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
        const amount = (units < 0n ? '-' : '') + (decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`);
        const result = value({ XXBT: amount }, 'USD').rows[0];
        const [a, aScale] = toScaled(amount);
        const [v, vScale] = toScaled(result?.value ?? 'x');
        // amount × 97250.1 == value, compared as integers at a common scale.
        const lhs = a * 972501n * 10n ** BigInt(vScale);
        const rhs = v * 10n ** BigInt(aScale + 1);
        expect(lhs).toBe(rhs);
      },
    ), { numRuns: 300 });
  });
});

describe('24 h change', () => {
  const dayAgo = (prices: Record<string, string>) => new Map(Object.entries(prices).map(([pair, last]) => [pair, { pair, last, ask: null, bid: null }]));
  const plan = (balances: Record<string, string>, quote: string) => {
    const { assets, pairs, tickers } = market();
    return { plan: planValuation(parseBalances(balances), assets, pairs, quote), tickers };
  };

  it('is the change of a direct pair since its price 24 h ago, in percent exact to 12 decimals', () => {
    const { plan: p, tickers } = plan({ XXBT: '1', DOT: '1' }, 'USD');
    const portfolio = p.value(tickers, dayAgo({ XXBTZUSD: '95000' }));
    // (97250.1 − 95000) / 95000 = 2.368526315789…%
    expect(row(portfolio, 'XXBT')?.change24hPct).toBe('2.368526315789');
    // No price 24 h ago for DOT/USD: unknown, not 0.
    expect(row(portfolio, 'DOT')?.change24hPct).toBeNull();
  });

  it('follows the route: an inverted pair changes the other way, the quote itself does not change', () => {
    const { plan: p, tickers } = plan({ ZUSD: '1', ZEUR: '1' }, 'EUR');
    // USD in EUR is 1 / (EUR/USD): 1.0852 now, 1.09 a day ago → 1.09 / 1.0852 − 1 = 0.442314780686…%
    const portfolio = p.value(tickers, dayAgo({ ZEURZUSD: '1.09' }));
    expect(row(portfolio, 'ZUSD')?.change24hPct).toBe('0.442314780686');
    expect(row(portfolio, 'ZEUR')?.change24hPct).toBe('0');
  });

  it('is null for every row when no prices of a day ago are given', () => {
    const { plan: p, tickers } = plan(DEFAULT_BALANCES, 'USD');
    expect(p.value(tickers).rows.every((r) => r.change24hPct === null)).toBe(true);
  });
});

describe('24 h change of the portfolio', () => {
  const dayAgo = (prices: Record<string, string>) => new Map(Object.entries(prices).map(([pair, last]) => [pair, { pair, last, ask: null, bid: null }]));

  it('values the balances that have a price a day ago at both prices, exactly', () => {
    const { assets, pairs, tickers } = market();
    const plan = planValuation(parseBalances({ XXBT: '2', DOT: '3', ZUSD: '10' }), assets, pairs, 'USD');
    const portfolio = plan.value(tickers, dayAgo({ XXBTZUSD: '95000' }));
    // BTC: 2 × 97250.1 now, 2 × 95000 then; USD is 1 both times; DOT has no price a day ago, so it is left out.
    expect(portfolio.change24h).toEqual({ now: '194510.2', before: '190010' });
    // A real change that rounds to 0.00 % at two decimals keeps its digits.
    const tiny = plan.value(tickers, dayAgo({ XXBTZUSD: '97250.09' }));
    expect(row(tiny, 'XXBT')?.change24hPct).toBe('0.000010282767');
  });

  it('is null when no price of a day ago is known', () => {
    const { assets, pairs, tickers } = market();
    expect(planValuation(parseBalances({ XXBT: '1' }), assets, pairs, 'USD').value(tickers).change24h).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseBalanceEx, parseBalances } from './balance-parse.ts';
import { balancesOf, withEarn, withFunds } from './earn-lines.ts';
import type { EarnAllocationItem } from './earn-parse.ts';
import type { Portfolio, PortfolioRow } from './portfolio.ts';

const line = (asset: string, base: string, amount: string, price: string | null, readOnly = asset.includes('.')): PortfolioRow => ({
  asset, base, extension: readOnly ? 'S' : null, unbondingDays: null, readOnly, amount, price, value: null, share: null, change24hPct: null, available: null, held: null, earn: null,
});
const portfolio = (rows: PortfolioRow[]): Portfolio => ({ quote: 'USD', rows, total: '0', unpriced: [], change24h: null, earn: null });
const allocation = (nativeAsset: string, allocated: string, rewarded: string): EarnAllocationItem => ({ strategyId: `S-${nativeAsset}`, nativeAsset, allocated, bonding: null, unbonding: null, rewarded, payout: null });
const display = (code: string) => ({ XETH: 'ETH', XXBT: 'BTC' })[code] ?? code;

describe('withFunds', () => {
  it('gives each line what is available and what open orders hold, exactly as BalanceEx says', () => {
    const extended = parseBalanceEx({ XXBT: { balance: '1.5', hold_trade: '0.25' }, ZUSD: { balance: '100', hold_trade: '0', credit: '50', credit_used: '20' } });
    expect(balancesOf(extended)).toEqual(parseBalances({ XXBT: '1.5', ZUSD: '100' }));
    const funded = withFunds(portfolio([line('XXBT', 'BTC', '1.5', '1'), line('ZUSD', 'USD', '100', '1'), line('DOT', 'DOT', '1', '1')]), extended);
    expect(funded.rows.map((row) => [row.asset, row.available, row.held])).toEqual([
      ['XXBT', '1.25', '0.25'],
      // available = balance + credit − credit_used − hold_trade
      ['ZUSD', '130', '0'],
      // Not in BalanceEx's answer: unknown, not 0.
      ['DOT', null, null],
    ]);
  });
});

describe('withEarn', () => {
  it('puts an allocation on the one read-only line of its asset, certain, and sums the summary at the lines\' prices', () => {
    const rows = [line('DOT', 'DOT', '1', '7'), line('DOT.S', 'DOT', '10', '7'), line('USD.M', 'USD', '100', '1')];
    const earned = withEarn(portfolio(rows), [allocation('DOT', '10', '0.5'), allocation('USD', '100', '0.1')], display);
    expect(earned.rows.find((row) => row.asset === 'DOT')?.earn).toBeNull();
    expect(earned.rows.find((row) => row.asset === 'DOT.S')?.earn).toEqual({ allocations: [{ strategyId: 'S-DOT', asset: 'DOT', allocated: '10', bonding: null, unbonding: null, rewarded: '0.5', payout: null }], sharedWith: [] });
    expect(earned.earn).toEqual({ allocated: '170', rewarded: '3.6', unpriced: [], unmatched: [], count: 2 });
  });

  it('shows an allocation on every read-only line of its asset when Kraken does not say which, naming the others', () => {
    const rows = [line('ETH2.S', 'ETH', '198', '3650'), line('ETH2', 'ETH', '2.5', '3650', true)];
    const earned = withEarn(portfolio(rows), [allocation('XETH', '198', '3.86')], display);
    expect(earned.rows.map((row) => row.earn?.sharedWith)).toEqual([['ETH2'], ['ETH2.S']]);
  });

  it('says which allocations have no line to show them on and which have no price, instead of counting them as 0', () => {
    const earned = withEarn(portfolio([line('XXBT', 'BTC', '1', '97000', false), line('FOO.S', 'FOO', '5', null)]), [allocation('XXBT', '0.5', '0.01'), allocation('FOO', '5', '1')], display);
    expect(earned.earn).toEqual({ allocated: '48500', rewarded: '970', unpriced: ['FOO'], unmatched: ['BTC'], count: 2 });
    expect(earned.rows.find((row) => row.asset === 'XXBT')?.earn).toBeNull();
  });
});

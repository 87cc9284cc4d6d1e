import type { Portfolio } from '../../ipc/contract.ts';
import { balancesOf, createAssetDirectory, parseBalanceEx, parseEarnAllocations, planValuation } from '../kraken/index.ts';
import { DEMO_ASSETS, DEMO_DAY_AGO, DEMO_PAIRS, DEMO_TICKER, demoBalanceEx, demoEarnAllocations } from './demo-data.ts';
import { valueKeyed } from './keyed-portfolio.ts';

/**
 * A demo account's portfolio in `quote`: sample BalanceEx, Earn allocations (dated around `now`) and prices
 * now and a day ago, read and valued offline by the same code as a keyed account's (valueKeyed).
 */
export function demoPortfolio(quote: string, now: number = Date.now()): Portfolio {
  const funds = parseBalanceEx(demoBalanceEx());
  const plan = planValuation(balancesOf(funds), DEMO_ASSETS, DEMO_PAIRS, quote);
  const earn = { items: parseEarnAllocations(demoEarnAllocations(now)), display: createAssetDirectory(DEMO_ASSETS).display };
  return valueKeyed({ plan, pairTable: DEMO_PAIRS, funds, earn, marketError: null }, DEMO_TICKER, DEMO_DAY_AGO);
}

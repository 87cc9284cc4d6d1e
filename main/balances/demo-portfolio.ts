import type { Portfolio } from '../../ipc/contract.ts';
import { balancesOf, createAssetDirectory, parseBalanceEx, parseEarnAllocations, planValuation, withEarn, withFunds } from '../kraken/index.ts';
import { DEMO_ASSETS, DEMO_DAY_AGO, DEMO_PAIRS, DEMO_TICKER, demoBalanceEx, demoEarnAllocations } from './demo-data.ts';
import { toContractPortfolio } from './to-contract.ts';

/**
 * A demo account's portfolio in `quote`: sample BalanceEx, Earn allocations (dated around `now`) and prices
 * now and a day ago, read and valued offline by the same code as a keyed account's.
 */
export function demoPortfolio(quote: string, now: number = Date.now()): Portfolio {
  const extended = parseBalanceEx(demoBalanceEx());
  const plan = planValuation(balancesOf(extended), DEMO_ASSETS, DEMO_PAIRS, quote);
  const valued = withFunds(plan.value(DEMO_TICKER, DEMO_DAY_AGO), extended);
  const earn = parseEarnAllocations(demoEarnAllocations(now));
  return toContractPortfolio(withEarn(valued, earn, createAssetDirectory(DEMO_ASSETS).display));
}

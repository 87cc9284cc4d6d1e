import type { Portfolio } from '../../ipc/contract.ts';
import { valuePortfolio } from '../kraken/index.ts';
import { DEMO_ASSETS, DEMO_BALANCES, DEMO_PAIRS, DEMO_TICKER } from './demo-data.ts';
import { toContractPortfolio } from './to-contract.ts';

/** A demo account's portfolio in `quote`: sample balances and prices, valued offline. */
export function demoPortfolio(quote: string): Portfolio {
  return toContractPortfolio(valuePortfolio(DEMO_BALANCES, DEMO_ASSETS, DEMO_PAIRS, DEMO_TICKER, quote));
}

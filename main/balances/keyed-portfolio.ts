import type { Portfolio } from '../../ipc/contract.ts';
import { balancesOf, createAssetDirectory, planValuation, withEarn, withFunds, type KrakenClient, type RebaseMultiplier } from '../kraken/index.ts';
import { log } from '../log.ts';
import { toContractPortfolio } from './to-contract.ts';

/** The protocol calls a keyed account's refresh makes; nothing here values. */
export type MarketClient = Pick<KrakenClient, 'balanceEx' | 'earnAllocations' | 'assets' | 'assetPairs' | 'ticker'>;

export interface PortfolioRequest {
  /** Display code (USD, EUR, GBP, USDT, BTC, …) or Kraken code. */
  readonly quote: string;
  readonly rebaseMultiplier: RebaseMultiplier;
}

/** Earn details are extra: a refresh whose Earn call fails still shows the balances, without them. */
function earnUnavailable(error: unknown): null {
  log.warn('balances', `Earn allocations unavailable: ${error instanceof Error ? error.message : 'unknown error'}`);
  return null;
}

/**
 * A keyed account's portfolio now: its balances with what open orders hold (the one signed BalanceEx call a
 * refresh spends) and Kraken's asset and pair lists (public, cached an hour), then the last prices of just
 * the pairs that value those balances in the quote (public), valued exactly by the pure valuation, and the
 * Earn allocations behind its read-only lines (signed, cached five minutes by the client).
 */
export async function fetchPortfolio(client: MarketClient, request: PortfolioRequest): Promise<Portfolio> {
  const [extended, assets, pairs] = await Promise.all([
    client.balanceEx({ rebaseMultiplier: request.rebaseMultiplier }),
    client.assets(),
    client.assetPairs(),
  ]);
  const directory = createAssetDirectory(assets);
  const balances = balancesOf(extended);
  const plan = planValuation(balances, assets, pairs, request.quote);
  // Earn/Allocations only for accounts with read-only lines for it to explain (one rate-counter point saved otherwise).
  const earns = Object.keys(balances).some((code) => directory.resolve(code).extension !== null);
  const [tickers, earn] = await Promise.all([
    client.ticker(plan.pairs),
    earns ? client.earnAllocations().catch(earnUnavailable) : Promise.resolve(null),
  ]);
  const valued = withFunds(plan.value(tickers), extended);
  return toContractPortfolio(earn === null ? valued : withEarn(valued, earn, directory.display));
}

import type { Portfolio } from '../../ipc/contract.ts';
import { planValuation, type KrakenClient, type RebaseMultiplier } from '../kraken/index.ts';
import { toContractPortfolio } from './to-contract.ts';

/** The protocol calls a keyed account's refresh makes; nothing here values. */
export type MarketClient = Pick<KrakenClient, 'balance' | 'assets' | 'assetPairs' | 'ticker'>;

export interface PortfolioRequest {
  /** Display code (USD, EUR, GBP, USDT, BTC, …) or Kraken code. */
  readonly quote: string;
  readonly rebaseMultiplier: RebaseMultiplier;
}

/**
 * A keyed account's portfolio now: its balances (the one signed Balance call a refresh spends) and
 * Kraken's asset and pair lists (public, cached an hour by the client), then the last prices of just the
 * pairs that value those balances in the quote (public), valued exactly by the pure valuation.
 */
export async function fetchPortfolio(client: MarketClient, request: PortfolioRequest): Promise<Portfolio> {
  const [balances, assets, pairs] = await Promise.all([
    client.balance({ rebaseMultiplier: request.rebaseMultiplier }),
    client.assets(),
    client.assetPairs(),
  ]);
  const plan = planValuation(balances, assets, pairs, request.quote);
  return toContractPortfolio(plan.value(await client.ticker(plan.pairs)));
}

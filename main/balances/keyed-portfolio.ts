import type { Portfolio } from '../../ipc/contract.ts';
import { planValuation, type AssetPairTable, type KrakenClient, type RebaseMultiplier, type ValuationPlan } from '../kraken/index.ts';
import { toContractPortfolio } from './to-contract.ts';

/** The protocol calls a keyed account's refresh makes; nothing here values. */
export type MarketClient = Pick<KrakenClient, 'balance' | 'assets' | 'assetPairs' | 'ticker'>;

export interface PortfolioRequest {
  /** Display code (USD, EUR, GBP, USDT, BTC, …) or Kraken code. */
  readonly quote: string;
  readonly rebaseMultiplier: RebaseMultiplier;
}

/** A keyed account's balances planned for valuation, with Kraken's pair list the plan came from. */
export interface KeyedPlan {
  readonly plan: ValuationPlan;
  /** AssetPairs as the plan read it: the live ticker maps its pairs to stream symbols (wsname). */
  readonly pairTable: AssetPairTable;
}

/**
 * A keyed account's balances (the one signed Balance call a refresh spends) and Kraken's asset and pair
 * lists (public, cached an hour by the client), planned for valuation in the quote: which pairs price it.
 */
export async function planKeyedValuation(client: MarketClient, request: PortfolioRequest): Promise<KeyedPlan> {
  const [balances, assets, pairTable] = await Promise.all([
    client.balance({ rebaseMultiplier: request.rebaseMultiplier }),
    client.assets(),
    client.assetPairs(),
  ]);
  return { plan: planValuation(balances, assets, pairTable, request.quote), pairTable };
}

/**
 * A keyed account's portfolio now, from REST alone: the plan, then the last prices of just the pairs that
 * value those balances in the quote (public), valued exactly by the pure valuation.
 */
export async function fetchPortfolio(client: MarketClient, request: PortfolioRequest): Promise<Portfolio> {
  const { plan } = await planKeyedValuation(client, request);
  return toContractPortfolio(plan.value(await client.ticker(plan.pairs)));
}

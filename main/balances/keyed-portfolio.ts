import type { Portfolio } from '../../ipc/contract.ts';
import {
  planValuation, type AssetPairTable, type AssetTable, type Balances, type KrakenClient, type RebaseMultiplier, type TickerTable,
  type ValuationPlan,
} from '../kraken/index.ts';
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
  /** Why the public market data (assets, pairs, prices) failed, when it did: the plan then prices nothing. */
  readonly marketError: unknown;
}

export interface KeyedPortfolio {
  readonly portfolio: Portfolio;
  /** Why the public market data failed, when it did: the portfolio is then unpriced. */
  readonly marketError: unknown;
}

const NO_ASSETS: AssetTable = new Map();
const NO_PAIRS: AssetPairTable = new Map();
const NO_PRICES: TickerTable = new Map();

/** The balances alone, valued with no pairs: shown unpriced, with the market data's error beside them. */
export function unpricedPlan(balances: Balances, assets: AssetTable, request: PortfolioRequest, marketError: unknown): KeyedPlan {
  return { plan: planValuation(balances, assets, NO_PAIRS, request.quote), pairTable: NO_PAIRS, marketError };
}

/**
 * A keyed account's balances (the one signed Balance call a refresh spends) and Kraken's asset and pair
 * lists (public, cached an hour by the client), planned for valuation in the quote: which pairs price it.
 * Only the balances must arrive: when the public lists fail, the plan is unpriced and says why, so an
 * outage of Kraken's market data never hides what the user holds.
 */
export async function planKeyedValuation(client: MarketClient, request: PortfolioRequest): Promise<KeyedPlan> {
  const [balances, assets, pairs] = await Promise.allSettled([
    client.balance({ rebaseMultiplier: request.rebaseMultiplier }),
    client.assets(),
    client.assetPairs(),
  ]);
  if (balances.status === 'rejected') throw balances.reason;
  if (assets.status === 'rejected') return unpricedPlan(balances.value, NO_ASSETS, request, assets.reason);
  if (pairs.status === 'rejected') return unpricedPlan(balances.value, assets.value, request, pairs.reason);
  return { plan: planValuation(balances.value, assets.value, pairs.value, request.quote), pairTable: pairs.value, marketError: null };
}

/**
 * A keyed account's portfolio now, from REST alone: the plan, then the last prices of just the pairs that
 * value those balances in the quote (public), valued exactly by the pure valuation. A Ticker failure
 * keeps the balances, unpriced.
 */
export async function fetchPortfolio(client: MarketClient, request: PortfolioRequest): Promise<KeyedPortfolio> {
  const { plan, marketError } = await planKeyedValuation(client, request);
  if (marketError !== null) return { portfolio: toContractPortfolio(plan.value(NO_PRICES)), marketError };
  try {
    return { portfolio: toContractPortfolio(plan.value(await client.ticker(plan.pairs))), marketError: null };
  } catch (error) {
    return { portfolio: toContractPortfolio(plan.value(NO_PRICES)), marketError: error };
  }
}

import type { Portfolio } from '../../ipc/contract.ts';
import { planValuation, type AssetPairTable, type AssetTable, type KrakenClient, type RebaseMultiplier, type TickerTable } from '../kraken/index.ts';
import { toContractPortfolio } from './to-contract.ts';

/** The protocol calls a keyed account's refresh makes; nothing here values. */
export type MarketClient = Pick<KrakenClient, 'balance' | 'assets' | 'assetPairs' | 'ticker'>;

export interface PortfolioRequest {
  /** Display code (USD, EUR, GBP, USDT, BTC, …) or Kraken code. */
  readonly quote: string;
  readonly rebaseMultiplier: RebaseMultiplier;
}

export interface KeyedPortfolio {
  readonly portfolio: Portfolio;
  /** Why the public market data (assets, pairs, prices) failed, when it did: the portfolio is then unpriced. */
  readonly marketError: unknown;
}

const NO_ASSETS: AssetTable = new Map();
const NO_PAIRS: AssetPairTable = new Map();
const NO_PRICES: TickerTable = new Map();

/**
 * A keyed account's portfolio now: its balances (the one signed Balance call a refresh spends) and
 * Kraken's asset and pair lists (public, cached an hour by the client), then the last prices of just the
 * pairs that value those balances in the quote (public), valued exactly by the pure valuation.
 * Only the balances must arrive: when the public market data fails, the balances are still returned,
 * unpriced, with the market data's error beside them, so a Ticker outage never hides what the user holds.
 */
export async function fetchPortfolio(client: MarketClient, request: PortfolioRequest): Promise<KeyedPortfolio> {
  const [balances, assets, pairs] = await Promise.allSettled([
    client.balance({ rebaseMultiplier: request.rebaseMultiplier }),
    client.assets(),
    client.assetPairs(),
  ]);
  if (balances.status === 'rejected') throw balances.reason;
  const unpriced = (marketError: unknown, knownAssets: AssetTable): KeyedPortfolio => ({
    portfolio: toContractPortfolio(planValuation(balances.value, knownAssets, NO_PAIRS, request.quote).value(NO_PRICES)),
    marketError,
  });
  if (assets.status === 'rejected') return unpriced(assets.reason, NO_ASSETS);
  if (pairs.status === 'rejected') return unpriced(pairs.reason, assets.value);
  const plan = planValuation(balances.value, assets.value, pairs.value, request.quote);
  try {
    return { portfolio: toContractPortfolio(plan.value(await client.ticker(plan.pairs))), marketError: null };
  } catch (error) {
    return unpriced(error, assets.value);
  }
}

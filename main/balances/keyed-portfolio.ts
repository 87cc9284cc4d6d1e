import type { Portfolio } from '../../ipc/contract.ts';
import {
  balancesOf, createAssetDirectory, planValuation, withEarn, withFunds, type AssetDirectory, type AssetPairTable, type AssetTable,
  type EarnAllocationItem, type ExtendedBalances, type KrakenClient, type RebaseMultiplier, type TickerTable, type ValuationPlan,
} from '../kraken/index.ts';
import { log } from '../log.ts';
import { toContractPortfolio } from './to-contract.ts';

/** The protocol calls a keyed account's refresh makes; nothing here values. */
export type MarketClient = Pick<KrakenClient, 'balanceEx' | 'earnAllocations' | 'assets' | 'assetPairs' | 'ticker' | 'dayAgoPrices'>;

export interface PortfolioRequest {
  /** Display code (USD, EUR, GBP, USDT, BTC, …) or Kraken code. */
  readonly quote: string;
  readonly rebaseMultiplier: RebaseMultiplier;
}

/** Earn/Allocations as read, with the directory that writes its assets as the lines' display codes. */
export interface KeyedEarn {
  readonly items: readonly EarnAllocationItem[];
  readonly display: AssetDirectory['display'];
}

/** A keyed account's balances planned for valuation, with what else the refresh read about them. */
export interface KeyedPlan {
  readonly plan: ValuationPlan;
  /** AssetPairs as the plan read it: the live ticker maps its pairs to stream symbols (wsname). */
  readonly pairTable: AssetPairTable;
  /** BalanceEx as read: each line's available and held amounts (the one model for both, see valueKeyed). */
  readonly funds: ExtendedBalances;
  /** The Earn allocations behind the read-only lines; null when none were asked for or Earn failed. */
  readonly earn: KeyedEarn | null;
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
export function unpricedPlan(funds: ExtendedBalances, assets: AssetTable, request: PortfolioRequest, marketError: unknown): KeyedPlan {
  return { plan: planValuation(balancesOf(funds), assets, NO_PAIRS, request.quote), pairTable: NO_PAIRS, funds, earn: null, marketError };
}

/**
 * Extras a refresh reads besides the balances (Earn details, prices a day ago): when one fails, it is logged
 * and left out, and the balances still show. For `.catch`.
 */
export function extraUnavailable(what: string): (error: unknown) => null {
  return (error) => {
    log.warn('balances', `${what} unavailable: ${error instanceof Error ? error.message : 'unknown error'}`);
    return null;
  };
}

/** Earn/Allocations only for accounts with read-only lines for it to explain (one rate-counter point saved otherwise). */
async function earnBehind(client: MarketClient, funds: ExtendedBalances, assets: AssetTable): Promise<KeyedEarn | null> {
  const directory = createAssetDirectory(assets);
  if (!Object.keys(funds).some((code) => directory.resolve(code).extension !== null)) return null;
  const items = await client.earnAllocations().catch(extraUnavailable('Earn allocations'));
  return items === null ? null : { items, display: directory.display };
}

/**
 * A keyed account's balances with what open orders hold (the one signed BalanceEx call a refresh spends)
 * and Kraken's asset and pair lists (public, cached an hour by the client), planned for valuation in the
 * quote: which pairs price it; and the Earn allocations behind its read-only lines (signed, cached five
 * minutes by the client). Only the balances must arrive: when the public lists fail, the plan is unpriced
 * and says why, so an outage of Kraken's market data never hides what the user holds.
 */
export async function planKeyedValuation(client: MarketClient, request: PortfolioRequest): Promise<KeyedPlan> {
  const [funds, assets, pairs] = await Promise.allSettled([
    client.balanceEx({ rebaseMultiplier: request.rebaseMultiplier }),
    client.assets(),
    client.assetPairs(),
  ]);
  if (funds.status === 'rejected') throw funds.reason;
  if (assets.status === 'rejected') return unpricedPlan(funds.value, NO_ASSETS, request, assets.reason);
  if (pairs.status === 'rejected') return unpricedPlan(funds.value, assets.value, request, pairs.reason);
  const plan = planValuation(balancesOf(funds.value), assets.value, pairs.value, request.quote);
  const earn = await earnBehind(client, funds.value, assets.value);
  return { plan, pairTable: pairs.value, funds: funds.value, earn, marketError: null };
}

/**
 * The one valuation of a keyed account, whichever way its prices came (REST Ticker or the live price
 * board): the plan at these prices and prices a day ago (each row's and the total's 24 h change), each
 * line's available and held amounts from BalanceEx, and the Earn allocations behind its read-only lines.
 */
export function valueKeyed(keyed: KeyedPlan, tickers: TickerTable, dayAgo?: TickerTable): Portfolio {
  const valued = withFunds(keyed.plan.value(tickers, dayAgo), keyed.funds);
  return toContractPortfolio(keyed.earn === null ? valued : withEarn(valued, keyed.earn.items, keyed.earn.display));
}

/**
 * A keyed account's portfolio now, from REST alone (benches and tests; the app goes through
 * KeyedValuations, which shares its prices with the live ticker): the plan, then the last prices of just
 * the pairs that value those balances in the quote. A Ticker failure keeps the balances, unpriced.
 */
export async function fetchPortfolio(client: MarketClient, request: PortfolioRequest): Promise<KeyedPortfolio> {
  const keyed = await planKeyedValuation(client, request);
  if (keyed.marketError !== null) return { portfolio: valueKeyed(keyed, NO_PRICES), marketError: keyed.marketError };
  try {
    return { portfolio: valueKeyed(keyed, await client.ticker(keyed.plan.pairs)), marketError: null };
  } catch (error) {
    return { portfolio: valueKeyed(keyed, NO_PRICES), marketError: error };
  }
}

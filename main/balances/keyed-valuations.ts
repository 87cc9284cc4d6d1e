import { EventEmitter } from 'node:events';
import type { Portfolio } from '../../ipc/contract.ts';
import type { AssetPairTable } from '../kraken/index.ts';
import { extraUnavailable, planKeyedValuation, valueKeyed, type KeyedPlan, type MarketClient, type PortfolioRequest } from './keyed-portfolio.ts';
import { PriceBoard, type StreamedPrice } from './price-board.ts';

/** The pairs keyed accounts are valued with, for the live ticker to watch. */
export interface WantedPairs {
  /** Kraken's pair list the plans were made from (null before the first refresh). */
  readonly table: AssetPairTable | null;
  /** REST pair keys, sorted. */
  readonly keys: readonly string[];
}

/**
 * Keyed accounts' valuations between refreshes: each account's plan (its exact REST balances and the
 * pairs that value them) and one board of prices they share. A refresh makes a new plan and asks REST
 * only for prices the live ticker does not deliver; a pushed price re-values just the accounts it prices.
 */
export class KeyedValuations {
  readonly board: PriceBoard;
  private readonly plans = new Map<string, KeyedPlan>();
  private readonly events = new EventEmitter();
  private table: AssetPairTable | null = null;
  private wantedKey = '';

  constructor(now: () => number) {
    this.board = new PriceBoard(now);
  }

  /**
   * A refresh's network part: BalanceEx, the lists, Earn behind read-only lines, and REST prices (now and a
   * day ago) the stream does not cover. Only BalanceEx must answer: a failed list or Ticker call comes back
   * as the plan's marketError, and the account is then valued at streamed prices alone (unpriced without
   * them), never at REST prices the failure left behind.
   */
  async fetch(client: MarketClient, request: PortfolioRequest): Promise<KeyedPlan> {
    const keyed = await planKeyedValuation(client, request);
    if (keyed.marketError !== null) return keyed;
    try {
      this.board.fromRest(await client.ticker(this.board.needsRest(keyed.plan.pairs)));
    } catch (error) {
      return { ...keyed, marketError: error };
    }
    await this.fetchDayAgo(client, keyed.plan.pairs);
    return keyed;
  }

  /** Prices a day ago the live ticker has not delivered, from REST; a failure only leaves the 24 h change out. */
  private async fetchDayAgo(client: MarketClient, pairs: readonly string[]): Promise<void> {
    const missing = this.board.needsDayAgo(pairs);
    if (missing.length === 0) return;
    const prices = await client.dayAgoPrices(missing).catch(extraUnavailable('Prices a day ago'));
    if (prices !== null) this.board.fromRestDayAgo(prices);
  }

  /** Keeps the account's new plan (its refresh is the one shown) and values it. */
  keep(accountId: string, keyed: KeyedPlan): Portfolio {
    this.plans.set(accountId, keyed);
    this.table = keyed.pairTable;
    this.announceWanted();
    return this.value(keyed);
  }

  /** The account's portfolio at the prices on the board now, or null when it has no plan. */
  revalue(accountId: string): Portfolio | null {
    const keyed = this.plans.get(accountId);
    return keyed === undefined ? null : this.value(keyed);
  }

  /** Applies pushed prices; returns the accounts whose value they moved. */
  pricesPushed(prices: readonly StreamedPrice[]): string[] {
    const moved = new Set(this.board.fromStream(prices));
    if (moved.size === 0) return [];
    return [...this.plans].filter(([, keyed]) => keyed.plan.pairs.some((pair) => moved.has(pair))).map(([id]) => id);
  }

  forget(accountId: string): void {
    if (this.plans.delete(accountId)) this.announceWanted();
  }

  wanted(): WantedPairs {
    const keys = [...new Set([...this.plans.values()].flatMap((keyed) => keyed.plan.pairs))].sort();
    return { table: this.table, keys };
  }

  /** Called whenever the set of wanted pairs changes. */
  onWanted(listener: (wanted: WantedPairs) => void): () => void {
    this.events.on('wanted', listener);
    return () => this.events.off('wanted', listener);
  }

  private value(keyed: KeyedPlan): Portfolio {
    const all = keyed.plan.pairs;
    const pairs = keyed.marketError === null ? all : all.filter((pair) => this.board.isStreaming(pair));
    return valueKeyed(keyed, this.board.tickers(pairs), this.board.dayAgoTickers(pairs));
  }

  private announceWanted(): void {
    const wanted = this.wanted();
    const key = wanted.keys.join(',');
    if (key === this.wantedKey) return;
    this.wantedKey = key;
    this.events.emit('wanted', wanted);
  }
}

import type { ExtendedBalances } from './balance-parse.ts';
import { Decimal, decimalToString, type DecimalValue } from './decimal.ts';
import type { EarnAllocationItem, EarnPayout, EarnPhase } from './earn-parse.ts';
import type { Portfolio, PortfolioRow } from './portfolio.ts';

// What a refresh adds to a valued portfolio beyond Balance: per line, what is free and what open orders
// hold (BalanceEx), and the Earn allocations behind read-only lines (Earn/Allocations). Pure functions.

/** An Earn allocation as the app shows it: Kraken's item with the asset under its display code. */
export interface EarnAllocation {
  readonly strategyId: string;
  /** Display code of the asset earning, e.g. 'DOT'. */
  readonly asset: string;
  readonly allocated: string;
  readonly bonding: EarnPhase | null;
  readonly unbonding: EarnPhase | null;
  readonly rewarded: string;
  readonly payout: EarnPayout | null;
}

/** The allocations behind one read-only line. */
export interface RowEarn {
  readonly allocations: readonly EarnAllocation[];
  /**
   * Other read-only lines of the same asset these allocations may be behind instead: Kraken does not map a
   * strategy to a suffixed code, so a match is by asset, and certain only when this list is empty.
   */
  readonly sharedWith: readonly string[];
}

export interface EarnSummary {
  /** Everything allocated, valued in the portfolio's quote at its prices; assets without a price are left out. */
  readonly allocated: string;
  /** Rewards received so far, valued the same way. */
  readonly rewarded: string;
  /** Display codes of allocated assets with no price in the quote (not in the two sums). */
  readonly unpriced: readonly string[];
  /** Display codes of allocated assets with no read-only line to show them on. */
  readonly unmatched: readonly string[];
  readonly count: number;
}

/** Each line's available and held amounts from BalanceEx; lines BalanceEx does not list keep null. */
export function withFunds(portfolio: Portfolio, extended: ExtendedBalances): Portfolio {
  const rows = portfolio.rows.map((row): PortfolioRow => {
    const entry = extended[row.asset];
    return entry === undefined ? row : { ...row, available: entry.available, held: entry.holdTrade ?? '0' };
  });
  return { ...portfolio, rows };
}

/** The balances BalanceEx reports, as Balance would report them: the valuation's input. */
export function balancesOf(extended: ExtendedBalances): Readonly<Record<string, string>> {
  const balances = Object.create(null) as Record<string, string>;
  for (const code of Object.keys(extended)) {
    const entry = extended[code];
    if (entry !== undefined) balances[code] = entry.balance;
  }
  return Object.freeze(balances);
}

function byAsset(items: readonly EarnAllocationItem[], display: (code: string) => string): Map<string, EarnAllocation[]> {
  const grouped = new Map<string, EarnAllocation[]>();
  for (const { nativeAsset, ...rest } of items) {
    const asset = display(nativeAsset);
    const list = grouped.get(asset) ?? [];
    list.push({ ...rest, asset });
    grouped.set(asset, list);
  }
  return grouped;
}

/** One price per display code, from the lines already valued (every line of an asset has the same price). */
function unitPrices(rows: readonly PortfolioRow[]): Map<string, string> {
  const prices = new Map<string, string>();
  for (const row of rows) if (row.price !== null && !prices.has(row.base)) prices.set(row.base, row.price);
  return prices;
}

/**
 * The Earn allocations shown on the read-only lines of their asset, and summed for the header. `display`
 * maps Kraken's codes to display codes (the asset directory), as the lines' `base` is written.
 */
export function withEarn(portfolio: Portfolio, items: readonly EarnAllocationItem[], display: (code: string) => string): Portfolio {
  const grouped = byAsset(items, display);
  const prices = unitPrices(portfolio.rows);
  const candidates = new Map<string, string[]>();
  for (const row of portfolio.rows) {
    if (!row.readOnly || !grouped.has(row.base)) continue;
    candidates.set(row.base, [...(candidates.get(row.base) ?? []), row.asset]);
  }
  const rows = portfolio.rows.map((row): PortfolioRow => {
    const allocations = row.readOnly ? grouped.get(row.base) : undefined;
    if (allocations === undefined) return row;
    const sharedWith = (candidates.get(row.base) ?? []).filter((code) => code !== row.asset);
    return { ...row, earn: { allocations, sharedWith } };
  });
  let allocated: DecimalValue = new Decimal('0');
  let rewarded: DecimalValue = new Decimal('0');
  const unpriced: string[] = [];
  for (const [asset, allocations] of grouped) {
    const price = prices.get(asset);
    if (price === undefined) {
      unpriced.push(asset);
      continue;
    }
    for (const allocation of allocations) {
      allocated = allocated.plus(new Decimal(allocation.allocated).times(price));
      rewarded = rewarded.plus(new Decimal(allocation.rewarded).times(price));
    }
  }
  const unmatched = [...grouped.keys()].filter((asset) => !candidates.has(asset));
  const earn: EarnSummary = { allocated: decimalToString(allocated), rewarded: decimalToString(rewarded), unpriced, unmatched, count: items.length };
  return { ...portfolio, rows, earn };
}

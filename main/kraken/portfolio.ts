import { createAssetDirectory, type AssetDirectory, type AssetTable } from './assets.ts';
import type { AssetExtension } from '../../shared/asset-code.ts';
import { isZeroDecimal, trimTrailingZeros } from '../../shared/decimal-string.ts';
import type { Balances } from './balance-parse.ts';
import { Decimal, decimalToString, type DecimalValue } from './decimal.ts';
import type { AssetPairTable, TickerTable } from './market-data.ts';
import type { EarnSummary, RowEarn } from './earn-lines.ts';
import { applyPrice, createPriceBook, pricingPairs, ROUTING_HUBS, type PriceBook, type RoutedPrice } from './price-book.ts';

// Valuation is a pure function of Kraken's balances, asset and pair lists and prices: nothing here
// fetches or remembers anything between calls (main/balances/ fetches; the client caches the lists).

export interface PortfolioRow {
  /** Raw Kraken code, e.g. ETH2.S. */
  readonly asset: string;
  /** Display code of the underlying asset, e.g. ETH. */
  readonly base: string;
  readonly extension: AssetExtension | null;
  readonly unbondingDays: number | null;
  /** Extension balances cannot be traded or withdrawn directly. */
  readonly readOnly: boolean;
  /** Exactly as Kraken sent it. */
  readonly amount: string;
  /** Per unit, in the quote currency; null when unpriced. */
  readonly price: string | null;
  readonly value: string | null;
  /** Fraction of the total value (0.25 = 25 %), 12 decimals; null when unpriced or the total is 0. */
  readonly share: string | null;
  /**
   * Change of `price` over the last 24 h in percent, exact to 12 decimals (a small real move on a
   * stablecoin must not round to 0 before it reaches the screen); null when unknown.
   */
  readonly change24hPct: string | null;
  /** BalanceEx: what can be traded or withdrawn (balance + credit − credit_used − hold_trade); null when not asked. */
  readonly available: string | null;
  /** BalanceEx: held in open orders (hold_trade); null when not asked. */
  readonly held: string | null;
  /** The Earn allocations behind a read-only line (earn-lines.ts); null when none or not asked. */
  readonly earn: RowEarn | null;
}

/** The balances that have a price a day ago, valued now and at those prices: their 24 h change. */
export interface DayChange {
  readonly now: string;
  readonly before: string;
}

export interface Portfolio {
  /** Display code of the quote currency, e.g. USD. */
  readonly quote: string;
  /** Priced rows by value, largest first, then unpriced rows by code. */
  readonly rows: readonly PortfolioRow[];
  /** Sum of all priced values. */
  readonly total: string;
  /** Raw codes of assets with no price route; they are not in the total. */
  readonly unpriced: readonly string[];
  /** Null when no priced balance has a price a day ago. */
  readonly change24h: DayChange | null;
  /** Earn positions in total (earn-lines.ts); null when not asked. */
  readonly earn: EarnSummary | null;
}

const SHARE_DECIMALS = 12;
const CHANGE_DECIMALS = 12;

/** What one refresh asks for and then values (planValuation). */
export interface ValuationPlan {
  /** Pair keys worth asking /0/public/Ticker for: the ones that can price these balances in the quote. */
  readonly pairs: readonly string[];
  /**
   * The balances valued at these prices (pure). `dayAgo` holds each pair's price 24 h earlier where known
   * (Kraken's live ticker: last − change); rows priced through those pairs get their 24 h change.
   */
  value(tickers: TickerTable, dayAgo?: TickerTable): Portfolio;
}

/**
 * Step one of a valuation, before prices are fetched: which pairs price these balances in `quote` (a display
 * code such as USD, EUR, BTC, or a Kraken code such as ZUSD), from Kraken's asset and pair lists.
 */
export function planValuation(balances: Balances, assets: AssetTable, pairs: AssetPairTable, quote: string): ValuationPlan {
  const directory = createAssetDirectory(assets);
  const quoteDisplay = directory.display(quote);
  const wanted = new Set<string>([quoteDisplay, ...ROUTING_HUBS]);
  for (const code of Object.keys(balances)) wanted.add(directory.resolve(code).display);
  const edges = pricingPairs(directory, pairs, wanted);
  return {
    pairs: [...edges.keys()].sort(),
    value: (tickers, dayAgo) => value(balances, directory, {
      now: createPriceBook(edges, tickers),
      dayAgo: dayAgo === undefined ? null : createPriceBook(edges, dayAgo),
    }, quoteDisplay),
  };
}

/** Values every balance in `quote` at the given prices: planValuation and its value() in one call. */
export function valuePortfolio(
  balances: Balances,
  assets: AssetTable,
  pairs: AssetPairTable,
  tickers: TickerTable,
  quote: string,
): Portfolio {
  return planValuation(balances, assets, pairs, quote).value(tickers);
}

interface WorkingRow {
  readonly row: Omit<PortfolioRow, 'share'>;
  readonly value: DecimalValue | null;
}

/** Prices now, and 24 h ago where known. */
interface Books {
  readonly now: PriceBook;
  readonly dayAgo: PriceBook | null;
}

/** (now − then) / then in percent, from the two routed prices as fractions; null when then is unknown or 0. */
function changeSince(now: RoutedPrice, then: RoutedPrice | null): string | null {
  if (then === null) return null;
  const current = now.numerator.times(then.denominator);
  const before = now.denominator.times(then.numerator);
  if (before.eq('0')) return null;
  const percent = trimTrailingZeros(current.minus(before).times('100').div(before).toFixed(CHANGE_DECIMALS));
  return isZeroDecimal(percent) ? '0' : percent;
}

function value(balances: Balances, directory: AssetDirectory, books: Books, quote: string): Portfolio {
  let total = new Decimal('0');
  let coveredNow = new Decimal('0');
  let coveredBefore = new Decimal('0');
  let covered = false;
  const working: WorkingRow[] = Object.keys(balances).map((code) => {
    const amount = balances[code] ?? '0';
    const resolved = directory.resolve(code);
    const price = books.now.price(resolved.display, quote);
    const valued = price === null ? null : applyPrice(new Decimal(amount), price);
    if (valued !== null) total = total.plus(valued);
    const then = valued === null || books.dayAgo === null ? null : books.dayAgo.price(resolved.display, quote);
    if (valued !== null && then !== null) {
      covered = true;
      coveredNow = coveredNow.plus(valued);
      coveredBefore = coveredBefore.plus(applyPrice(new Decimal(amount), then));
    }
    return {
      value: valued,
      row: {
        asset: code,
        base: resolved.display,
        extension: resolved.extension,
        unbondingDays: resolved.unbondingDays,
        readOnly: resolved.extension !== null,
        amount,
        price: price === null ? null : price.text,
        value: valued === null ? null : decimalToString(valued),
        change24hPct: price === null ? null : changeSince(price, then),
        available: null,
        held: null,
        earn: null,
      },
    };
  });
  working.sort(compareRows);
  // One division, then a multiplication per row: the reciprocal carries Decimal.DP (30) places, far
  // beyond the 12 kept, and division is ~10x the cost of multiplication in big.js.
  const reciprocal = total.eq('0') ? null : new Decimal('1').div(total);
  const rows = working.map(({ row, value: valued }): PortfolioRow => ({
    ...row,
    share: valued === null || reciprocal === null ? null : decimalToString(valued.times(reciprocal).round(SHARE_DECIMALS)),
  }));
  const unpriced = working.filter((w) => w.value === null).map((w) => w.row.asset);
  const change24h = covered ? { now: decimalToString(coveredNow), before: decimalToString(coveredBefore) } : null;
  return { quote, rows, total: decimalToString(total), unpriced, change24h, earn: null };
}

function compareRows(a: WorkingRow, b: WorkingRow): number {
  if (a.value !== null && b.value !== null) {
    const byValue = b.value.cmp(a.value);
    if (byValue !== 0) return byValue;
  } else if (a.value !== null) {
    return -1;
  } else if (b.value !== null) {
    return 1;
  }
  return a.row.asset < b.row.asset ? -1 : a.row.asset > b.row.asset ? 1 : 0;
}

import { createAssetDirectory, type AssetDirectory, type AssetTable } from './assets.ts';
import type { AssetExtension } from '../../shared/asset-code.ts';
import type { Balances } from './balance-parse.ts';
import { Decimal, decimalToString, type DecimalValue } from './decimal.ts';
import type { AssetPairTable, TickerTable } from './market-data.ts';
import { applyPrice, createPriceBook, type PriceBook, type RoutedPrice } from './price-book.ts';

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
}

const SHARE_DECIMALS = 12;

/** An amount valued at one price, with the share it had in the last total it was part of. */
interface Valued {
  readonly value: DecimalValue;
  readonly text: string;
  shareOf: string | null;
  share: string;
}

// Refreshes mostly re-value unchanged balances at the same (cached) prices, and big.js work is most
// of a valuation's cost, so each (price, amount) is valued once; its share is recomputed only when
// the total changed. Price objects are memoised per ticker table, so this lives as long as it does.
const valuedByPrice = new WeakMap<RoutedPrice, Map<string, Valued>>();
const MAX_AMOUNTS_PER_PRICE = 64;

function valueAt(amount: string, price: RoutedPrice): Valued {
  let byAmount = valuedByPrice.get(price);
  if (byAmount === undefined) {
    byAmount = new Map();
    valuedByPrice.set(price, byAmount);
  }
  let valued = byAmount.get(amount);
  if (valued === undefined) {
    const value = applyPrice(new Decimal(amount), price);
    valued = { value, text: decimalToString(value), shareOf: null, share: '' };
    if (byAmount.size >= MAX_AMOUNTS_PER_PRICE) byAmount.clear();
    byAmount.set(amount, valued);
  }
  return valued;
}

interface WorkingRow {
  readonly row: Omit<PortfolioRow, 'share'>;
  readonly valued: Valued | null;
}

type Valuation = Omit<Portfolio, 'quote'>;

// The same balances at the same prices value the same: the last few valuations per price book are
// kept (frozen, since every caller gets them).
const valuationsByBook = new WeakMap<PriceBook, Map<string, Valuation>>();
const MAX_VALUATIONS_PER_BOOK = 16;

/** Values every balance in `quote` (a display code such as USD, EUR, BTC, or a Kraken code such as ZUSD). */
export function valuePortfolio(
  balances: Balances,
  assets: AssetTable,
  pairs: AssetPairTable,
  tickers: TickerTable,
  quote: string,
): Portfolio {
  const directory = createAssetDirectory(assets);
  const quoteDisplay = directory.display(quote);
  const book = createPriceBook(directory, pairs, tickers);
  let valuations = valuationsByBook.get(book);
  if (valuations === undefined) {
    valuations = new Map();
    valuationsByBook.set(book, valuations);
  }
  let key = quoteDisplay;
  for (const code of Object.keys(balances)) key += '\u0000' + code + '\u0000' + (balances[code] ?? '');
  let valuation = valuations.get(key);
  if (valuation === undefined) {
    valuation = value(balances, directory, book, quoteDisplay);
    if (valuations.size >= MAX_VALUATIONS_PER_BOOK) valuations.clear();
    valuations.set(key, valuation);
  }
  return { quote: quoteDisplay, rows: valuation.rows, total: valuation.total, unpriced: valuation.unpriced };
}

function value(balances: Balances, directory: AssetDirectory, book: PriceBook, quoteDisplay: string): Valuation {
  let total = new Decimal('0');
  const working: WorkingRow[] = Object.keys(balances).map((code) => {
    const amount = balances[code] ?? '0';
    const resolved = directory.resolve(code);
    const price = book.price(resolved.display, quoteDisplay);
    const valued = price === null ? null : valueAt(amount, price);
    if (valued !== null) total = total.plus(valued.value);
    return {
      valued,
      row: {
        asset: code,
        base: resolved.display,
        extension: resolved.extension,
        unbondingDays: resolved.unbondingDays,
        readOnly: resolved.extension !== null,
        amount,
        price: price === null ? null : price.text,
        value: valued === null ? null : valued.text,
      },
    };
  });

  working.sort(compareRows);
  const totalText = decimalToString(total);
  // One division, then a multiplication per row: the reciprocal carries Decimal.DP (30) places, far
  // beyond the 12 kept, and division is ~10x the cost of multiplication in big.js.
  let reciprocal: DecimalValue | null = null;
  const shareOf = (valued: Valued): string => {
    if (valued.shareOf !== totalText) {
      reciprocal ??= new Decimal('1').div(total);
      valued.share = decimalToString(valued.value.times(reciprocal).round(SHARE_DECIMALS));
      valued.shareOf = totalText;
    }
    return valued.share;
  };
  const totalIsZero = total.eq('0');
  const rows = working.map(({ row, valued }): PortfolioRow => Object.freeze({
    asset: row.asset,
    base: row.base,
    extension: row.extension,
    unbondingDays: row.unbondingDays,
    readOnly: row.readOnly,
    amount: row.amount,
    price: row.price,
    value: row.value,
    share: valued === null || totalIsZero ? null : shareOf(valued),
  }));
  const unpriced = working.filter((w) => w.valued === null).map((w) => w.row.asset);
  return { rows: Object.freeze(rows), total: totalText, unpriced: Object.freeze(unpriced) };
}

function compareRows(a: WorkingRow, b: WorkingRow): number {
  if (a.valued !== null && b.valued !== null) {
    const byValue = b.valued.value.cmp(a.valued.value);
    if (byValue !== 0) return byValue;
  } else if (a.valued !== null) {
    return -1;
  } else if (b.valued !== null) {
    return 1;
  }
  return a.row.asset < b.row.asset ? -1 : a.row.asset > b.row.asset ? 1 : 0;
}

import type { AccountBalances } from '../../../ipc/contract.ts';
import { Decimal } from '../../../shared/decimal.ts';
import { isZeroDecimal } from '../../../shared/decimal-string.ts';
import { decimalText } from '../../../shared/decimal-text.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';

/** What becomes of "Hide balances under" when the quote currency changes. */
export type ThresholdChange =
  | { readonly kind: 'unchanged' }
  /** Converted at the price the app holds for the new quote in the old one; rounded to 2 significant digits. */
  | { readonly kind: 'converted'; readonly value: string; readonly was: string; readonly from: string; readonly to: string }
  /** No price to convert with: back to 0 (hide nothing), so the table never empties by surprise. */
  | { readonly kind: 'reset'; readonly was: string; readonly from: string; readonly to: string };

/** The settings file keeps at most 18 decimal places (main/settings/settings-schema.ts). */
const MAX_PLACES = 18;

/** The price of `asset` in `quote` from any account's balances valued in that quote, or null. */
function priceIn(balances: readonly AccountBalances[], asset: string, quote: string): string | null {
  for (const entry of balances) {
    if (entry.portfolio?.quote !== quote) continue;
    const row = entry.portfolio.rows.find((candidate) => candidate.base === asset && candidate.extension === null && candidate.price !== null);
    if (row?.price != null && !isZeroDecimal(row.price)) return row.price;
  }
  return null;
}

/**
 * The threshold in the new quote: 10 USD must not become 10 BTC. It is converted with the price of the
 * new quote currency that the balances on screen already carry (a BTC balance priced in USD values
 * 1 BTC), else reset to 0.
 */
export function thresholdForQuote(threshold: string, from: string, to: string, balances: readonly AccountBalances[]): ThresholdChange {
  if (from === to || isZeroDecimal(threshold)) return { kind: 'unchanged' };
  const price = priceIn(balances, to, from);
  if (price === null) return { kind: 'reset', was: threshold, from, to };
  const converted = new Decimal(threshold).div(price).prec(2);
  const value = converted.round(MAX_PLACES).toFixed();
  if (isZeroDecimal(value)) return { kind: 'reset', was: threshold, from, to };
  return { kind: 'converted', value, was: threshold, from, to };
}

/** The sentence that tells the user what happened to the threshold, numbers in the locale's symbols. */
export function thresholdChangeText(change: ThresholdChange, locale: NumberLocale): string {
  if (change.kind === 'unchanged') return '';
  const was = `${decimalText(change.was, locale)} ${change.from}`;
  if (change.kind === 'reset') return `“Hide balances under” was ${was}; with no ${change.to} price to convert it, it now hides nothing.`;
  return `“Hide balances under” was ${was}; at the current price that is about ${decimalText(change.value, locale)} ${change.to}.`;
}

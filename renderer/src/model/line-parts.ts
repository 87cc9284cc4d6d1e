import { amountText, priceText, signedPercentText } from '../../../shared/money.ts';
import { compareDecimals, isZeroDecimal } from '../../../shared/decimal-string.ts';
import type { LineContext } from './row-view.ts';

// Texts of the price and funds columns of a balances line: the unit price with its 24 h change, and what
// is available against what open orders hold (BalanceEx).

export type ChangeTone = 'up' | 'down' | 'flat' | 'none';

export interface PriceParts {
  readonly priceText: string;
  /** The exact unit price for hover; '' when unpriced. */
  readonly priceExact: string;
  /** "+2.37%", "−<0.01%"; '' when the change is unknown. */
  readonly changeText: string;
  readonly changeTone: ChangeTone;
  readonly priceSpoken: string;
}

export function priceParts(price: string | null, change: string | null, context: LineContext): PriceParts {
  if (price === null) return { priceText: '—', priceExact: '', changeText: '', changeTone: 'none', priceSpoken: 'no price' };
  const text = priceText(price, context.quote, context.locale);
  const changeText = change === null ? '' : signedPercentText(change, context.locale);
  const direction = change === null ? 0 : compareDecimals(change, '0');
  const changeTone: ChangeTone = change === null ? 'none' : direction > 0 ? 'up' : direction < 0 ? 'down' : 'flat';
  return {
    priceText: text,
    priceExact: `${price} ${context.quote.quote}`,
    changeText,
    changeTone,
    priceSpoken: `price ${text}${changeText === '' ? '' : `, ${changeText} in 24 hours`}`,
  };
}

export interface FundsParts {
  /** Shown under the amount when open orders hold part of it ("12.5 in orders"); '' otherwise or when masked. */
  readonly fundsText: string;
  /** The amount's tooltip: the exact amount, and what is available and held when known. */
  readonly amountTitle: string;
  readonly fundsSpoken: string;
}

export function fundsParts(amount: string, available: string | null, held: string | null, unit: string, context: LineContext): FundsParts {
  if (context.privacy) return { fundsText: '', amountTitle: '', fundsSpoken: '' };
  const exact = `${amount} ${unit}`;
  if (available === null || held === null) return { fundsText: '', amountTitle: exact, fundsSpoken: '' };
  const availableText = amountText(available, context.locale);
  const heldText = amountText(held, context.locale);
  const holds = !isZeroDecimal(held);
  // With a credit line available can differ from amount − held even when nothing is held.
  const differs = holds || compareDecimals(available, amount) !== 0;
  return {
    fundsText: holds ? `${heldText} in orders` : '',
    amountTitle: `${exact}\nAvailable: ${availableText} ${unit}\nHeld in open orders: ${heldText} ${unit}`,
    fundsSpoken: differs ? `${availableText} available, ${heldText} held in open orders` : '',
  };
}

/** The price and funds texts a table line shows (its spoken parts go into the line's label). */
export function shownParts(price: PriceParts, funds: FundsParts) {
  const { priceText, priceExact, changeText, changeTone } = price;
  return { fundsText: funds.fundsText, amountTitle: funds.amountTitle, priceText, priceExact, changeText, changeTone };
}

// Money, amounts and percentages as the user's locale writes them, for window, tray and notifications
// alike. Every number is an exact decimal string rounded here (halves to even) and laid out digit by
// digit (shared/decimal-text.ts); Intl only supplies the locale's symbols and currency patterns.
import { changePercent } from './decimal.ts';
import { compareDecimals, isNegativeDecimal, isZeroDecimal, parseDecimal, roundDecimal, shiftDecimal, trimTrailingZeros } from './decimal-string.ts';
import { decimalText } from './decimal-text.ts';
import { affixes, type NumberLocale } from './number-locale.ts';

/** ISO currencies Intl knows; the others (stablecoins, BTC, ETH) are written as "amount CODE". */
const FIAT = new Set(['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD']);
const CRYPTO_DECIMALS: Readonly<Record<string, number>> = { USDT: 2, USDC: 2, BTC: 8, ETH: 6 };

/** Shown instead of any amount in privacy mode: always the same width, so it leaks no digit count. */
export const MASK = '•••••';

export interface QuoteFormat {
  readonly quote: string;
  readonly decimals: number;
  readonly prefix: string;
  readonly suffix: string;
  /** What a screen reader says after the number: "US dollars", "euros", "BTC". */
  readonly spokenName: string;
}

export function quoteFormat(quote: string, locale: NumberLocale): QuoteFormat {
  if (!FIAT.has(quote)) {
    return { quote, decimals: CRYPTO_DECIMALS[quote] ?? 8, prefix: '', suffix: `\u00a0${quote}`, spokenName: quote };
  }
  const symbol = new Intl.NumberFormat(locale.locale, { style: 'currency', currency: quote });
  const { prefix, suffix } = affixes(symbol.formatToParts(1));
  const named = new Intl.NumberFormat(locale.locale, { style: 'currency', currency: quote, currencyDisplay: 'name' });
  const spokenName = named.formatToParts(2).find((part) => part.type === 'currency')?.value ?? quote;
  return { quote, decimals: symbol.resolvedOptions().maximumFractionDigits ?? 2, prefix, suffix, spokenName };
}

export interface MoneyOptions {
  /** "+$5.00" for changes. */
  signed?: boolean;
  /** Decimals instead of the currency's own (prices of cheap assets need more). */
  decimals?: number;
}

/** A value in the quote currency, rounded (halves to even) to the currency's decimals: "$612,345.12", "1.234,56 €". */
export function moneyText(value: string, format: QuoteFormat, locale: NumberLocale, options: MoneyOptions = {}): string {
  const text = decimalText(roundDecimal(value, options.decimals ?? format.decimals), locale, options);
  const sign = text.startsWith(locale.minus) ? locale.minus : text.startsWith(locale.plus) && options.signed ? locale.plus : '';
  return sign + format.prefix + text.slice(sign.length) + format.suffix;
}

/** The sign a change starts with, for the "<" forms below. */
function changeSign(value: string, locale: NumberLocale): string {
  return isNegativeDecimal(value) ? locale.minus : locale.plus;
}

/** Not zero, yet zero once rounded to `places`: written "<" the smallest step, so a real move never reads as none. */
function hiddenByRounding(value: string, places: number): boolean {
  return !isZeroDecimal(value) && isZeroDecimal(roundDecimal(value, places));
}

/**
 * A change of value, signed ("+$1,234.50", "−0,25 €"). A non-zero change smaller than the currency's
 * smallest unit reads "+<$0.01", never "$0.00", so a real move is never shown as none.
 */
export function moneyChangeText(value: string, format: QuoteFormat, locale: NumberLocale): string {
  if (!hiddenByRounding(value, format.decimals)) return moneyText(value, format, locale, { signed: true });
  const smallest = format.decimals === 0 ? '1' : `0.${'1'.padStart(format.decimals, '0')}`;
  return `${changeSign(value, locale)}<${format.prefix}${decimalText(smallest, locale)}${format.suffix}`;
}

/** Significant digits a price below 1 keeps ("$0.00002345"), so cheap assets do not all read "$0.00". */
const PRICE_SIGNIFICANT = 4;
const PRICE_MAX_DECIMALS = 12;

/** A unit price in the quote: the currency's decimals, or four significant digits when it is below 1. */
export function priceText(price: string, format: QuoteFormat, locale: NumberLocale): string {
  const { integer, fraction } = parseDecimal(price);
  let decimals = format.decimals;
  if (integer === '' && fraction !== '') {
    const leadingZeros = fraction.length - fraction.replace(/^0+/, '').length;
    decimals = Math.max(decimals, Math.min(leadingZeros + PRICE_SIGNIFICANT, PRICE_MAX_DECIMALS));
  }
  return moneyText(price, format, locale, { decimals });
}

/** "612,345.12 US dollars": how the value reads aloud. */
export function moneySpoken(value: string, format: QuoteFormat, locale: NumberLocale): string {
  return `${decimalText(roundDecimal(value, format.decimals), locale)} ${format.spokenName}`;
}

/** An asset amount exactly as Kraken sent it, without trailing zeros, in the locale's symbols: "1,011.19088779". */
export function amountText(amount: string, locale: NumberLocale): string {
  return decimalText(trimTrailingZeros(amount), locale);
}

const PERCENT_DECIMALS = 2;

function percentText(percent: string, locale: NumberLocale, signed: boolean): string {
  return locale.percentPrefix + decimalText(roundDecimal(percent, PERCENT_DECIMALS), locale, { signed }) + locale.percentSuffix;
}

/** "<0.01%", after `sign`: a percentage too small for two decimals. */
function belowSmallestPercent(locale: NumberLocale, sign = ''): string {
  return `${locale.percentPrefix}${sign}<${decimalText('0.01', locale)}${locale.percentSuffix}`;
}

/** A fraction of the total (0.2534) as a percentage, "25.34%"; tiny non-zero shares read "<0.01%". */
export function shareText(share: string, locale: NumberLocale): string {
  const percent = shiftDecimal(share, 2);
  if (compareDecimals(percent, '0') > 0 && hiddenByRounding(percent, PERCENT_DECIMALS)) return belowSmallestPercent(locale);
  return percentText(percent, locale, false);
}

/**
 * A change in percent, signed: "+2.37%", "−0,44 %". A non-zero change too small for two decimals reads
 * "+<0.01%", never "0.00%"; only no change at all reads "0.00%".
 */
export function signedPercentText(percent: string, locale: NumberLocale): string {
  if (hiddenByRounding(percent, PERCENT_DECIMALS)) return belowSmallestPercent(locale, changeSign(percent, locale));
  return percentText(percent, locale, true);
}

/** The relative change as a signed percentage, "+10.00%", "−1,50 %" (never "0.00%" when it moved); null if previous is 0. */
export function changePercentText(current: string, previous: string, locale: NumberLocale): string | null {
  const percent = changePercent(current, previous);
  return percent === null ? null : signedPercentText(percent, locale);
}

/** A percentage without its sign ("12.34%", "12,34 %"), for texts whose words say the direction. */
export function unsignedPercentText(percent: string, locale: NumberLocale): string {
  return percentText(percent.startsWith('-') ? percent.slice(1) : percent, locale, false);
}

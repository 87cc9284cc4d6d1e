// Money, amounts and percentages as the user's locale writes them, for window, tray and notifications
// alike. Every number is an exact decimal string rounded here (halves to even) and laid out digit by
// digit (shared/decimal-text.ts); Intl only supplies the locale's symbols and currency patterns.
import { changePercent } from './decimal.ts';
import { compareDecimals, isZeroDecimal, roundDecimal, shiftDecimal, trimTrailingZeros } from './decimal-string.ts';
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
}

/** A value in the quote currency, rounded (halves to even) to the currency's decimals: "$612,345.12", "1.234,56 €". */
export function moneyText(value: string, format: QuoteFormat, locale: NumberLocale, options: MoneyOptions = {}): string {
  const text = decimalText(roundDecimal(value, format.decimals), locale, options);
  const sign = text.startsWith(locale.minus) ? locale.minus : text.startsWith(locale.plus) && options.signed ? locale.plus : '';
  return sign + format.prefix + text.slice(sign.length) + format.suffix;
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

/** A fraction of the total (0.2534) as a percentage, "25.34%"; tiny non-zero shares read "<0.01%". */
export function shareText(share: string, locale: NumberLocale): string {
  const percent = shiftDecimal(share, 2);
  if (compareDecimals(percent, '0') > 0 && isZeroDecimal(roundDecimal(percent, PERCENT_DECIMALS))) {
    return `${locale.percentPrefix}<${decimalText('0.01', locale)}${locale.percentSuffix}`;
  }
  return percentText(percent, locale, false);
}

/** The relative change as a signed percentage, "+10.00%", "−1,50 %"; null if previous is 0. */
export function changePercentText(current: string, previous: string, locale: NumberLocale): string | null {
  const percent = changePercent(current, previous);
  return percent === null ? null : percentText(percent, locale, true);
}

/** A percentage without its sign ("12.34%", "12,34 %"), for texts whose words say the direction. */
export function unsignedPercentText(percent: string, locale: NumberLocale): string {
  return percentText(percent.startsWith('-') ? percent.slice(1) : percent, locale, false);
}

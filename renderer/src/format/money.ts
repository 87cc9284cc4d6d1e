import { dec, roundDecimal } from '../model/decimal.ts';
import { compareDecimalStrings, isZeroDecimal, shiftDecimal } from '../model/decimal-string.ts';
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

const SHARE_DECIMALS = 2;

/** A fraction of the total (0.2534) as a percentage, "25.34%"; tiny non-zero shares read "<0.01%". */
export function shareText(share: string, locale: NumberLocale): string {
  const percent = shiftDecimal(share, 2);
  const rounded = roundDecimal(percent, SHARE_DECIMALS);
  const shown = compareDecimalStrings(percent, '0') > 0 && isZeroDecimal(rounded) ? `<${decimalText('0.01', locale)}` : decimalText(rounded, locale);
  return locale.percentPrefix + shown + locale.percentSuffix;
}

/** The relative change from `previous` to `current` as a signed percentage, or null if previous is 0. */
export function changePercentText(current: string, previous: string, locale: NumberLocale): string | null {
  const base = dec(previous);
  if (base.eq('0')) return null;
  const percent = roundDecimal(dec(current).minus(base).div(base).times('100').toFixed(), SHARE_DECIMALS);
  return locale.percentPrefix + decimalText(percent, locale, { signed: true }) + locale.percentSuffix;
}

import type { NumberLocale } from './number-locale.ts';

/** Groups a string of integer digits the locale's way: "1234567" → "1,234,567" (en), "12,34,567" (en-IN). */
export function groupDigits(digits: string, locale: NumberLocale): string {
  if (digits.length < locale.primaryGroup + locale.minGroupingDigits) return digits;
  const groups = [digits.slice(-locale.primaryGroup)];
  let rest = digits.slice(0, -locale.primaryGroup);
  while (rest.length > locale.secondaryGroup) {
    groups.unshift(rest.slice(-locale.secondaryGroup));
    rest = rest.slice(0, -locale.secondaryGroup);
  }
  if (rest) groups.unshift(rest);
  return groups.join(locale.group);
}

export interface DecimalTextOptions {
  /** Always show the sign, "+" included (for changes). */
  signed?: boolean;
}

/**
 * Lays out a plain decimal string ("-1234.5600") in the locale's symbols without ever turning it into a
 * JS number: the digits shown are exactly the digits given.
 */
export function decimalText(value: string, locale: NumberLocale, options: DecimalTextOptions = {}): string {
  const negative = value.startsWith('-');
  const unsigned = negative || value.startsWith('+') ? value.slice(1) : value;
  const [integer = '0', fraction] = unsigned.split('.');
  const isZero = /^0*$/.test(integer) && (fraction === undefined || /^0*$/.test(fraction));
  const body = groupDigits(integer, locale) + (fraction ? locale.decimal + fraction : '');
  if (negative && !isZero) return locale.minus + body;
  if (options.signed && !isZero) return locale.plus + body;
  return body;
}

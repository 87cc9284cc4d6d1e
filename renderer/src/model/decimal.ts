import Big from 'big.js';
import { compareDecimalStrings, roundDecimalString, sumPlainDecimals } from './decimal-string.ts';

// The renderer's own Big constructor: strict mode makes it throw on JS numbers, so a float can never
// reach an amount, a value or a sum shown to the user.
export const Dec = Big();
Dec.DP = 30;
Dec.RM = Dec.roundHalfEven;
Dec.strict = true;

export type DecValue = InstanceType<typeof Dec>;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** A plain decimal string as Kraken and main send them ("198.3970800000", "-12.5"). */
export function isPlainDecimal(value: string): boolean {
  return PLAIN_DECIMAL.test(value);
}

export function dec(value: string): DecValue {
  return new Dec(value);
}

/**
 * Exact sum of decimal strings, as a plain decimal string. Plain decimals (all that main sends) are added
 * without big.js, which allocates several objects per addition; anything else goes through big.js, which
 * also rejects what is not a number.
 */
export function sumDecimals(values: readonly string[]): string {
  const plain = sumPlainDecimals(values);
  if (plain !== null) return plain;
  let total = new Dec('0');
  for (const value of values) total = total.plus(value);
  return total.toFixed();
}

/** "198.3970800000" → "198.39708", "500000.00000000" → "500000"; the digits themselves are untouched. */
export function trimTrailingZeros(value: string): string {
  if (!value.includes('.')) return value;
  const trimmed = value.replace(/0+$/, '');
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** Rounded (halves to even, as the tray does) to `places` decimals for display, e.g. a value in USD to cents. */
export function roundDecimal(value: string, places: number): string {
  return roundDecimalString(value, places);
}

export function compareDecimals(a: string, b: string): number {
  return compareDecimalStrings(a, b);
}

import Big from 'big.js';
import { sumPlainDecimals } from './decimal-string.ts';

/**
 * The app's one exact decimal type, for main, tray, notifications and window alike: a private big.js
 * constructor, so these settings never leak into other users of big.js. Strict: it throws on JS numbers,
 * so a float can never reach an amount, a value or a sum shown to the user. Divisions keep 30 places
 * (far beyond the 12 a share keeps); rounding is half to even everywhere, so every surface shows the
 * same cents.
 */
export const Decimal = Big();
Decimal.DP = 30;
Decimal.RM = Decimal.roundHalfEven;
Decimal.strict = true;

export type DecimalValue = InstanceType<typeof Decimal>;

/**
 * Exact sum of decimal strings, as a plain decimal string. Plain decimals (all that main sends) are added
 * as BigInts, without big.js, which allocates several objects per addition; anything else goes through
 * big.js, which also rejects what is not a number.
 */
export function sumDecimals(values: readonly string[]): string {
  const plain = sumPlainDecimals(values);
  if (plain !== null) return plain;
  let total = new Decimal('0');
  for (const value of values) total = total.plus(value);
  return total.toFixed();
}

/** The sum, or null as soon as one value is unknown: a partial sum never poses as the whole. */
export function sumIfAllKnown(values: readonly (string | null)[]): string | null {
  const known: string[] = [];
  for (const value of values) {
    if (value === null) return null;
    known.push(value);
  }
  return sumDecimals(known);
}

/** The sum of the values that are known; null when none is (unknown, not 0). */
export function sumKnownDecimals(values: readonly (string | null)[]): string | null {
  const known = values.filter((value): value is string => value !== null);
  return known.length === 0 ? null : sumDecimals(known);
}

/** The relative change from `previous` to `current`, in percent (a decimal string), or null if previous is 0. */
export function changePercent(current: string, previous: string): string | null {
  const base = new Decimal(previous);
  if (base.eq('0')) return null;
  return new Decimal(current).minus(base).div(base.abs()).times('100').toFixed();
}

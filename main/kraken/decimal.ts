import { Decimal, type DecimalValue } from '../../shared/decimal.ts';

// The app's one exact decimal type (shared/decimal.ts), and what the protocol layer adds to it: how far
// it trusts a decimal string in a Kraken response.
export { Decimal, type DecimalValue };

// Plain decimal notation only: no exponent, no '+', no whitespace, no leading zeros; bounded length
// so a hostile response cannot make us allocate absurd numbers.
const DECIMAL_RE = /^-?(?:0|[1-9]\d{0,39})(?:\.\d{1,40})?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_RE.test(value);
}

export function toDecimal(value: string): DecimalValue {
  return new Decimal(value);
}

/** Decimal string without exponent notation (Big's toString switches to 1e+21 style). */
export function decimalToString(value: DecimalValue): string {
  return value.toFixed();
}

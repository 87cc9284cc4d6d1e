import Big from 'big.js';

// A private Big constructor so our settings never leak into other users of big.js in the app.
// strict mode makes Big throw on JS numbers, so a float can never sneak into money arithmetic.
export const Decimal = Big();
Decimal.DP = 30;
Decimal.RM = Decimal.roundHalfEven;
Decimal.strict = true;

export type DecimalValue = InstanceType<typeof Decimal>;

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

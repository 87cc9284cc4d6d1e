// Exact operations on plain decimal strings ("-123.4500") that need no arithmetic object: comparing,
// shifting the point, rounding, trimming. The window runs them per row on every update, where parsing
// thousands of big.js values (and dividing them) cost more than a frame; main and the tray use the same
// ones, so every surface rounds and compares alike. Arithmetic proper is shared/decimal.ts.

export interface DecimalParts {
  negative: boolean;
  /** Without leading zeros; '' for zero. */
  integer: string;
  /** Without trailing zeros. */
  fraction: string;
}

/** A decimal split once, for comparing many times (sorting). */
export function parseDecimal(value: string): DecimalParts {
  const negative = value.startsWith('-');
  const unsigned = negative || value.startsWith('+') ? value.slice(1) : value;
  const dot = unsigned.indexOf('.');
  const integer = (dot === -1 ? unsigned : unsigned.slice(0, dot)).replace(/^0+/, '');
  const fraction = dot === -1 ? '' : unsigned.slice(dot + 1).replace(/0+$/, '');
  return { negative: negative && (integer !== '' || fraction !== ''), integer, fraction };
}

function compareMagnitude(a: DecimalParts, b: DecimalParts): number {
  if (a.integer.length !== b.integer.length) return a.integer.length < b.integer.length ? -1 : 1;
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1;
  if (a.fraction === b.fraction) return 0;
  const width = Math.max(a.fraction.length, b.fraction.length);
  return a.fraction.padEnd(width, '0') < b.fraction.padEnd(width, '0') ? -1 : 1;
}

/**
 * A decimal prepared for many exact comparisons (sorting, picking the largest): a double near it, and
 * its parts, split only if a comparison needs them.
 *
 * A key of one decimal (decimalKey) holds its nearest double. Rounding to the nearest double never reverses
 * an order (a < b gives double(a) <= double(b)), so when the doubles differ they already give the exact
 * order; only equal doubles (values closer than a double can tell apart, or equal values) are compared
 * digit by digit. A key of a sum (sumKey) holds the doubles' sum and a bound on how far that is from the
 * exact sum: keys whose ranges do not overlap are ordered by their doubles, and only near-ties add the
 * decimals up exactly. No double is ever shown, nor summed into a number that is.
 */
export interface DecimalKey {
  /** The exact decimal; for a sum, added up on first read. */
  readonly value: string;
  readonly approx: number;
  /** 0: approx is value's nearest double. Otherwise |approx − value| is at most this. */
  readonly error: number;
  /** Split on first need. */
  parts: DecimalParts | null;
}

export function decimalKey(value: string): DecimalKey {
  return { value, approx: Number(value), error: 0, parts: null };
}

// 2^-53: the largest relative error of rounding to the nearest double.
const UNIT_ROUNDOFF = 2 ** -53;

/**
 * The key of the sum of plain decimal strings, calling `exact()` only if a comparison needs the digits;
 * null if any value is null (the sum is unknown). Each value's double is within UNIT_ROUNDOFF of it,
 * relatively, and each of the n − 1 additions adds at most that of its running sum, so the doubles' sum
 * is within n·UNIT_ROUNDOFF·Σ|values| (to first order) of the exact sum; the bound kept is four times that.
 */
export function sumKey(values: readonly (string | null)[], exact: () => string): DecimalKey | null {
  let approx = 0;
  let magnitude = 0;
  for (const value of values) {
    if (value === null) return null;
    const double = Number(value);
    approx += double;
    magnitude += Math.abs(double);
  }
  const error = 4 * values.length * UNIT_ROUNDOFF * magnitude + Number.MIN_VALUE;
  // Not a number (a value that is not a plain decimal) or beyond a double's range: the digits decide.
  if (!Number.isFinite(approx) || !Number.isFinite(error)) return decimalKey(exact());
  let sum: string | undefined;
  return {
    get value() {
      sum ??= exact();
      return sum;
    },
    approx,
    error,
    parts: null,
  };
}

/** How far a key's double can be from its value: at most half a unit in the last place for a nearest double. */
function errorBound(key: DecimalKey): number {
  return key.error > 0 ? key.error : Math.abs(key.approx) * UNIT_ROUNDOFF + Number.MIN_VALUE;
}

/** -1 or 1 when the doubles alone give the exact order, 0 when only the digits can tell. */
function compareApprox(a: DecimalKey, b: DecimalKey): number {
  if (a.error === 0 && b.error === 0) return a.approx < b.approx ? -1 : a.approx > b.approx ? 1 : 0;
  // Twice the bounds: the subtraction rounds too.
  const apart = 2 * (errorBound(a) + errorBound(b));
  const difference = b.approx - a.approx;
  return difference > apart ? -1 : difference < -apart ? 1 : 0;
}

/** -1, 0 or 1, exactly, as compareDecimals(a.value, b.value). */
export function compareKeys(a: DecimalKey, b: DecimalKey): number {
  const approximate = compareApprox(a, b);
  if (approximate !== 0) return approximate;
  a.parts ??= parseDecimal(a.value);
  b.parts ??= parseDecimal(b.value);
  return compareParsed(a.parts, b.parts);
}

/** Whether a key's value is zero, reading its digits only when its double cannot rule zero out. */
export function isZeroKey(key: DecimalKey): boolean {
  return Math.abs(key.approx) <= key.error && isZeroDecimal(key.value);
}

/** -1, 0 or 1, exactly, for any two plain decimal strings. */
export function compareDecimals(a: string, b: string): number {
  return compareParsed(parseDecimal(a), parseDecimal(b));
}

export function compareParsed(pa: DecimalParts, pb: DecimalParts): number {
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1;
  const magnitude = compareMagnitude(pa, pb);
  return pa.negative ? -magnitude : magnitude;
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/** A plain decimal string as Kraken and main send them ("198.3970800000", "-12.5"). */
export function isPlainDecimal(value: string): boolean {
  return PLAIN.test(value);
}

/** "198.3970800000" → "198.39708", "500000.00000000" → "500000"; the digits themselves are untouched. */
export function trimTrailingZeros(value: string): string {
  if (!value.includes('.')) return value;
  const trimmed = value.replace(/0+$/, '');
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/**
 * The exact sum of plain decimal strings ("-12.50"), written as big.js's toFixed() writes it ("7.1",
 * "-1.25", "0"), added as BigInts scaled to the longest fraction; null if any value is not plain.
 */
export function sumPlainDecimals(values: readonly string[]): string | null {
  let scale = 0;
  for (const value of values) {
    if (typeof value !== 'string' || !PLAIN.test(value)) return null;
    const dot = value.indexOf('.');
    if (dot !== -1) scale = Math.max(scale, value.length - dot - 1);
  }
  let total = 0n;
  for (const value of values) {
    const dot = value.indexOf('.');
    const digits = dot === -1 ? value + '0'.repeat(scale) : value.slice(0, dot) + value.slice(dot + 1).padEnd(scale, '0');
    total += BigInt(digits);
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return (negative ? '-' : '') + (fraction ? `${integer}.${fraction}` : integer);
}

export function isZeroDecimal(value: string): boolean {
  const p = parseDecimal(value);
  return p.integer === '' && p.fraction === '';
}

export function isNegativeDecimal(value: string): boolean {
  return parseDecimal(value).negative;
}

/** value × 10^places, e.g. a share 0.2534 → 25.34 percent. */
export function shiftDecimal(value: string, places: number): string {
  const p = parseDecimal(value);
  let integer = p.integer;
  let fraction = p.fraction;
  if (places >= 0) {
    const moved = fraction.padEnd(places, '0');
    integer += moved.slice(0, places);
    fraction = moved.slice(places);
  } else {
    const padded = integer.padStart(-places, '0');
    fraction = padded.slice(padded.length + places) + fraction;
    integer = padded.slice(0, padded.length + places);
  }
  return join(p.negative, integer, fraction);
}

function join(negative: boolean, integer: string, fraction: string): string {
  const int = integer.replace(/^0+/, '') || '0';
  const body = fraction ? `${int}.${fraction}` : int;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Adds one unit in the last place of a digit string: "0999" → "1000". */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i -= 1) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/**
 * Rounded to exactly `places` decimals, halves to the even neighbour (as shared/decimal.ts's Decimal
 * rounds): ("2.345", 2) → "2.34", ("2.355", 2) → "2.36", ("2.3451", 2) → "2.35".
 */
export function roundDecimal(value: string, places: number): string {
  const p = parseDecimal(value);
  const fraction = p.fraction.padEnd(places + 1, '0');
  let digits = (p.integer || '0') + fraction.slice(0, places);
  const next = fraction[places] ?? '0';
  const exactHalf = next === '5' && /^0*$/.test(fraction.slice(places + 1));
  const lastIsOdd = Number(digits[digits.length - 1] ?? '0') % 2 === 1;
  if (next > '5' || (next === '5' && (!exactHalf || lastIsOdd))) digits = incrementDigits(digits);
  const integer = places === 0 ? digits : digits.slice(0, -places);
  const kept = places === 0 ? '' : digits.slice(-places);
  const int = integer.replace(/^0+/, '') || '0';
  const body = kept ? `${int}.${kept}` : int;
  return p.negative && /[1-9]/.test(body) ? `-${body}` : body;
}

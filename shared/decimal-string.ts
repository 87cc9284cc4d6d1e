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
 * A decimal prepared for many exact comparisons (sorting, picking the largest): its nearest double, and
 * its parts, split only if a comparison needs them.
 *
 * Rounding a decimal to the nearest double never reverses an order (a < b gives double(a) <= double(b)),
 * so when the doubles differ they already give the exact order; only equal doubles (values closer than a
 * double can tell apart, or equal values) are compared digit by digit. No double is ever shown or summed.
 */
export interface DecimalKey {
  readonly value: string;
  readonly approx: number;
  /** Split on first need. */
  parts: DecimalParts | null;
}

export function decimalKey(value: string): DecimalKey {
  return { value, approx: Number(value), parts: null };
}

/** -1, 0 or 1, exactly, as compareDecimals(a.value, b.value). */
export function compareKeys(a: DecimalKey, b: DecimalKey): number {
  if (a.approx < b.approx) return -1;
  if (a.approx > b.approx) return 1;
  a.parts ??= parseDecimal(a.value);
  b.parts ??= parseDecimal(b.value);
  return compareParsed(a.parts, b.parts);
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

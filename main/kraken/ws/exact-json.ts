import { isDecimalString } from '../decimal.ts';

// Kraken's WebSocket v2 writes amounts and prices as JSON numbers. JSON.parse turns a number into a
// double, which can change its digits (0.1 + 0.2, 12345678901234567890, 1e-7 printed back). So every
// frame is parsed with a reviver that keeps each number's source text (V8's JSON.parse source text
// access: the reviver's third argument, `context.source`, in Node 22+ and current Chromium), and the
// readers below turn that text into the app's decimal strings without any arithmetic.

/** A JSON number as written on the wire: only its source text, never a double. */
export class ExactNumber {
  readonly source: string;

  constructor(source: string) {
    this.source = source;
  }
}

type SourceReviver = (this: unknown, key: string, value: unknown, context?: { readonly source?: string }) => unknown;

const keepNumberSource: SourceReviver = (_key, value, context) => {
  if (typeof value !== 'number') return value;
  // Without source text access a number would silently become inexact: refuse the frame instead.
  if (typeof context?.source !== 'string') throw new Error('JSON.parse source text access is not available');
  return new ExactNumber(context.source);
};

/**
 * JSON.parse with every number kept as an ExactNumber (strings, booleans, null, objects and arrays as
 * usual). Throws like JSON.parse on malformed text.
 */
export function parseExactJson(text: string): unknown {
  return (JSON.parse as (text: string, reviver: SourceReviver) => unknown)(text, keepNumberSource);
}

/** True when this runtime gives revivers the source text (checked by the tests and at startup). */
export function hasJsonSourceAccess(): boolean {
  try {
    const parsed = parseExactJson('[0.10]') as unknown[];
    return parsed[0] instanceof ExactNumber && parsed[0].source === '0.10';
  } catch {
    return false;
  }
}

const JSON_NUMBER_RE = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?$/;
const MAX_EXPONENT = 60;

/**
 * The decimal string a JSON number's source text stands for, digit for digit. Plain notation is kept
 * exactly as written (trailing zeros too, as REST writes them: 97250.10000); exponent notation is
 * shifted by moving the point in the digit string (1e-7 → 0.0000001, 1.5E+2 → 150). Null when the text
 * is not a JSON number or the result is outside what the app accepts as an amount.
 */
export function jsonNumberToDecimal(source: string): string | null {
  const match = JSON_NUMBER_RE.exec(source);
  if (match === null) return null;
  const [, sign = '', integer = '', fraction = '', exponent] = match;
  if (exponent === undefined) return isDecimalString(source) ? source : null;
  const shift = Number(exponent);
  if (Math.abs(shift) > MAX_EXPONENT) return null;
  let digits = integer + fraction;
  let point = integer.length + shift;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  const decimal = `${sign}${whole}${rest === '' ? '' : `.${rest}`}`;
  return isDecimalString(decimal) ? decimal : null;
}

/** An exact decimal string from a WebSocket field: a JSON number (by its source) or a decimal string. */
export function readDecimal(value: unknown): string | null {
  if (value instanceof ExactNumber) return jsonNumberToDecimal(value.source);
  return isDecimalString(value) ? value : null;
}

/** A non-negative integer field (sequence numbers, req_id) that fits a double exactly, else null. */
export function readCount(value: unknown): number | null {
  if (!(value instanceof ExactNumber) || !/^(?:0|[1-9]\d{0,15})$/.test(value.source)) return null;
  const count = Number(value.source);
  return Number.isSafeInteger(count) ? count : null;
}

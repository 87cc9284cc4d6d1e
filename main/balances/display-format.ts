import Big from 'big.js';
import type { QuoteCurrency } from '../../ipc/contract.ts';

// Own Big constructor, strict: formatting never goes through a JS float.
const Decimal = Big();
Decimal.strict = true;
Decimal.RM = Decimal.roundHalfEven;

/** Shown instead of any amount in privacy mode: always the same, so it does not leak the number of digits. */
export const MASKED = '•••••';

/** Decimals a value in this quote currency is shown with. */
export function quoteDecimals(quote: string): number {
  if (quote === 'BTC') return 8;
  if (quote === 'ETH') return 6;
  if (quote === 'JPY') return 0;
  return 2;
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '1234567.891' → '1,234,567.89' in USD; exact decimal rounding (half to even). */
export function formatMoney(value: string, quote: QuoteCurrency | string): string {
  const fixed = new Decimal(value).toFixed(quoteDecimals(quote));
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${group(integer)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** An asset amount as Kraken sent it, grouped and without trailing zeros: '1011.1908877900' → '1,011.19088779'. */
export function formatAmount(amount: string): string {
  const plain = new Decimal(amount).toFixed();
  const negative = plain.startsWith('-');
  const [integer = '0', fraction] = (negative ? plain.slice(1) : plain).split('.');
  return `${negative ? '-' : ''}${group(integer)}${fraction === undefined ? '' : `.${fraction}`}`;
}

import { KrakenError } from './errors.ts';
import { Decimal, decimalToString, isDecimalString } from './decimal.ts';
import { createDictionary, isRecord, ownValue } from './safe-json.ts';

/** Asset code → amount exactly as Kraken sent it. Null-prototype, so any code is a safe key. */
export type Balances = Readonly<Record<string, string>>;

export interface ExtendedBalance {
  readonly balance: string;
  readonly holdTrade: string | null;
  readonly credit: string | null;
  readonly creditUsed: string | null;
  /** balance + credit − credit_used − hold_trade, computed exactly. */
  readonly available: string;
}

export type ExtendedBalances = Readonly<Record<string, ExtendedBalance>>;

const ASSET_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9.]{0,39}$/;
const MAX_ASSETS = 10_000;

export function isAssetCode(value: string): boolean {
  return ASSET_CODE_RE.test(value);
}

function badResponse(message: string): KrakenError {
  return new KrakenError('bad-response', { message, retryable: false });
}

/** A Balance-style result (asset code → entry): every code checked first, then each entry by `parseEntry`. */
function byAsset<T>(result: unknown, what: string, parseEntry: (entry: unknown, code: string) => T): Readonly<Record<string, T>> {
  if (!isRecord(result)) throw badResponse(`Kraken's ${what} is not a list of assets.`);
  const codes = Object.keys(result);
  if (codes.length > MAX_ASSETS) throw badResponse(`Kraken's ${what} lists too many assets.`);
  for (const code of codes) {
    if (!isAssetCode(code)) throw badResponse(`Kraken's ${what} contains an asset code the app cannot read.`);
  }
  const parsed = createDictionary<T>();
  for (const code of codes) parsed[code] = parseEntry(result[code], code);
  return Object.freeze(parsed);
}

export function parseBalances(result: unknown): Balances {
  return byAsset(result, 'balance list', (amount, code) => {
    if (!isDecimalString(amount)) throw badResponse(`Kraken sent an unreadable amount for ${code}.`);
    return amount;
  });
}

function optionalAmount(record: Readonly<Record<string, unknown>>, field: string, code: string): string | null {
  const value = ownValue(record, field);
  if (value === undefined) return null;
  if (!isDecimalString(value)) throw badResponse(`Kraken sent an unreadable ${field} for ${code}.`);
  return value;
}

export function parseBalanceEx(result: unknown): ExtendedBalances {
  return byAsset(result, 'extended balance list', (entry, code): ExtendedBalance => {
    if (!isRecord(entry)) throw badResponse(`Kraken sent an unreadable balance for ${code}.`);
    const balance = optionalAmount(entry, 'balance', code);
    if (balance === null) throw badResponse(`Kraken sent no balance for ${code}.`);
    const holdTrade = optionalAmount(entry, 'hold_trade', code);
    const credit = optionalAmount(entry, 'credit', code);
    const creditUsed = optionalAmount(entry, 'credit_used', code);
    const available = new Decimal(balance)
      .plus(credit ?? '0')
      .minus(creditUsed ?? '0')
      .minus(holdTrade ?? '0');
    return Object.freeze({ balance, holdTrade, credit, creditUsed, available: decimalToString(available) });
  });
}

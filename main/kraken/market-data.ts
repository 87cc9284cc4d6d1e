import { KrakenError } from './errors.ts';
import { isDecimalString } from './decimal.ts';
import { isAssetCode } from './balance-parse.ts';
import { isRecord, ownEntries, ownValue } from './safe-json.ts';

export interface AssetPairInfo {
  readonly key: string;
  readonly altname: string;
  readonly wsname: string | null;
  /** Kraken asset codes as in /0/public/Assets, e.g. XXBT and ZUSD. */
  readonly base: string;
  readonly quote: string;
  readonly status: string | null;
}

export type AssetPairTable = ReadonlyMap<string, AssetPairInfo>;

export interface TickerInfo {
  readonly pair: string;
  /** Last trade price, `c[0]`, exactly as sent. */
  readonly last: string;
  readonly ask: string | null;
  readonly bid: string | null;
}

export type TickerTable = ReadonlyMap<string, TickerInfo>;

const PAIR_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9._/:-]{0,39}$/;

function bad(message: string): KrakenError {
  return new KrakenError('bad-response', { message, retryable: false });
}

function optionalString(record: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = ownValue(record, field);
  return typeof value === 'string' ? value : null;
}

/** Parses /0/public/AssetPairs; dark-pool pairs (".d") are dropped since they carry no public price. */
export function parseAssetPairs(result: unknown): AssetPairTable {
  if (!isRecord(result)) throw bad('Kraken\'s list of trading pairs is not readable.');
  const table = new Map<string, AssetPairInfo>();
  for (const [key, entry] of ownEntries(result)) {
    if (!PAIR_KEY_RE.test(key) || !isRecord(entry)) throw bad('Kraken\'s list of trading pairs contains an unreadable entry.');
    if (key.endsWith('.d')) continue;
    const base = ownValue(entry, 'base');
    const quote = ownValue(entry, 'quote');
    const altname = ownValue(entry, 'altname');
    if (typeof base !== 'string' || typeof quote !== 'string' || !isAssetCode(base) || !isAssetCode(quote)) {
      throw bad(`Kraken's trading pair ${key} has no readable base and quote.`);
    }
    table.set(key, {
      key,
      altname: typeof altname === 'string' ? altname : key,
      wsname: optionalString(entry, 'wsname'),
      base,
      quote,
      status: optionalString(entry, 'status'),
    });
  }
  return table;
}

function firstDecimal(record: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = ownValue(record, field);
  if (!Array.isArray(value)) return null;
  const first: unknown = value[0];
  return isDecimalString(first) ? first : null;
}

/** Parses /0/public/Ticker. A pair without a readable last price `c[0]` makes the response unreadable. */
export function parseTicker(result: unknown): TickerTable {
  if (!isRecord(result)) throw bad('Kraken\'s prices are not readable.');
  const table = new Map<string, TickerInfo>();
  for (const [pair, entry] of ownEntries(result)) {
    if (!PAIR_KEY_RE.test(pair) || !isRecord(entry)) throw bad('Kraken\'s prices contain an unreadable entry.');
    const last = firstDecimal(entry, 'c');
    if (last === null) throw bad(`Kraken sent no readable price for ${pair}.`);
    table.set(pair, { pair, last, ask: firstDecimal(entry, 'a'), bid: firstDecimal(entry, 'b') });
  }
  return table;
}

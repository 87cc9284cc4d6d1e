import { KrakenError } from './errors.ts';
import { displayCodeFor, parseAssetCode, type ParsedAssetCode } from '../../shared/asset-code.ts';
import { isAssetCode } from './balance-parse.ts';
import { isRecord, ownEntries, ownValue } from './safe-json.ts';

export interface AssetInfo {
  readonly code: string;
  readonly altname: string;
  readonly aclass: string | null;
  readonly decimals: number | null;
  readonly displayDecimals: number | null;
  readonly status: string | null;
}

export type AssetTable = ReadonlyMap<string, AssetInfo>;

function badAssets(message: string): KrakenError {
  return new KrakenError('bad-response', { message, retryable: false });
}

function optionalString(record: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = ownValue(record, field);
  return typeof value === 'string' ? value : null;
}

function optionalSmallInt(record: Readonly<Record<string, unknown>>, field: string): number | null {
  const value = ownValue(record, field);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 64 ? value : null;
}

/** Parses /0/public/Assets. Only `altname` is required; optional fields of the wrong type read as null. */
export function parseAssets(result: unknown): AssetTable {
  if (!isRecord(result)) throw badAssets('Kraken\'s asset list is not readable.');
  const table = new Map<string, AssetInfo>();
  for (const [code, entry] of ownEntries(result)) {
    if (!isAssetCode(code) || !isRecord(entry)) throw badAssets('Kraken\'s asset list contains an unreadable entry.');
    const altname = ownValue(entry, 'altname');
    if (typeof altname !== 'string' || !isAssetCode(altname)) throw badAssets(`Kraken's asset list has no name for ${code}.`);
    table.set(code, {
      code,
      altname,
      aclass: optionalString(entry, 'aclass'),
      decimals: optionalSmallInt(entry, 'decimals'),
      displayDecimals: optionalSmallInt(entry, 'display_decimals'),
      status: optionalString(entry, 'status'),
    });
  }
  return table;
}

export interface ResolvedAsset extends ParsedAssetCode {
  /** What the user sees and what prices are keyed by: BTC, ETH, USD, DOT, … */
  readonly display: string;
}

/** Maps any Kraken code (legacy, altname or extension) to its display code. */
export interface AssetDirectory {
  resolve(code: string): ResolvedAsset;
  display(code: string): string;
}

/** Built per valuation: a map of altnames, and each code resolved at most once. */
export function createAssetDirectory(assets: AssetTable): AssetDirectory {
  const byAltname = new Map<string, AssetInfo>();
  for (const info of assets.values()) {
    if (!byAltname.has(info.altname)) byAltname.set(info.altname, info);
  }
  const isKnown = (code: string): boolean => assets.has(code) || byAltname.has(code);
  const display = (plainCode: string): string => {
    const info = assets.get(plainCode) ?? byAltname.get(plainCode);
    return displayCodeFor(info === undefined ? plainCode : info.altname);
  };
  const resolved = new Map<string, ResolvedAsset>();
  const resolve = (code: string): ResolvedAsset => {
    let hit = resolved.get(code);
    if (hit === undefined) {
      const parsed = parseAssetCode(code, isKnown);
      hit = Object.freeze({ ...parsed, display: display(parsed.baseCode) });
      resolved.set(code, hit);
    }
    return hit;
  };
  return {
    resolve,
    // Valuation asks this for both sides of every listed pair (about 2,800 codes), nearly all plain codes,
    // which parse to themselves: those skip the parse.
    display: (code) => (code.includes('.') ? resolve(code).display : display(code)),
  };
}

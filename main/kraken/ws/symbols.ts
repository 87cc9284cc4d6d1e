import type { AssetPairTable } from '../market-data.ts';

// WebSocket v2 names pairs BASE/QUOTE with normalised asset names, while REST AssetPairs' `wsname` still
// uses Kraken's legacy codes for some assets: XBT/USD is BTC/USD on v2 and XDG/USD is DOGE/USD (Kraken's
// v2 docs: "Symbol format XBT/USD → BTC/USD"; XDG is Kraken's legacy code for Dogecoin). Both legs are
// renamed, so ETH/XBT becomes ETH/BTC.
const V2_ASSET_NAMES: Readonly<Record<string, string>> = { XBT: 'BTC', XDG: 'DOGE' };

const LEG_RE = /^[A-Za-z0-9.]{1,20}$/;

/** The v2 symbol for a REST `wsname` (XBT/USD → BTC/USD), or null when it is not BASE/QUOTE. */
export function v2SymbolFromWsname(wsname: string): string | null {
  const legs = wsname.split('/');
  if (legs.length !== 2 || !legs.every((leg) => LEG_RE.test(leg))) return null;
  return legs.map((leg) => V2_ASSET_NAMES[leg] ?? leg).join('/');
}

export interface TickerSymbolMap {
  /** The v2 symbols to subscribe, sorted, without duplicates. */
  readonly symbols: readonly string[];
  /** The REST pair key (e.g. XXBTZUSD) a v2 symbol stands for. */
  pairFor(symbol: string): string | undefined;
  symbolFor(pairKey: string): string | undefined;
  /** Pair keys without a usable wsname (unknown to AssetPairs, or none given): keep them on REST prices. */
  readonly unmapped: readonly string[];
}

/** The ticker subscription for the pairs the valuation uses (REST pair keys, from AssetPairs). */
export function tickerSymbolsFor(pairs: AssetPairTable, pairKeys: readonly string[]): TickerSymbolMap {
  const bySymbol = new Map<string, string>();
  const byPair = new Map<string, string>();
  const unmapped: string[] = [];
  for (const key of new Set(pairKeys)) {
    const wsname = pairs.get(key)?.wsname ?? null;
    const symbol = wsname === null ? null : v2SymbolFromWsname(wsname);
    if (symbol === null) {
      unmapped.push(key);
      continue;
    }
    bySymbol.set(symbol, key);
    byPair.set(key, symbol);
  }
  return {
    symbols: [...bySymbol.keys()].sort(),
    pairFor: (symbol) => bySymbol.get(symbol),
    symbolFor: (pairKey) => byPair.get(pairKey),
    unmapped,
  };
}

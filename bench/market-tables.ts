// Kraken-sized asset and pair lists for the valuation bench. The fake Kraken lists 21 assets and 23
// pairs, enough for every e2e case; Kraken itself lists about 600 assets and 1,400 pairs, and valuation
// walks the whole pair list, so its cost is measured at that size too.
import { DEFAULT_ASSETS, DEFAULT_PAIRS } from '../e2e/fake-kraken/fixtures.ts';

/** /0/public/Assets and /0/public/AssetPairs results (JSON as Kraken sends them), about Kraken's size. */
export function krakenSizedMarket(assetCount = 600, pairCount = 1400): { assets: Record<string, unknown>; pairs: Record<string, unknown> } {
  const assets: Record<string, unknown> = { ...DEFAULT_ASSETS };
  const pairs: Record<string, unknown> = Object.fromEntries(DEFAULT_PAIRS.map((p) => [p.key, { altname: p.altname, base: p.base, quote: p.quote }]));
  const quotes = ['ZUSD', 'ZEUR', 'XXBT', 'USDT', 'ZGBP'];
  for (let i = 0; Object.keys(assets).length < assetCount; i += 1) {
    const code = `TOKEN${i}`;
    assets[code] = { aclass: 'currency', altname: code, decimals: 10, display_decimals: 5, status: 'enabled' };
    for (const quote of quotes) {
      if (Object.keys(pairs).length < pairCount) pairs[`${code}${quote}`] = { altname: `${code}${quote}`, base: code, quote };
    }
  }
  return { assets, pairs };
}

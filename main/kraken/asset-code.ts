// Kraken balance codes: legacy X/Z prefixes (XXBT, ZUSD), plain codes (DOT), and read-only
// "extension" codes (ETH2.S, USD.M, GRT28.S) that hold the base asset in some earn product.

export const ASSET_EXTENSIONS = ['S', 'M', 'B', 'F', 'T', 'P'] as const;
export type AssetExtension = (typeof ASSET_EXTENSIONS)[number];

export interface ParsedAssetCode {
  /** The code exactly as Kraken sent it. */
  readonly code: string;
  /** The code without extension and unbonding days: 'ETH2' for ETH2.S, 'GRT' for GRT28.S. */
  readonly baseCode: string;
  readonly extension: AssetExtension | null;
  /** Days to unbond for staked codes like SOL03.S (3) or GRT28.S (28), else null. */
  readonly unbondingDays: number | null;
}

function isExtension(value: string): value is AssetExtension {
  return (ASSET_EXTENSIONS as readonly string[]).includes(value);
}

const UNBONDING_RE = /^([A-Za-z][A-Za-z0-9]*?[A-Za-z])(\d{2})$/;

/**
 * `isKnownCode` lets the caller veto the unbonding-days reading for real assets whose name ends in
 * two digits; without it, two trailing digits before an extension are read as unbonding days.
 */
export function parseAssetCode(code: string, isKnownCode: (code: string) => boolean = () => false): ParsedAssetCode {
  const dot = code.lastIndexOf('.');
  const suffix = dot > 0 ? code.slice(dot + 1) : '';
  if (!isExtension(suffix)) return { code, baseCode: code, extension: null, unbondingDays: null };
  const stem = code.slice(0, dot);
  const unbonding = isKnownCode(stem) ? null : UNBONDING_RE.exec(stem);
  if (unbonding?.[1] !== undefined && unbonding[2] !== undefined) {
    return { code, baseCode: unbonding[1], extension: suffix, unbondingDays: Number(unbonding[2]) };
  }
  return { code, baseCode: stem, extension: suffix, unbondingDays: null };
}

const EXTENSION_WORDS: Readonly<Record<AssetExtension, string>> = {
  S: 'staked',
  M: 'opt-in rewards',
  B: 'yield-bearing',
  F: 'earning in Kraken Rewards',
  T: 'tokenized',
  P: 'parachain-bonded',
};

/** 'S' → 'staked', 'F' → 'earning in Kraken Rewards', … */
export function describeExtension(extension: AssetExtension): string {
  return EXTENSION_WORDS[extension];
}

/** Words for a whole parsed code, e.g. 'staked, 28-day unbonding'; '' for a plain code. */
export function describeAssetCode(parsed: ParsedAssetCode): string {
  if (parsed.extension === null) return '';
  const words = describeExtension(parsed.extension);
  return parsed.unbondingDays === null ? words : `${words}, ${parsed.unbondingDays}-day unbonding`;
}

// Used only when /0/public/Assets has not been loaded or does not list a code.
const LEGACY_ALTNAMES: ReadonlyMap<string, string> = new Map([
  ['XXBT', 'XBT'], ['XETH', 'ETH'], ['XXDG', 'XDG'], ['XLTC', 'LTC'], ['XXRP', 'XRP'], ['XXLM', 'XLM'],
  ['XXMR', 'XMR'], ['XZEC', 'ZEC'], ['XETC', 'ETC'], ['XREP', 'REP'], ['XMLN', 'MLN'], ['XXTZ', 'XTZ'],
  ['ZUSD', 'USD'], ['ZEUR', 'EUR'], ['ZGBP', 'GBP'], ['ZCAD', 'CAD'], ['ZJPY', 'JPY'], ['ZAUD', 'AUD'],
  ['ZCHF', 'CHF'],
]);

// Kraken's own names that differ from what users know; ETH2 is staked ETH and is valued as ETH.
const DISPLAY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['XBT', 'BTC'], ['XDG', 'DOGE'], ['ETH2', 'ETH'],
]);

/** Display code for an altname (or a code missing from Assets): XBT → BTC, XXBT → BTC, ZUSD → USD. */
export function displayCodeFor(altnameOrCode: string): string {
  const altname = LEGACY_ALTNAMES.get(altnameOrCode) ?? altnameOrCode;
  return DISPLAY_ALIASES.get(altname) ?? altname;
}

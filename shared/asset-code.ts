// Kraken balance codes: legacy X/Z prefixes (XXBT, ZUSD), plain codes (DOT), and read-only "extension"
// codes (ETH2.S, USD.M, GRT28.S) that hold the base asset in some earn product. Parsed here once, for the
// valuation in main and the words every surface shows (shared/asset-names.ts).
import type { AssetExtension } from '../ipc/contract.ts';

export type { AssetExtension };

export const ASSET_EXTENSIONS = ['S', 'M', 'B', 'F', 'T', 'P'] as const satisfies readonly AssetExtension[];

export interface ParsedAssetCode {
  /** The code exactly as Kraken sent it. */
  readonly code: string;
  /** The code without extension and unbonding days: 'ETH2' for ETH2.S, 'GRT' for GRT28.S. */
  readonly baseCode: string;
  /** The read-only product the balance sits in, or null for a tradable balance. */
  readonly extension: AssetExtension | null;
  /** Days to unbond for staked codes like SOL03.S (3) or GRT28.S (28), else null. */
  readonly unbondingDays: number | null;
}

function isExtension(value: string): value is AssetExtension {
  return (ASSET_EXTENSIONS as readonly string[]).includes(value);
}

/**
 * Codes that are staked without saying so: ETH2 is ETH staked in Kraken's Ethereum staking, which can be
 * neither traded nor withdrawn, exactly like a .S balance.
 */
const STAKED_WITHOUT_SUFFIX: ReadonlySet<string> = new Set(['ETH2']);

const UNBONDING_RE = /^([A-Za-z][A-Za-z0-9]*?[A-Za-z])(\d{2})$/;

/**
 * `isKnownCode` lets the caller veto the unbonding-days reading for real assets whose name ends in
 * two digits; without it, two trailing digits before an extension are read as unbonding days.
 */
export function parseAssetCode(code: string, isKnownCode: (code: string) => boolean = () => false): ParsedAssetCode {
  const dot = code.lastIndexOf('.');
  const suffix = dot > 0 ? code.slice(dot + 1) : '';
  if (!isExtension(suffix)) {
    return { code, baseCode: code, extension: STAKED_WITHOUT_SUFFIX.has(code) ? 'S' : null, unbondingDays: null };
  }
  const stem = code.slice(0, dot);
  const unbonding = isKnownCode(stem) ? null : UNBONDING_RE.exec(stem);
  if (unbonding?.[1] !== undefined && unbonding[2] !== undefined) {
    return { code, baseCode: unbonding[1], extension: suffix, unbondingDays: Number(unbonding[2]) };
  }
  return { code, baseCode: stem, extension: suffix, unbondingDays: null };
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

/**
 * Kraken's own name for a display code where it differs: XBT for BTC, XDG for DOGE (the legacy codes,
 * XXBT and XXDG, contain it). ETH2 is a balance of its own (staked ETH), not a name of ETH.
 */
export function krakenSpellingsOf(display: string): string[] {
  return [...DISPLAY_ALIASES].filter(([altname, shown]) => shown === display && !STAKED_WITHOUT_SUFFIX.has(altname)).map(([altname]) => altname);
}

/**
 * True when `code` is only Kraken's spelling of `display` (XXBT or XBT of BTC, ZUSD of USD, also legacy
 * X/Z codes missing from the list above), not an asset of its own.
 */
export function isSpellingOf(code: string, display: string): boolean {
  if (code === display || displayCodeFor(code) === display) return true;
  return code.length === 4 && /^[XZ]/.test(code) && displayCodeFor(code.slice(1)) === display;
}

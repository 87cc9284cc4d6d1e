import type { AssetExtension, BalanceRow } from '../../../ipc/contract.ts';

interface ExtensionInfo {
  /** The badge text. */
  readonly badge: string;
  /** What the balance is, completing "This balance is …". */
  readonly what: string;
  readonly spoken: (base: string) => string;
}

// Kraken's read-only balance extensions (facts sheet: "Symbol extensions").
const EXTENSIONS: Readonly<Record<AssetExtension, ExtensionInfo>> = {
  S: { badge: 'Staked', what: 'staked (legacy staking)', spoken: (base) => `Staked ${base}` },
  M: { badge: 'Opt-in rewards', what: 'in opt-in rewards (legacy)', spoken: (base) => `${base} in opt-in rewards` },
  B: { badge: 'Yield-bearing', what: 'in a yield-bearing product', spoken: (base) => `Yield-bearing ${base}` },
  F: { badge: 'Kraken Rewards', what: 'earning automatically in Kraken Rewards', spoken: (base) => `${base} in Kraken Rewards` },
  T: { badge: 'Tokenized', what: 'a tokenized asset', spoken: (base) => `Tokenized ${base}` },
  P: { badge: 'Parachain', what: 'bonded to a parachain', spoken: (base) => `Parachain-bonded ${base}` },
};

export function extensionBadge(extension: AssetExtension): string {
  return EXTENSIONS[extension].badge;
}

/** Days to unbond encoded in staked codes like GRT28.S or SOL03.S. */
export function unbondingDays(row: Pick<BalanceRow, 'asset' | 'extension'>): number | null {
  if (row.extension === null) return null;
  const stem = row.asset.slice(0, row.asset.lastIndexOf('.'));
  const match = /^[A-Za-z][A-Za-z0-9]*[A-Za-z](\d{2})$/.exec(stem);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The tooltip for a read-only balance: what it is, that it is read-only, and what to use instead. */
export function extensionExplanation(row: Pick<BalanceRow, 'asset' | 'base' | 'extension'>): string {
  if (row.extension === null) return '';
  const days = unbondingDays(row);
  const unbonding = days === null ? '' : ` It takes ${days} days to unbond.`;
  return `${row.asset} is ${row.base} ${EXTENSIONS[row.extension].what}.${unbonding} This balance is read-only: to trade or withdraw, use ${row.base}.`;
}

const ALIASES: Readonly<Record<string, string>> = { XBT: 'BTC', XDG: 'DOGE' };

/**
 * The name a user knows for a plain balance: BTC for XXBT, USD for ZUSD, and the code itself when it is
 * not just a legacy spelling of its base (ETH2 stays ETH2, so it is never confused with ETH).
 */
export function plainName(code: string, base: string): string {
  if (code === base || ALIASES[code] === base) return base;
  if (code.length === 4 && /^[XZ]/.test(code)) {
    const altname = code.slice(1);
    if (altname === base || ALIASES[altname] === base) return base;
  }
  return code;
}

/** Display name of a row: the base code for extension rows (the badge says which), else plainName. */
export function rowName(row: Pick<BalanceRow, 'asset' | 'base' | 'extension'>): string {
  return row.extension === null ? plainName(row.asset, row.base) : row.base;
}

/** The row's name as read aloud: "Staked ETH", "USD in opt-in rewards", "BTC". */
export function spokenName(row: Pick<BalanceRow, 'asset' | 'base' | 'extension'>): string {
  return row.extension === null ? rowName(row) : EXTENSIONS[row.extension].spoken(row.base);
}

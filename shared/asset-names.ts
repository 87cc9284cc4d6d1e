// What every surface calls a balance: the window's name, badge, tooltip and screen-reader name, the tray's
// menu line and the notifications' wording all come from here, so they never disagree.
import type { AssetExtension, BalanceRow } from '../ipc/contract.ts';
import { isSpellingOf } from './asset-code.ts';

type NamedRow = Pick<BalanceRow, 'asset' | 'base' | 'extension'>;

interface ExtensionWords {
  /** The badge text. */
  readonly badge: string;
  /** The balance named with its product: "Staked ETH", "USD in opt-in rewards". */
  readonly named: (base: string) => string;
  /** What the balance is, completing "ETH2.S is …": "ETH staked (legacy staking)". */
  readonly what: (base: string) => string;
}

// Kraken's read-only balance extensions (facts sheet: "Symbol extensions").
const EXTENSIONS: Readonly<Record<AssetExtension, ExtensionWords>> = {
  S: { badge: 'Staked', named: (base) => `Staked ${base}`, what: (base) => `${base} staked (legacy staking)` },
  M: { badge: 'Opt-in rewards', named: (base) => `${base} in opt-in rewards`, what: (base) => `${base} in opt-in rewards (legacy)` },
  B: { badge: 'Yield-bearing', named: (base) => `Yield-bearing ${base}`, what: (base) => `${base} in a yield-bearing product` },
  F: { badge: 'Kraken Rewards', named: (base) => `${base} in Kraken Rewards`, what: (base) => `${base} earning automatically in Kraken Rewards` },
  T: { badge: 'Tokenized', named: (base) => `Tokenized ${base}`, what: (base) => `${base} held as a tokenized asset` },
  P: { badge: 'Parachain', named: (base) => `Parachain-bonded ${base}`, what: (base) => `${base} bonded to a parachain` },
};

/** The badge beside a read-only balance: "Staked", "Opt-in rewards", …; null for a tradable one. */
export function badgeLabel(row: Pick<BalanceRow, 'extension'>): string | null {
  return row.extension === null ? null : EXTENSIONS[row.extension].badge;
}

/**
 * The badge's tooltip: what the balance is, how long it takes to unbond, that it is read-only, and what
 * to use instead; '' for a tradable balance.
 */
export function readOnlyExplanation(row: NamedRow & Pick<BalanceRow, 'unbondingDays'>): string {
  if (row.extension === null) return '';
  const days = row.unbondingDays;
  const unbonding = days === null ? '' : ` It takes ${days} ${days === 1 ? 'day' : 'days'} to unbond.`;
  return `${row.asset} is ${EXTENSIONS[row.extension].what(row.base)}.${unbonding} This balance is read-only: to trade or withdraw, use ${row.base}.`;
}

/**
 * The short name of a balance: the base asset for read-only rows (the badge says which product), the
 * name users know for legacy codes (BTC for XXBT, USD for ZUSD), else Kraken's code as it is.
 */
export function shortName(row: NamedRow): string {
  return row.extension !== null || isSpellingOf(row.asset, row.base) ? row.base : row.asset;
}

/** The balance named in words, product included: "Staked ETH", "USD in opt-in rewards", "BTC". */
export function fullName(row: NamedRow): string {
  return row.extension === null ? shortName(row) : EXTENSIONS[row.extension].named(row.base);
}

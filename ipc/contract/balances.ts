// Balances payloads of the contract (ipc/contract.ts re-exports them): a portfolio's rows, its 24 h change,
// what open orders hold, the Earn allocations behind read-only lines, and how an account is kept current.
import type { IpcError } from '../contract.ts';

export type AssetExtension = 'S' | 'M' | 'B' | 'F' | 'T' | 'P';

export interface BalanceRow {
  /** Raw Kraken code, e.g. 'ETH2.S'. */
  asset: string;
  /** Display code of the base asset the row is grouped and valued under, e.g. 'ETH'. */
  base: string;
  /** The read-only product the balance sits in; 'S' also for ETH2, staked ETH that carries no suffix. */
  extension: AssetExtension | null;
  /** Days to unbond, for staked codes like GRT28.S (main reads it checked against Kraken's asset list). */
  unbondingDays: number | null;
  readOnly: boolean;
  /** Exactly as Kraken sent it. */
  amount: string;
  price: string | null;
  value: string | null;
  share: string | null;
  /** Change of `price` over the last 24 h in percent (e.g. '-1.25', exact to 12 decimals), from Kraken's live ticker; null when unknown. */
  change24hPct: string | null;
  /** What can be traded or withdrawn (BalanceEx: balance + credit − credit_used − hold_trade); null when unknown. */
  available: string | null;
  /** Held in open orders (BalanceEx hold_trade); null when unknown. */
  held: string | null;
  /** The Earn allocations behind a read-only line; null when none. */
  earn: RowEarn | null;
}

/** Bonding or unbonding Earn funds, and when the last of them is done (ISO; null when Kraken does not say). */
export interface EarnPhase {
  amount: string;
  endsAt: string | null;
}

export interface EarnAllocation {
  strategyId: string;
  /** Display code of the asset earning. Amounts below are in it. */
  asset: string;
  allocated: string;
  bonding: EarnPhase | null;
  unbonding: EarnPhase | null;
  /** Rewards received so far. */
  rewarded: string;
  /** The current payout period: rewards accumulated in it, the estimate until payout, and the payout date (ISO). */
  payout: { accumulated: string; estimated: string; at: string } | null;
}

/** Earn allocations behind one read-only line, matched by asset (Kraken does not map strategies to suffixed codes). */
export interface RowEarn {
  allocations: EarnAllocation[];
  /** Other read-only lines of the same asset the allocations may be behind instead; empty when the match is certain. */
  sharedWith: string[];
}

/** All Earn allocations of a portfolio, valued in its quote at its prices. */
export interface EarnSummary {
  allocated: string;
  rewarded: string;
  /** Allocated assets without a price in the quote: not in the two sums. */
  unpriced: string[];
  /** Allocated assets with no read-only line to show them on. */
  unmatched: string[];
  count: number;
}

export interface Portfolio {
  quote: string;
  rows: BalanceRow[];
  total: string;
  unpriced: string[];
  /** The priced balances that have a price a day ago, valued now and at those prices; null when none has. */
  change24h: { now: string; before: string } | null;
  /** Null when Kraken's Earn allocations could not be read (or the account has none to read). */
  earn: EarnSummary | null;
}

export type RefreshStatus = 'idle' | 'refreshing' | 'fresh' | 'stale' | 'error';

/** How an account is kept current; the header and the tray word it alike (shared/update-mode.ts). */
export interface UpdateMode {
  /** Kraken's live stream pushes this account's changes: balances refresh on each, prices move as they trade. */
  live: boolean;
  /** The user's refresh interval: the pace whenever the stream is not live. */
  intervalSec: number;
  /** Why live updates are off, when the user can act on it or should know (the key lacks the optional permission, WebSockets blocked). */
  note: string | null;
}

export interface AccountBalances {
  accountId: string;
  status: RefreshStatus;
  portfolio: Portfolio | null;
  fetchedAt: string | null;
  nextRefreshAt: string | null;
  /** Total before the previous successful refresh, for "change since last refresh". */
  previousTotal: string | null;
  error: IpcError | null;
  /**
   * The balances shown are not current: the last refresh failed, refreshes were missed, or they are the
   * last known ones from history. Stays true while a retry runs; only a successful refresh clears it.
   */
  stale: boolean;
  /** The portfolio is the last one history recorded before this start (amounts and total, no prices), shown until Kraken answers. */
  fromHistory: boolean;
  updates: UpdateMode;
}

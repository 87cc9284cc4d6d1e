// How the accounts on screen are kept current, worded once for the window's header and the tray.
import type { AccountBalances } from '../ipc/contract.ts';

/** A reason live updates are off for one account, for the header to show beside it. */
export interface UpdateNote {
  readonly accountId: string;
  readonly label: string;
  readonly note: string;
}

/** The update mode of a scope (one account, or all combined). */
export interface ScopeUpdates {
  /** Every account in the scope is live. */
  readonly live: boolean;
  /** The user's refresh interval: the pace of any account that is not live. */
  readonly intervalSec: number;
  readonly notes: readonly UpdateNote[];
}

/** A scope is live only when all its accounts are, so "Live" never overstates what is on screen. */
export function combineUpdates(balances: readonly AccountBalances[], labels: ReadonlyMap<string, string>): ScopeUpdates {
  return {
    live: balances.length > 0 && balances.every((entry) => entry.updates.live),
    intervalSec: balances[0]?.updates.intervalSec ?? 60,
    notes: balances.flatMap((entry) => {
      const { note } = entry.updates;
      return note === null ? [] : [{ accountId: entry.accountId, label: labels.get(entry.accountId) ?? 'An account', note }];
    }),
  };
}

/** "Every 30 s", "Every 60 s", "Every 5 min", "Every 1 h": the pace in the header's and the tray's few characters. */
export function intervalText(seconds: number): string {
  if (seconds <= 90 || seconds % 60 !== 0) return `Every ${seconds} s`;
  if (seconds % 3600 === 0) return `Every ${seconds / 3600} h`;
  return `Every ${seconds / 60} min`;
}

/** "Live" while Kraken's streams push changes, else the polling pace. */
export function updateModeText(updates: Pick<ScopeUpdates, 'live' | 'intervalSec'>): string {
  return updates.live ? 'Live' : intervalText(updates.intervalSec);
}

import type { AccountBalances, AccountSummary, HistoryRange, HistoryRequest } from '../../../ipc/contract.ts';
import { ALL_ACCOUNTS } from '../components/ScopeTabs.tsx';

// Which account tab shows first, and which history series a tab reads: one definition for the view (its
// hooks) and for app-data-store.ts, which starts those reads before the view first renders.

/** The tab shown while the user has chosen none: "All accounts" when there are several, else the only one. */
export function defaultScope(accounts: readonly AccountSummary[]): string {
  return accounts.length > 1 ? ALL_ACCOUNTS : (accounts[0]?.id ?? ALL_ACCOUNTS);
}

/** The account of a tab; undefined for "All accounts". */
export function scopeAccount(scope: string): string | undefined {
  return scope === ALL_ACCOUNTS ? undefined : scope;
}

export function balancesInScope(balances: readonly AccountBalances[], scope: string): readonly AccountBalances[] {
  return scope === ALL_ACCOUNTS ? balances : balances.filter((entry) => entry.accountId === scope);
}

/** Changes whenever an account in scope has refreshed or the quote currency changed: series are read again. */
export function seriesVersion(inScope: readonly AccountBalances[], quoteCurrency: string): string {
  return `${inScope.map((entry) => entry.fetchedAt ?? '').join(',')}|${quoteCurrency}`;
}

/** The range the history chart opens with. */
export const FIRST_RANGE: HistoryRange = 'all';

/** The chart's series: the scope's total over `range`, in `quote` when one was picked for the chart. */
export function chartSeriesRequest(accountId: string | undefined, range: HistoryRange, quote?: string): HistoryRequest {
  return { ...(accountId === undefined ? {} : { accountId }), range, ...(quote === undefined ? {} : { quote }) };
}

/** A year in the quote on screen, which the 7 d, 30 d and 1 y changes compare with. */
export function yearSeriesRequest(accountId: string | undefined, quote: string): HistoryRequest {
  return { ...(accountId === undefined ? {} : { accountId }), range: '1y', quote };
}

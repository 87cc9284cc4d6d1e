import type { AccountBalances, AccountSummary, IpcError, Portfolio, RefreshStatus } from '../../ipc/contract.ts';
import type { Clock, TimerHandle } from '../refresh/clock.ts';

/** What the balances service knows about one account. */
export interface AccountState {
  account: AccountSummary;
  portfolio: Portfolio | null;
  /** Epoch ms of the last successful refresh (REST Balance), which pushed prices do not move. */
  fetchedAt: number | null;
  previousTotal: string | null;
  error: IpcError | null;
  refreshing: boolean;
  staleTimer: TimerHandle | null;
  /** The key's live stream (and the ticker, when the account has prices to watch) is healthy. */
  live: boolean;
  /** Why live updates are off, when the user can act on it. */
  note: string | null;
  /** Pushed prices moved its value since it was last valued. */
  repriced: boolean;
}

export function newAccountState(account: AccountSummary): AccountState {
  return { account, portfolio: null, fetchedAt: null, previousTotal: null, error: null, refreshing: false, staleTimer: null, live: false, note: null, repriced: false };
}

/** Data counts as stale once it is this much older than one interval: a missed refresh plus slack. */
const STALE_SLACK_MS = 30_000;

export function staleAfterMs(intervalMs: number): number {
  return intervalMs * 2 + STALE_SLACK_MS;
}

/** The account's pace and the user's setting, for its status and its update mode. */
export interface Pace {
  /** Epoch ms now. */
  readonly now: number;
  /** Between automatic refreshes of this account now (longer while live). */
  readonly intervalMs: number;
  readonly userIntervalSec: number;
  /** Epoch ms of its next automatic refresh, or null. */
  readonly nextRefreshAt: number | null;
}

function status(state: AccountState, pace: Pace): RefreshStatus {
  if (state.refreshing) return 'refreshing';
  if (state.error !== null) return 'error';
  if (state.fetchedAt === null) return 'idle';
  return pace.now - state.fetchedAt >= staleAfterMs(pace.intervalMs) ? 'stale' : 'fresh';
}

/** The account as the window and the tray see it. */
export function describeAccount(state: AccountState, pace: Pace): AccountBalances {
  const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());
  return {
    accountId: state.account.id,
    status: status(state, pace),
    portfolio: state.portfolio,
    fetchedAt: iso(state.fetchedAt),
    nextRefreshAt: iso(pace.nextRefreshAt),
    previousTotal: state.previousTotal,
    error: state.error,
    updates: { live: state.live, intervalSec: pace.userIntervalSec, note: state.note },
  };
}

/** Arms the moment the account's data turns stale by time alone (no refresh for two intervals). */
export function armStaleTimer(state: AccountState, clock: Clock, intervalMs: number, onStale: () => void): void {
  clearStaleTimer(state, clock);
  if (state.fetchedAt === null) return;
  const due = state.fetchedAt + staleAfterMs(intervalMs) - clock.now();
  state.staleTimer = clock.setTimeout(() => {
    state.staleTimer = null;
    onStale();
  }, Math.max(0, due));
}

export function clearStaleTimer(state: AccountState, clock: Clock): void {
  if (state.staleTimer !== null) clock.clearTimeout(state.staleTimer);
  state.staleTimer = null;
}

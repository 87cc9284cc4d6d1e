import type { AccountBalances, AccountSummary, IpcError, Portfolio, RefreshStatus } from '../../ipc/contract.ts';
import type { Clock, TimerHandle } from '../refresh/clock.ts';
import { lastKnownPortfolio, type LastKnown } from './last-known.ts';

/** What the balances service knows about one account. */
export interface AccountState {
  account: AccountSummary;
  portfolio: Portfolio | null;
  /**
   * Epoch ms of the balances shown: the last successful refresh (REST Balance) that brought them, or
   * history's last record. Pushed prices do not move it.
   */
  fetchedAt: number | null;
  /** The portfolio is history's last record, not yet replaced by an answer from Kraken. */
  fromHistory: boolean;
  /** The total of the last priced portfolio (a refresh without prices keeps it), for the next change. */
  lastTotal: { total: string; quote: string } | null;
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

/**
 * A new account's state. With what history last recorded for it, that shows at once (instant start),
 * marked as from history, until Kraken answers.
 */
export function newAccountState(account: AccountSummary, last: LastKnown | null): AccountState {
  const state: AccountState = {
    account, portfolio: null, fetchedAt: null, fromHistory: false, lastTotal: null, previousTotal: null, error: null,
    refreshing: false, staleTimer: null, live: false, note: null, repriced: false,
  };
  if (last === null) return state;
  return { ...state, portfolio: lastKnownPortfolio(last), fetchedAt: last.at, fromHistory: true, lastTotal: { total: last.total, quote: last.quote } };
}

/** A successful refresh: its portfolio, and the change measured from the last priced total (or history's). */
export function keepRefreshed(state: AccountState, portfolio: Portfolio, at: number, lastKnown: LastKnown | null): void {
  const previous = state.lastTotal ?? lastKnown;
  state.previousTotal = previous !== null && previous.quote === portfolio.quote ? previous.total : null;
  state.lastTotal = { total: portfolio.total, quote: portfolio.quote };
  Object.assign(state, { portfolio, fetchedAt: at, fromHistory: false, error: null });
}

/** Balances that arrived without prices: shown, but no change is measured from them (the caller sets the error). */
export function keepUnpriced(state: AccountState, portfolio: Portfolio, at: number): void {
  Object.assign(state, { portfolio, fetchedAt: at, fromHistory: false, previousTotal: null });
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

/** Older than a missed refresh allows, or never answered by Kraken in this run. */
function isOld(state: AccountState, pace: Pace): boolean {
  return state.fromHistory || (state.fetchedAt !== null && pace.now - state.fetchedAt >= staleAfterMs(pace.intervalMs));
}

function status(state: AccountState, pace: Pace): RefreshStatus {
  if (state.refreshing) return 'refreshing';
  if (state.error !== null) return 'error';
  if (state.fetchedAt === null) return 'idle';
  return isOld(state, pace) ? 'stale' : 'fresh';
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
    // Whatever runs now (a retry too), balances not brought by a working refresh stay marked.
    stale: state.portfolio !== null && (state.error !== null || isOld(state, pace)),
    fromHistory: state.fromHistory,
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

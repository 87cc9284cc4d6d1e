// Accounts combined into one view, by one rule for the window's "All accounts" and the tray's totals.
import type { AccountBalances, AccountSummary, BalanceRow, EarnSummary, IpcError, Portfolio, RefreshStatus, RowEarn } from '../ipc/contract.ts';
import { Decimal, sumDecimals, type DecimalValue } from './decimal.ts';
import { combineUpdates, type ScopeUpdates } from './update-mode.ts';

/** An error of one account, for the header to show beside the balances it could not refresh. */
export interface AccountError {
  readonly accountId: string;
  readonly label: string;
  readonly error: IpcError;
}

/** What the balances view shows for one scope: a single account, or all of them combined. */
export interface ScopeBalances {
  readonly quote: string;
  readonly rows: readonly BalanceRow[];
  readonly total: string;
  readonly previousTotal: string | null;
  readonly status: RefreshStatus;
  /** Oldest data on screen (ISO), so "updated" never overstates freshness. */
  readonly fetchedAt: string | null;
  /** Soonest next refresh (ISO). */
  readonly nextRefreshAt: string | null;
  readonly errors: readonly AccountError[];
  readonly unpriced: readonly string[];
  /** At least one account has balances to show. */
  readonly hasData: boolean;
  /** Some balances on screen are not current (AccountBalances.stale): the marker stays while a retry runs. */
  readonly stale: boolean;
  /** Some balances on screen are history's last record from before this start (AccountBalances.fromHistory). */
  readonly fromHistory: boolean;
  /** Every account in scope waits for a time Kraken set (a lockout's end): refreshing sooner cannot help. */
  readonly blockedUntil: string | null;
  /** Demo accounts in the scope whose sample money is left out, because real accounts are in it too. */
  readonly leftOut: readonly AccountSummary[];
  /** Live, or refreshed at the user's interval, and why not live when the user can act on it. */
  readonly updates: ScopeUpdates;
  /** The priced balances with a price a day ago, valued now and then; null when none has one. */
  readonly change24h: Portfolio['change24h'];
  /** Earn allocations of every account in scope; null when none could be read. */
  readonly earn: EarnSummary | null;
}

/**
 * The accounts whose money counts in a combined total. The demo account holds made-up sample money
 * (over $100 M), so it never counts beside a real account: only when it is the only account there is.
 */
export function countedAccounts<T extends Pick<AccountSummary, 'demo'>>(accounts: readonly T[]): T[] {
  const real = accounts.filter((account) => !account.demo);
  return real.length > 0 ? real : [...accounts];
}

const SHARE_DECIMALS = 12;

/** Worst first: one failing account makes the combined view say so. */
const STATUS_ORDER: readonly RefreshStatus[] = ['error', 'refreshing', 'stale', 'idle', 'fresh'];

function combinedStatus(statuses: readonly RefreshStatus[]): RefreshStatus {
  if (statuses.length === 0) return 'idle';
  return STATUS_ORDER.find((status) => statuses.includes(status)) ?? 'idle';
}

function earliest(values: readonly (string | null)[]): string | null {
  const present = values.filter((value): value is string => value !== null);
  if (present.length === 0) return null;
  return present.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

interface Accumulator {
  first: BalanceRow;
  count: number;
  amount: DecimalValue;
  value: DecimalValue | null;
  available: DecimalValue | null;
  held: DecimalValue | null;
  earn: RowEarn | null;
}

const orNull = (value: string | null): DecimalValue | null => (value === null ? null : new Decimal(value));
/** A sum that is unknown as soon as one part is. */
const plusOrNull = (sum: DecimalValue | null, value: string | null): DecimalValue | null => (sum === null || value === null ? null : sum.plus(value));

function mergeEarn(a: RowEarn | null, b: RowEarn | null): RowEarn | null {
  if (a === null || b === null) return a ?? b;
  return { allocations: [...a.allocations, ...b.allocations], sharedWith: [...new Set([...a.sharedWith, ...b.sharedWith])] };
}

/** Adds one account's row to the sums by Kraken code; `value` is null when it is not in the quote's total. */
function addRow(merged: Map<string, Accumulator>, row: BalanceRow, value: DecimalValue | null): void {
  const seen = merged.get(row.asset);
  if (seen === undefined) {
    merged.set(row.asset, { first: row, count: 1, amount: new Decimal(row.amount), value, available: orNull(row.available), held: orNull(row.held), earn: row.earn });
    return;
  }
  seen.count += 1;
  seen.amount = seen.amount.plus(row.amount);
  seen.value = seen.value !== null && value !== null ? seen.value.plus(value) : null;
  seen.available = plusOrNull(seen.available, row.available);
  seen.held = plusOrNull(seen.held, row.held);
  seen.earn = mergeEarn(seen.earn, row.earn);
}

/** A row held by one account keeps the strings exactly as main sent them; only sums are recomputed. */
function mergedRow({ first, count, amount, value, available, held, earn }: Accumulator, reciprocal: DecimalValue | null): BalanceRow {
  return {
    ...first,
    amount: count === 1 ? first.amount : amount.toFixed(),
    available: count === 1 ? first.available : (available?.toFixed() ?? null),
    held: count === 1 ? first.held : (held?.toFixed() ?? null),
    earn: count === 1 ? first.earn : earn,
    price: value === null ? null : first.price,
    change24hPct: value === null ? null : first.change24hPct,
    value: value === null ? null : count === 1 ? first.value : value.toFixed(),
    share: value === null || reciprocal === null ? null : value.times(reciprocal).toFixed(SHARE_DECIMALS),
  };
}

/** The 24 h change of every same-quote portfolio that has one, summed. */
function combineDayChange(portfolios: readonly Portfolio[]): Portfolio['change24h'] {
  const parts = portfolios.flatMap((portfolio) => (portfolio.change24h === null ? [] : [portfolio.change24h]));
  if (parts.length === 0) return null;
  return { now: sumDecimals(parts.map((part) => part.now)), before: sumDecimals(parts.map((part) => part.before)) };
}

function combineEarn(portfolios: readonly Portfolio[]): EarnSummary | null {
  const parts = portfolios.flatMap((portfolio) => (portfolio.earn === null ? [] : [portfolio.earn]));
  if (parts.length === 0) return null;
  return {
    allocated: sumDecimals(parts.map((part) => part.allocated)),
    rewarded: sumDecimals(parts.map((part) => part.rewarded)),
    unpriced: [...new Set(parts.flatMap((part) => part.unpriced))],
    unmatched: [...new Set(parts.flatMap((part) => part.unmatched))],
    count: parts.reduce((count, part) => count + part.count, 0),
  };
}

/**
 * Sums the accounts in `all` into one view, leaving a demo account out when real ones are there
 * (countedAccounts). Rows are merged by Kraken code with exact decimal sums;
 * a row's value is unpriced if any account could not price it or priced it in another quote currency
 * (an account still catching up after a quote change), so a sum never mixes currencies.
 */
export function combineBalances(all: readonly AccountBalances[], accounts: readonly AccountSummary[], quote: string): ScopeBalances {
  const labels = new Map(accounts.map((account) => [account.id, account.label]));
  const inScope = accounts.filter((account) => all.some((entry) => entry.accountId === account.id));
  const counted = new Set(countedAccounts(inScope).map((account) => account.id));
  const leftOut = inScope.filter((account) => !counted.has(account.id));
  // Balances of an account not (yet) in the list count as real: only a known demo is ever left out.
  const balances = leftOut.length === 0 ? all : all.filter((entry) => !leftOut.some((account) => account.id === entry.accountId));
  const withData = balances.filter((entry) => entry.portfolio !== null);
  const scope = {
    quote,
    status: combinedStatus(balances.map((entry) => entry.status)),
    fetchedAt: earliest(withData.map((entry) => entry.fetchedAt)),
    nextRefreshAt: earliest(balances.map((entry) => entry.nextRefreshAt)),
    errors: balances.flatMap((entry) =>
      entry.error === null ? [] : [{ accountId: entry.accountId, label: labels.get(entry.accountId) ?? 'An account', error: entry.error }],
    ),
    hasData: withData.length > 0,
    stale: withData.some((entry) => entry.stale),
    fromHistory: withData.some((entry) => entry.fromHistory),
    blockedUntil: balances.length > 0 && balances.every((entry) => entry.error?.retryAt !== undefined)
      ? earliest(balances.map((entry) => entry.error?.retryAt ?? null))
      : null,
    leftOut,
    updates: combineUpdates(balances, labels),
  };
  const single = withData.length === 1 ? withData[0]?.portfolio : undefined;
  if (single && single.quote === quote) {
    // One account: exactly what main sent, nothing recomputed.
    const only = withData[0];
    return { ...scope, rows: single.rows, total: single.total, previousTotal: only?.previousTotal ?? null, unpriced: single.unpriced, change24h: single.change24h, earn: single.earn };
  }
  const merged = new Map<string, Accumulator>();
  // What no total includes: what an account could not price, and everything valued in another quote.
  // (A row without a value is not always unpriced: history's last record has a total but no row values.)
  const unpricedCodes = new Set<string>();
  const inQuote = withData.flatMap((entry) => (entry.portfolio !== null && entry.portfolio.quote === quote ? [entry.portfolio] : []));
  let total = new Decimal('0');
  let previous: DecimalValue | null = withData.length > 0 ? new Decimal('0') : null;

  for (const entry of withData) {
    const portfolio = entry.portfolio;
    if (portfolio === null) continue;
    const sameQuote = portfolio.quote === quote;
    if (sameQuote) total = total.plus(portfolio.total);
    for (const code of sameQuote ? portfolio.unpriced : portfolio.rows.map((row) => row.asset)) unpricedCodes.add(code);
    previous = previous !== null && sameQuote && entry.previousTotal !== null ? previous.plus(entry.previousTotal) : null;
    for (const row of portfolio.rows) addRow(merged, row, sameQuote && row.value !== null ? new Decimal(row.value) : null);
  }

  // One division, then a multiplication per row: big.js divides far slower than it multiplies, and the
  // reciprocal's 30 places are well beyond the 12 kept.
  const reciprocal = total.eq('0') ? null : new Decimal('1').div(total);
  const rows = [...merged.values()].map((sum) => mergedRow(sum, reciprocal));

  return {
    ...scope,
    rows,
    total: total.toFixed(),
    previousTotal: previous === null ? null : previous.toFixed(),
    unpriced: rows.filter((row) => unpricedCodes.has(row.asset)).map((row) => row.asset),
    change24h: combineDayChange(inQuote),
    earn: combineEarn(inQuote),
  };
}

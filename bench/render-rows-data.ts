// Sample data for bench/render-rows.ts: one account holding `count` balances, valued exactly (big.js),
// with a read-only .S sibling for every fifth asset so the table also has grouped lines. Every line has a
// price with its 24 h change and BalanceEx's available and held amounts (every seventh holds some in open
// orders), and every .S line an Earn allocation behind it: all the columns and sub-lines the table shows.
import type { AccountBalances, AccountSummary, AppInfo, BalanceRow, RowEarn, Settings } from '../ipc/contract.ts';
import { Decimal } from '../shared/decimal.ts';
import { readNumberLocale } from '../shared/number-locale.ts';

export interface BenchData {
  info: AppInfo;
  settings: Settings;
  accounts: AccountSummary[];
  balances: AccountBalances[];
}

function code(index: number): string {
  return `T${index.toString(36).toUpperCase().padStart(4, '0')}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BENCH_EPOCH = Date.parse('2026-01-01T00:00:00.000Z');

/** An Earn allocation behind a staked line: part of it unbonding, rewards so far and a payout due. */
function benchEarn(asset: string, staked: string, i: number): RowEarn {
  const unbonding = i % 2 === 0 ? { amount: new Decimal(staked).div('10').toFixed(8), endsAt: new Date(BENCH_EPOCH + (i % 9) * DAY_MS).toISOString() } : null;
  return {
    allocations: [{
      strategyId: `BENCH-${asset}`,
      asset,
      allocated: staked,
      bonding: null,
      unbonding,
      rewarded: new Decimal(staked).div('50').toFixed(8),
      payout: { accumulated: '0.01', estimated: '0.02', at: new Date(BENCH_EPOCH + (i % 5) * DAY_MS).toISOString() },
    }],
    sharedWith: [],
  };
}

/** Amounts and prices from a fixed recipe (no randomness), so every run renders the same table. */
function rawRows(count: number): Omit<BalanceRow, 'share'>[] {
  const rows: Omit<BalanceRow, 'share'>[] = [];
  for (let i = 0; rows.length < count; i += 1) {
    const base = code(i);
    const amount = `${(i * 7919) % 100000}.${String((i * 104729) % 100000000).padStart(8, '0')}`;
    const price = `${1 + (i % 50)}.${String((i * 31) % 10000).padStart(4, '0')}`;
    const value = new Decimal(amount).times(price).toFixed();
    const change24hPct = `${i % 3 === 0 ? '-' : ''}${i % 9}.${String(i % 100).padStart(2, '0')}`;
    const held = i % 7 === 0 ? new Decimal(amount).div('4').toFixed(8) : '0';
    const available = new Decimal(amount).minus(held).toFixed();
    rows.push({ asset: base, base, extension: null, unbondingDays: null, readOnly: false, amount, price, value, change24hPct, available, held, earn: null });
    if (i % 5 === 0 && rows.length < count) {
      const staked = new Decimal(amount).div('3').toFixed(10);
      const stakedValue = new Decimal(staked).times(price).toFixed();
      rows.push({ asset: `${base}.S`, base, extension: 'S', unbondingDays: null, readOnly: true, amount: staked, price, value: stakedValue, change24hPct, available: staked, held: '0', earn: benchEarn(base, staked, i) });
    }
  }
  return rows;
}

function withShares(rows: readonly Omit<BalanceRow, 'share'>[]): { rows: BalanceRow[]; total: string } {
  const total = rows.reduce((sum, row) => (row.value === null ? sum : sum.plus(row.value)), new Decimal('0'));
  const sorted = rows
    .map((row) => ({ ...row, share: row.value === null ? null : new Decimal(row.value).div(total).toFixed(12) }))
    .sort((a, b) => new Decimal(b.value ?? '0').cmp(a.value ?? '0'));
  return { rows: sorted, total: total.toFixed() };
}

function benchEarnSummary(rows: readonly BalanceRow[]): NonNullable<AccountBalances['portfolio']>['earn'] {
  const earning = rows.filter((row) => row.earn !== null);
  const allocated = earning.reduce((sum, row) => sum.plus(row.value ?? '0'), new Decimal('0'));
  return { allocated: allocated.toFixed(), rewarded: allocated.div('50').toFixed(), unpriced: [], unmatched: [], count: earning.length };
}

export function benchData(count: number, now = Date.now()): BenchData {
  const { rows, total } = withShares(rawRows(count));
  return {
    info: { name: 'Kraken Balances', version: 'bench', platform: 'linux', storage: { backend: 'gnome_libsecret', level: 'os', weakAccepted: false, weakConsent: null }, startupNotices: [], numberLocale: readNumberLocale('en-US'), notificationFailure: null, krakenServer: 'https://api.kraken.com' },
    settings: {
      refreshIntervalSec: 60, quoteCurrency: 'USD', rebaseMultiplier: 'rebased', tier: 'starter', launchAtLogin: false, startMinimized: false,
      closeToTray: true, theme: 'light', charts: 'auto', privacyMode: false, hideSmallBelow: '0', notifyOnChange: false, notifyThresholdPercent: '5', autoUpdate: true,
    },
    accounts: [{ id: 'bench', label: 'Bench account', keyFingerprint: 'kraken:bench', addedAt: new Date(now).toISOString(), hasOtp: false, demo: false, lastCheck: null }],
    balances: [{
      accountId: 'bench',
      status: 'fresh',
      portfolio: { quote: 'USD', rows, total, unpriced: [], change24h: { now: total, before: new Decimal(total).times('0.98').toFixed() }, earn: benchEarnSummary(rows) },
      fetchedAt: new Date(now).toISOString(),
      nextRefreshAt: new Date(now + 60_000).toISOString(),
      previousTotal: null,
      error: null,
      stale: false,
      fromHistory: false,
      updates: { live: true, intervalSec: 60, note: null },
    }],
  };
}

/**
 * The same account after one balance changed: `asset` gains `delta`, its value follows, and the total
 * and every share are recomputed exactly, as main would send them.
 */
export function withOneBalanceChanged(data: BenchData, asset: string, delta: string): AccountBalances[] {
  const portfolio = data.balances[0]?.portfolio;
  if (!portfolio) throw new Error('bench data has no portfolio');
  const changed = portfolio.rows.map((row) => {
    if (row.asset !== asset) return row;
    const amount = new Decimal(row.amount).plus(delta).toFixed();
    return { ...row, amount, value: row.price === null ? null : new Decimal(amount).times(row.price).toFixed() };
  });
  const { rows, total } = withShares(changed);
  const first = data.balances[0];
  if (!first) throw new Error('bench data has no account');
  return [{ ...first, portfolio: { ...portfolio, rows, total }, previousTotal: portfolio.total }];
}

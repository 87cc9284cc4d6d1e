// Sample data for bench/render-rows.ts: one account holding `count` balances, valued exactly (big.js),
// with a read-only .S sibling for every fifth asset so the table also has grouped lines.
import type { AccountBalances, AccountSummary, AppInfo, BalanceRow, Settings } from '../ipc/contract.ts';
import { Decimal } from '../shared/decimal.ts';

export interface BenchData {
  info: AppInfo;
  settings: Settings;
  accounts: AccountSummary[];
  balances: AccountBalances[];
}

function code(index: number): string {
  return `T${index.toString(36).toUpperCase().padStart(4, '0')}`;
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
    rows.push({ asset: base, base, extension: null, unbondingDays: null, readOnly: false, amount, price, value, change24hPct });
    if (i % 5 === 0 && rows.length < count) {
      const staked = new Decimal(amount).div('3').toFixed(10);
      rows.push({ asset: `${base}.S`, base, extension: 'S', unbondingDays: null, readOnly: true, amount: staked, price, value: new Decimal(staked).times(price).toFixed(), change24hPct });
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

export function benchData(count: number, now = Date.now()): BenchData {
  const { rows, total } = withShares(rawRows(count));
  return {
    info: { name: 'Kraken Balances', version: 'bench', platform: 'linux', storage: { backend: 'gnome_libsecret', level: 'os', weakAccepted: false }, startupNotices: [], locale: 'en-US' },
    settings: {
      refreshIntervalSec: 60, quoteCurrency: 'USD', rebaseMultiplier: 'rebased', tier: 'starter', launchAtLogin: false, startMinimized: false,
      closeToTray: true, theme: 'light', charts: 'auto', privacyMode: false, hideSmallBelow: '0', notifyOnChange: false, notifyThresholdPercent: '5',
    },
    accounts: [{ id: 'bench', label: 'Bench account', keyFingerprint: 'kraken:bench', addedAt: new Date(now).toISOString(), hasOtp: false, demo: false, lastCheck: null }],
    balances: [{
      accountId: 'bench',
      status: 'fresh',
      portfolio: { quote: 'USD', rows, total, unpriced: [] },
      fetchedAt: new Date(now).toISOString(),
      nextRefreshAt: new Date(now + 60_000).toISOString(),
      previousTotal: null,
      error: null,
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

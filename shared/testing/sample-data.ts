// Test data shaped like what main sends: the Balance example from Kraken's docs, valued in USD.
import type { AccountBalances, AccountSummary, BalanceRow, Portfolio } from '../../ipc/contract.ts';
import { parseAssetCode } from '../asset-code.ts';

/** A row as main sends it, its extension and unbonding days read from the code as main reads them. */
export function balanceRow(asset: string, base: string, amount: string, value: string | null, share: string | null = null): BalanceRow {
  const { extension, unbondingDays } = parseAssetCode(asset);
  return { asset, base, extension, unbondingDays, readOnly: extension !== null, amount, price: value === null ? null : '1', value, share, change24hPct: null, available: null, held: null, earn: null };
}

export const SAMPLE_ROWS: readonly BalanceRow[] = [
  balanceRow('XXBT', 'BTC', '1011.1908877900', '98338414.96', '0.9411997'),
  balanceRow('XETH', 'ETH', '818.5500000000', '2987912.14', '0.0286'),
  balanceRow('USD.M', 'USD', '1213029.2780', '1213029.278', '0.0116'),
  balanceRow('ETH2.S', 'ETH', '198.3970800000', '612345.1234', '0.0069'),
  balanceRow('ZEUR', 'EUR', '504861.8946', '547876.13', '0.0052'),
  balanceRow('USDT', 'USDT', '500000.00000000', '500100', '0.0048'),
  balanceRow('ZUSD', 'USD', '171288.6158', '171288.6158', '0.0016'),
  balanceRow('ETH2', 'ETH', '2.5885574330', '9448.88', '0.0001'),
  balanceRow('DOT', 'DOT', '2.5000000000', '17.8085', '0.0000002'),
  balanceRow('USDT.F', 'USDT', '12.5', '12.5025', '0.0000001'),
  balanceRow('FOO', 'FOO', '7', null, null),
];

export function portfolio(rows: readonly BalanceRow[], total: string, quote = 'USD'): Portfolio {
  return { quote, rows: [...rows], total, unpriced: rows.filter((row) => row.value === null).map((row) => row.asset), change24h: null, earn: null };
}

export function accountBalances(accountId: string, partial: Partial<AccountBalances> = {}): AccountBalances {
  return {
    accountId,
    status: 'fresh',
    portfolio: portfolio(SAMPLE_ROWS, '104380435.39'),
    fetchedAt: '2025-01-05T12:00:00.000Z',
    nextRefreshAt: '2025-01-05T12:01:00.000Z',
    previousTotal: null,
    error: null,
    stale: false,
    fromHistory: false,
    updates: { live: false, intervalSec: 60, note: null },
    ...partial,
  };
}

export function account(id: string, label: string, partial: Partial<AccountSummary> = {}): AccountSummary {
  return { id, label, keyFingerprint: `kraken:${id.padEnd(32, '0')}`, addedAt: '2025-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null, ...partial };
}

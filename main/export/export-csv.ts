import type { AccountBalances, AccountSummary, ExportRequest, ExportResult } from '../../ipc/contract.ts';
import { Decimal } from '../../shared/decimal.ts';
import { AppError } from '../app-error.ts';
import type { Snapshot } from '../history/snapshot.ts';
import { decimal, text, toCsv, type CsvCell } from './csv.ts';

// What an export writes, and the steps around it (ask, choose a file, write). The native dialogs and the
// file system come in as functions (main/export/export-dialogs.ts in the app), so this runs in unit tests.

export const BALANCES_HEADER = ['account', 'asset', 'base', 'read_only', 'amount', 'price', 'value', 'quote', 'time'] as const;
export const HISTORY_HEADER = ['time', 'account', 'asset', 'amount', 'price', 'value', 'quote', 'account_total'] as const;

type Label = Pick<AccountSummary, 'id' | 'label'>;

/** The balances on screen: one line per account and Kraken code, exact as Kraken sent and main valued them. */
export function balancesRows(accounts: readonly Label[], balances: readonly AccountBalances[]): CsvCell[][] {
  return accounts.flatMap((account) => {
    const entry = balances.find((candidate) => candidate.accountId === account.id);
    const portfolio = entry?.portfolio;
    if (!entry || !portfolio) return [];
    const time = entry.fetchedAt === null ? null : text(entry.fetchedAt);
    return portfolio.rows.map((row) => [
      text(account.label),
      text(row.asset),
      text(row.base),
      text(row.readOnly ? 'yes' : 'no'),
      decimal(row.amount),
      row.price === null ? null : decimal(row.price),
      row.value === null ? null : decimal(row.value),
      text(portfolio.quote),
      time,
    ]);
  });
}

/** Every snapshot history keeps, one line per asset: amount, the price it was valued at, and amount × price. */
export function historyRows(accounts: readonly Label[], snapshotsOf: (id: string) => readonly Snapshot[]): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const account of accounts) {
    for (const snapshot of snapshotsOf(account.id)) {
      const time = text(new Date(snapshot.at).toISOString());
      for (const [code, amount] of Object.entries(snapshot.amounts)) {
        const price = snapshot.prices?.[code];
        const value = price === undefined ? null : decimal(new Decimal(amount).times(price).toFixed());
        rows.push([time, text(account.label), text(code), decimal(amount), price === undefined ? null : decimal(price), value, text(snapshot.quote), decimal(snapshot.total)]);
      }
    }
  }
  return rows;
}

export interface ExportDeps {
  accounts(): readonly AccountSummary[];
  balances(): readonly AccountBalances[];
  snapshots(accountId: string): readonly Snapshot[];
  privacyMode(): boolean;
  /** Asks first when `askFirst` (privacy mode), then the save dialog; null when the user cancelled either. */
  choosePath(request: { suggestedName: string; askFirst: boolean }): Promise<string | null>;
  writeFile(filePath: string, contents: string): Promise<void>;
  now(): number;
}

/** kraken-balances-2026-11-30-0912.csv (local time, as the user reads the clock), or kraken-history-…. */
export function suggestedFileName(kind: ExportRequest['kind'], now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `kraken-${kind}-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.csv`;
}

export async function exportCsv(deps: ExportDeps, request: ExportRequest): Promise<ExportResult> {
  const accounts = deps.accounts().filter((account) => request.accountId === undefined || account.id === request.accountId);
  if (request.accountId !== undefined && accounts.length === 0) {
    throw new AppError('unknown-account', 'That account no longer exists.', { hint: 'Reopen the account list and try again.' });
  }
  const rows = request.kind === 'balances' ? balancesRows(accounts, deps.balances()) : historyRows(accounts, (id) => deps.snapshots(id));
  if (rows.length === 0) {
    const what = request.kind === 'balances' ? 'No balances have been loaded yet' : 'No history has been recorded yet';
    throw new AppError('nothing-to-export', `${what}, so there is nothing to export.`, { hint: 'Try again after the next refresh.' });
  }
  const filePath = await deps.choosePath({ suggestedName: suggestedFileName(request.kind, deps.now()), askFirst: deps.privacyMode() });
  if (filePath === null) return { saved: false };
  const csv = toCsv(request.kind === 'balances' ? BALANCES_HEADER : HISTORY_HEADER, rows);
  try {
    await deps.writeFile(filePath, csv);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'the folder is not writable' : 'the file could not be written';
    throw new AppError('export-failed', `The export was not saved: ${reason}.`, { hint: 'Choose another folder and try again.', cause: error });
  }
  return { saved: true, fileName: baseName(filePath), rows: rows.length };
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).at(-1) ?? filePath;
}

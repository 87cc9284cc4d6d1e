import { describe, expect, it, vi } from 'vitest';
import type { AccountBalances } from '../../ipc/contract.ts';
import { account, accountBalances, balanceRow, portfolio } from '../../shared/testing/sample-data.ts';
import { AppError } from '../app-error.ts';
import type { Snapshot } from '../history/snapshot.ts';
import { exportCsv, suggestedFileName, type ExportDeps } from './export-csv.ts';

const accounts = [account('a', '=cmd|/C calc!A0'), account('b', 'Savings')];
const balances: AccountBalances[] = [
  accountBalances('a', { portfolio: portfolio([balanceRow('XXBT', 'BTC', '1011.1908877900', '98338414.96'), balanceRow('FOO', 'FOO', '7', null)], '98338414.96') }),
];
const snapshots: Record<string, Snapshot[]> = {
  b: [
    { at: Date.UTC(2026, 0, 1), quote: 'EUR', total: '100.5', amounts: { XXBT: '0.0010000000', '-X': '2' }, prices: { XXBT: '50000.25' } },
  ],
};

function deps(overrides: Partial<ExportDeps> = {}) {
  const written: { path: string; contents: string }[] = [];
  const value: ExportDeps = {
    accounts: () => accounts,
    balances: () => balances,
    snapshots: (id) => snapshots[id] ?? [],
    privacyMode: () => false,
    choosePath: () => Promise.resolve('/home/me/out.csv'),
    writeFile: (path, contents) => {
      written.push({ path, contents });
      return Promise.resolve();
    },
    now: () => new Date(2026, 10, 30, 9, 5).getTime(),
    ...overrides,
  };
  return { value, written };
}

describe('exportCsv', () => {
  it('writes the balances exactly, one line per account and code, labels made safe', async () => {
    const { value, written } = deps();
    await expect(exportCsv(value, { kind: 'balances' })).resolves.toEqual({ saved: true, fileName: 'out.csv', rows: 2 });
    expect(written[0]?.contents.split('\r\n')).toEqual([
      'account,asset,base,read_only,amount,price,value,quote,time',
      "'=cmd|/C calc!A0,XXBT,BTC,no,1011.1908877900,1,98338414.96,USD,2025-01-05T12:00:00.000Z",
      "'=cmd|/C calc!A0,FOO,FOO,no,7,,,USD,2025-01-05T12:00:00.000Z",
      '',
    ]);
  });

  it('writes history per snapshot per asset with amount × price computed exactly', async () => {
    const { value, written } = deps();
    await exportCsv(value, { kind: 'history', accountId: 'b' });
    expect(written[0]?.contents.split('\r\n')).toEqual([
      'time,account,asset,amount,price,value,quote,account_total',
      '2026-01-01T00:00:00.000Z,Savings,XXBT,0.0010000000,50000.25,50.00025,EUR,100.5',
      "2026-01-01T00:00:00.000Z,Savings,'-X,2,,,EUR,100.5",
      '',
    ]);
  });

  it('asks first in privacy mode, and writes nothing when the user cancels', async () => {
    const choosePath = vi.fn(() => Promise.resolve(null));
    const { value, written } = deps({ privacyMode: () => true, choosePath });
    await expect(exportCsv(value, { kind: 'balances' })).resolves.toEqual({ saved: false });
    expect(choosePath).toHaveBeenCalledWith({ suggestedName: 'kraken-balances-2026-11-30-0905.csv', askFirst: true });
    expect(written).toEqual([]);
  });

  it('says so in words when there is nothing to export or the file cannot be written', async () => {
    await expect(exportCsv(deps().value, { kind: 'history', accountId: 'a' })).rejects.toMatchObject({ code: 'nothing-to-export' });
    await expect(exportCsv(deps().value, { kind: 'balances', accountId: 'gone' })).rejects.toMatchObject({ code: 'unknown-account' });
    const failing = deps({ writeFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) }).value;
    const error = await exportCsv(failing, { kind: 'balances' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'export-failed', message: 'The export was not saved: the folder is not writable.' });
  });

  it('suggests a dated file name in local time', () => {
    expect(suggestedFileName('history', new Date(2026, 0, 2, 3, 4).getTime())).toBe('kraken-history-2026-01-02-0304.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { account, accountBalances, balanceRow, portfolio } from './testing/sample-data.ts';
import { combineBalances, countedAccounts } from './combine.ts';
import { Decimal } from './decimal.ts';

const accounts = [account('a', 'Main'), account('b', 'Savings')];

describe('combineBalances', () => {
  it('passes one account through with the strings exactly as main sent them', () => {
    const scope = combineBalances([accountBalances('a')], accounts, 'USD');
    const eth2 = scope.rows.find((row) => row.asset === 'ETH2.S');
    expect(eth2?.amount).toBe('198.3970800000');
    expect(eth2?.value).toBe('612345.1234');
    expect(scope.total).toBe('104380435.39');
    expect(scope.unpriced).toEqual(['FOO']);
    expect(scope.hasData).toBe(true);
  });

  it('sums accounts exactly, per Kraken code, and recomputes shares from the combined total', () => {
    const a = accountBalances('a', { portfolio: portfolio([balanceRow('XXBT', 'BTC', '0.1', '0.1', '0.5'), balanceRow('ZUSD', 'USD', '0.1', '0.1', '0.5')], '0.2'), previousTotal: '0.1' });
    const b = accountBalances('b', { portfolio: portfolio([balanceRow('XXBT', 'BTC', '0.2', '0.2', '1')], '0.2'), previousTotal: '0.3' });
    const scope = combineBalances([a, b], accounts, 'USD');
    expect(scope.total).toBe('0.4');
    expect(scope.previousTotal).toBe('0.4');
    expect(scope.rows.map((row) => [row.asset, row.amount, row.value, row.share])).toEqual([
      ['XXBT', '0.3', '0.3', '0.750000000000'],
      ['ZUSD', '0.1', '0.1', '0.250000000000'],
    ]);
  });

  it('keeps the stale mark and history marker of any account, and knows when every account must wait', () => {
    const later = '2025-01-05T12:15:00.000Z';
    const sooner = '2025-01-05T12:05:00.000Z';
    const fresh = accountBalances('a');
    const history = accountBalances('b', { status: 'refreshing', stale: true, fromHistory: true });
    expect(combineBalances([fresh, history], accounts, 'USD')).toMatchObject({ stale: true, fromHistory: true, blockedUntil: null });
    expect(combineBalances([fresh], accounts, 'USD')).toMatchObject({ stale: false, fromHistory: false });
    const locked = (id: string, retryAt: string) => accountBalances(id, { status: 'error', stale: true, error: { code: 'lockout', kind: 'transient', message: 'Locked.', retryAt } });
    expect(combineBalances([locked('a', later), accountBalances('b')], accounts, 'USD').blockedUntil).toBeNull();
    expect(combineBalances([locked('a', later), locked('b', sooner)], accounts, 'USD').blockedUntil).toBe(sooner);
  });

  it('history\'s rows have no value but are in the total: not listed as unpriced when combined', () => {
    const remembered = accountBalances('b', { fromHistory: true, stale: true, portfolio: { ...portfolio([balanceRow('DOT', 'DOT', '3', null, null)], '20'), unpriced: [] } });
    const scope = combineBalances([accountBalances('a'), remembered], accounts, 'USD');
    expect(scope.unpriced).toEqual(['FOO']);
    expect(scope.total).toBe('104380455.39');
  });

  it('never mixes quote currencies: rows valued in another quote count as unpriced', () => {
    const a = accountBalances('a', { portfolio: portfolio([balanceRow('XXBT', 'BTC', '1', '90000', '1')], '90000', 'EUR') });
    const b = accountBalances('b', { portfolio: portfolio([balanceRow('XXBT', 'BTC', '1', '97000', '1')], '97000') });
    const scope = combineBalances([a, b], accounts, 'USD');
    expect(scope.total).toBe('97000');
    expect(scope.rows[0]).toMatchObject({ amount: '2', value: null, share: null });
    expect(scope.previousTotal).toBeNull();
  });

  it('reports the worst status, the oldest data, the soonest refresh and every error', () => {
    const failed = { code: 'network', message: 'Could not reach Kraken.', hint: 'Check your connection.' };
    const a = accountBalances('a', { status: 'error', error: failed, fetchedAt: '2025-01-05T11:00:00.000Z', nextRefreshAt: '2025-01-05T12:05:00.000Z' });
    const b = accountBalances('b', { status: 'refreshing', nextRefreshAt: '2025-01-05T12:00:30.000Z' });
    const scope = combineBalances([a, b], accounts, 'USD');
    expect(scope.status).toBe('error');
    expect(scope.fetchedAt).toBe('2025-01-05T11:00:00.000Z');
    expect(scope.nextRefreshAt).toBe('2025-01-05T12:00:30.000Z');
    expect(scope.errors).toEqual([{ accountId: 'a', label: 'Main', error: failed }]);
  });

  it('has no data before the first portfolio arrives', () => {
    const scope = combineBalances([accountBalances('a', { portfolio: null, status: 'idle', fetchedAt: null })], accounts, 'USD');
    expect(scope).toMatchObject({ hasData: false, total: '0', previousTotal: null, status: 'idle', rows: [] });
  });
});

describe('the demo account in a combined total', () => {
  const demo = account('d', 'Demo account', { demo: true, keyFingerprint: '' });
  const real = accountBalances('a', { portfolio: portfolio([balanceRow('XXBT', 'BTC', '0.5', '50000', '1')], '50000'), previousTotal: '40000' });
  const sample = accountBalances('d', { status: 'refreshing', previousTotal: '104380435.39' });

  it('never adds its sample money to a real account’s', () => {
    const scope = combineBalances([real, sample], [accounts[0] ?? account('a', 'Main'), demo], 'USD');
    expect(scope.total).toBe('50000');
    expect(scope.previousTotal).toBe('40000');
    expect(scope.rows.map((row) => [row.asset, row.amount])).toEqual([['XXBT', '0.5']]);
    expect(scope.unpriced).toEqual([]);
    expect(scope.status).toBe('fresh');
    expect(scope.leftOut).toEqual([demo]);
  });

  it('counts when it is the only account, or the scope is the demo account itself', () => {
    expect(combineBalances([sample], [demo], 'USD')).toMatchObject({ total: '104380435.39', leftOut: [] });
    expect(combineBalances([sample], [account('a', 'Main'), demo], 'USD')).toMatchObject({ total: '104380435.39', leftOut: [] });
  });

  it('picks the counted accounts: real ones when there are any, else all', () => {
    expect(countedAccounts([demo, account('a', 'Main')]).map((a) => a.id)).toEqual(['a']);
    expect(countedAccounts([demo]).map((a) => a.id)).toEqual(['d']);
    expect(countedAccounts([])).toEqual([]);
  });
});

describe('combineBalances: 24 h change, funds and Earn (issue 13, points 5, 11, 12)', () => {
  const earn = (allocated: string, unmatched: string[] = []) => ({ allocated, rewarded: '1', unpriced: [], unmatched, count: 1 });
  const withExtras = (id: string, dayChange: { now: string; before: string } | null, summary: ReturnType<typeof earn> | null, held = '0') => {
    const row = { ...balanceRow('XXBT', 'BTC', '1', '100', '1'), available: new Decimal('1').minus(held).toFixed(), held };
    return accountBalances(id, { portfolio: { ...portfolio([row], '100'), change24h: dayChange, earn: summary } });
  };

  it('sums the 24 h change, what open orders hold and the Earn summaries of the accounts that have them', () => {
    const all = [withExtras('a', { now: '100', before: '90' }, earn('5', ['DOT'])), withExtras('b', null, earn('7', ['DOT']), '0.5'), withExtras('c', { now: '100', before: '95' }, null)];
    const scope = combineBalances(all, [...accounts, account('c', 'Third')], 'USD');
    expect(scope.change24h).toEqual({ now: '200', before: '185' });
    expect(scope.earn).toEqual({ allocated: '12', rewarded: '2', unpriced: [], unmatched: ['DOT'], count: 2 });
    expect(scope.rows[0]).toMatchObject({ amount: '3', available: '2.5', held: '0.5' });
  });

  it('passes a single account\'s figures through and knows nothing when no account has them', () => {
    expect(combineBalances([withExtras('a', { now: '1', before: '2' }, earn('5'))], accounts, 'USD')).toMatchObject({ change24h: { now: '1', before: '2' }, earn: earn('5') });
    const none = combineBalances([withExtras('a', null, null), withExtras('b', null, null)], accounts, 'USD');
    expect([none.change24h, none.earn]).toEqual([null, null]);
  });
});

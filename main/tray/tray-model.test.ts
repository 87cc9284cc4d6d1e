import { describe, expect, it } from 'vitest';
import type { AccountBalances, BalanceRow } from '../../ipc/contract.ts';
import { readNumberLocale } from '../../shared/number-locale.ts';
import { account, balanceRow as row } from '../../shared/testing/sample-data.ts';
import { trayModel, type TrayInput } from './tray-model.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);

const balances = (id: string, rows: BalanceRow[], total: string, patch: Partial<AccountBalances> = {}): AccountBalances => ({
  accountId: id,
  status: 'fresh',
  portfolio: { quote: 'USD', total, unpriced: [], change24h: null, earn: null, rows },
  fetchedAt: new Date(NOW - 3 * 60_000).toISOString(),
  nextRefreshAt: null,
  previousTotal: null,
  error: null,
  stale: false,
  fromHistory: false,
  updates: { live: false, intervalSec: 60, note: null },
  ...patch,
});

const main = balances('a', [
  row('XXBT', 'BTC', '1011.1908877900', '98338414.956666279'),
  row('ZUSD', 'USD', '171288.6158', '171288.6158'),
  row('ETH2.S', 'ETH', '198.3970800000', '724202.07'),
  row('DOT', 'DOT', '2.5', '17.8085'),
  row('XETH', 'ETH', '818.55', '2987912.13'),
  row('DAI', 'DAI', '9999.9999999999', '9998.99'),
  row('FOO', 'FOO', '5', null),
], '102241834.5441');

const input = (patch: Partial<TrayInput> = {}): TrayInput => ({
  appName: 'Kraken Balances',
  settings: { privacyMode: false, quoteCurrency: 'USD' },
  accounts: [account('a', 'Main'), account('b', 'Savings')],
  balances: [main, balances('b', [row('XXBT', 'BTC', '0.5', '48625.05')], '48625.05', { fetchedAt: new Date(NOW - 30_000).toISOString() })],
  locale: readNumberLocale('en-US'),
  now: NOW,
  platform: 'darwin',
  paused: null,
  ...patch,
});

const labels = (model: ReturnType<typeof trayModel>): string[] =>
  model.menu.map((item) => (item.kind === 'separator' ? '---' : item.kind === 'toggle' ? `[${item.checked ? 'x' : ' '}] ${item.label}` : item.label));

describe('trayModel', () => {
  it('leaves the demo account’s sample money out of the total once a real account is there', () => {
    const demo = account('d', 'Demo account', { demo: true });
    const sample = balances('d', [row('XXBT', 'BTC', '1000', '97250100'), row('ZEUR', 'EUR', '500000', '542000')], '97792100');
    const model = trayModel(input({ accounts: [account('a', 'Main'), demo], balances: [main, sample] }));
    expect(model.title).toBe('$102,241,834.54');
    expect(model.menu).not.toContainEqual(expect.objectContaining({ asset: 'ZEUR' }));
    // Alone, the demo is what there is to show.
    expect(trayModel(input({ accounts: [demo], balances: [sample] })).title).toBe('$97,792,100.00');
  });

  it('shows the exact combined total, the age of the oldest data, and the top five balances merged across accounts', () => {
    const model = trayModel(input());
    expect(model.icon).toBe('normal');
    expect(model.tooltip).toBe('Kraken Balances — Total $102,290,459.59\nUpdated 3 minutes ago · Every 60 s');
    expect(model.title).toBe('$102,290,459.59');
    expect(labels(model)).toEqual([
      'Total $102,290,459.59',
      'Updated 3 minutes ago · Every 60 s',
      '---',
      'BTC  1,011.69088779 ≈ $98,387,040.01',
      'ETH  818.55 ≈ $2,987,912.13',
      'Staked ETH (read-only)  198.39708 ≈ $724,202.07',
      'USD  171,288.6158 ≈ $171,288.62',
      'DAI  9,999.9999999999 ≈ $9,998.99',
      '---',
      'Refresh now',
      'Show window',
      '[ ] Privacy mode',
      '---',
      'Quit Kraken Balances',
    ]);
    expect(model.menu.filter((item) => item.kind === 'balance' && item.readOnly).map((item) => item.kind === 'balance' && item.asset)).toEqual(['ETH2.S']);
  });

  it('masks every amount in privacy mode with a fixed mask that does not leak the number of digits', () => {
    const model = trayModel(input({ settings: { privacyMode: true, quoteCurrency: 'USD' } }));
    expect(model.tooltip).toBe('Kraken Balances — Total •••••\nUpdated 3 minutes ago · Every 60 s');
    expect(model.title).toBe('•••••');
    const amounts = model.menu.filter((item) => item.kind === 'balance' || (item.kind === 'info' && item.label.startsWith('Total')));
    expect(amounts.map((item) => (item.kind === 'separator' ? '' : item.label)).join('\n')).not.toMatch(/\d/);
    expect(labels(model)).toContain('BTC  •••••');
    expect(labels(model)).toContain('Staked ETH (read-only)  •••••');
    expect(labels(model)).toContain('[x] Privacy mode');
  });

  it('shows an error with the error icon, the account and the message, while keeping the last total', () => {
    const failing = { ...main, status: 'error' as const, error: { code: 'service-unavailable', message: 'Kraken is busy or unavailable right now.' } };
    const model = trayModel(input({ balances: [failing] }));
    expect(model.icon).toBe('error');
    expect(model.tooltip.split('\n')).toEqual([
      'Kraken Balances — Total $102,241,834.54',
      'Updated 3 minutes ago · Every 60 s',
      '⚠ Main: Kraken is busy or unavailable right now.',
    ]);
    expect(labels(model)).toContain('⚠ Main: Kraken is busy or unavailable right now.');
  });

  it('says when data is out of date or the network is gone', () => {
    const stale = { ...main, status: 'stale' as const, fetchedAt: new Date(NOW - 3 * 3600_000).toISOString() };
    const model = trayModel(input({ balances: [stale], paused: 'offline' }));
    expect(model.tooltip.split('\n').slice(1)).toEqual(['Updated 3 hours ago · Every 60 s', 'Balances are out of date', 'Offline: refresh paused until the connection is back']);
  });

  it('has no title on Windows and keeps the tooltip within its 127 characters', () => {
    const failing = { ...main, status: 'error' as const, error: { code: 'x', message: 'A very long message '.repeat(10) } };
    const model = trayModel(input({ platform: 'win32', balances: [failing] }));
    expect(model.title).toBeNull();
    expect(model.tooltip.length).toBeLessThanOrEqual(127);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });

  it('leaves out portfolios still in the previous quote currency right after a switch', () => {
    const model = trayModel(input({ settings: { privacyMode: false, quoteCurrency: 'EUR' } }));
    expect(model.tooltip).toBe('Kraken Balances — No balances yet');
    expect(model.title).toBe('');
  });

  it('offers a downloaded update above the actions, and nothing while none is ready', () => {
    const ready = trayModel(input({ updateReady: { version: '1.2.0' } }));
    expect(ready.menu).toContainEqual({ kind: 'action', id: 'installUpdate', label: 'Restart to update to 1.2.0', enabled: true });
    expect(labels(ready).indexOf('Restart to update to 1.2.0')).toBeLessThan(labels(ready).indexOf('Refresh now'));
    expect(labels(trayModel(input({ updateReady: null })))).not.toContain('Restart to update to 1.2.0');
  });

  it('invites to add an account when there is none', () => {
    const model = trayModel(input({ accounts: [], balances: [] }));
    expect(labels(model).slice(0, 3)).toEqual(['No accounts yet', '---', 'Refresh now']);
    expect(model.menu.find((item) => item.kind === 'action' && item.id === 'refresh')).toMatchObject({ enabled: false });
  });

  it('says it is loading before the first refresh lands, then refreshing with the age', () => {
    const loading = { ...main, status: 'refreshing' as const, portfolio: null, fetchedAt: null };
    expect(trayModel(input({ balances: [loading] })).tooltip).toBe('Kraken Balances — Loading balances…');
    expect(trayModel(input({ balances: [{ ...main, status: 'refreshing' }] })).tooltip).toContain('Updated 3 minutes ago · refreshing…');
  });

  it('says "Live" only while every account is live, else the user\'s interval, as the header does', () => {
    const live = { live: true, intervalSec: 120, note: null };
    const polling = { live: false, intervalSec: 120, note: 'Live updates are off for this key' };
    const second = (updates: AccountBalances['updates'][]) =>
      trayModel(input({ balances: updates.map((mode, i) => balances(i === 0 ? 'a' : 'b', [row('ZUSD', 'USD', '1', '1')], '1', { updates: mode })) })).tooltip.split('\n')[1];
    expect(second([live, live])).toBe('Updated 3 minutes ago · Live');
    expect(second([live, polling])).toBe('Updated 3 minutes ago · Every 2 min');
    expect(second([{ ...polling, intervalSec: 30 }])).toBe('Updated 3 minutes ago · Every 30 s');
  });

  it('counts the age in whole minutes, in the window’s words', () => {
    const aged = (ms: number) => trayModel(input({ balances: [{ ...main, fetchedAt: new Date(NOW - ms).toISOString() }] })).tooltip.split('\n')[1];
    expect([aged(59_000), aged(61_000), aged(2 * 3600_000), aged(25 * 3600_000)]).toEqual(['Updated just now · Every 60 s', 'Updated 1 minute ago · Every 60 s', 'Updated 2 hours ago · Every 60 s', 'Updated yesterday · Every 60 s']);
  });

  it('combines accounts by the rule of the window’s "All accounts": a row priced in another quote is unpriced', () => {
    const usd = balances('a', [row('XXBT', 'BTC', '1', '97000'), row('ZUSD', 'USD', '10', '10')], '97010');
    const eur = balances('b', [row('XXBT', 'BTC', '1', '90000')], '90000', { portfolio: { quote: 'EUR', total: '90000', unpriced: [], change24h: null, earn: null, rows: [row('XXBT', 'BTC', '1', '90000')] } });
    expect(labels(trayModel(input({ balances: [usd, eur] }))).slice(0, 5)).toEqual(['Total $97,010.00', 'Updated 3 minutes ago · Every 60 s', '---', 'USD  10 ≈ $10.00', 'BTC  2 · unpriced']);
  });
});

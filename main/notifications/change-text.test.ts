import { describe, expect, it } from 'vitest';
import { readNumberLocale } from '../../shared/number-locale.ts';
import { balanceRow } from '../../shared/testing/sample-data.ts';
import type { BalanceChange } from './balance-changes.ts';
import { changeNotifications } from './change-text.ts';

const rows = [balanceRow('XXBT', 'BTC', '1', null), balanceRow('ETH2.S', 'ETH', '1', null), balanceRow('DOT', 'DOT', '1', null), balanceRow('USDT', 'USDT', '1', null)];
const change = (asset: string, before: string, after: string, percent: string | null): BalanceChange =>
  ({ asset, before, after, percent, direction: after > before ? 'up' : 'down' });
const en = readNumberLocale('en-US');

describe('changeNotifications', () => {
  it('names the asset as the window does and writes amounts and percentages the locale’s way', () => {
    expect(changeNotifications('Main', [change('XXBT', '1011.1908877900', '1211.19088779', '19.78')], rows, false, en)).toEqual([
      { title: 'BTC balance increased 19.78%', body: 'Main: 1,011.19088779 → 1,211.19088779 BTC' },
    ]);
    expect(changeNotifications('Main', [change('ETH2.S', '0', '2', null)], rows, false, en)[0]).toEqual({ title: 'New Staked ETH balance', body: 'Main: 0 → 2 ETH' });
    expect(changeNotifications('Main', [change('DOT', '4', '2', '-50.00')], rows, false, en)[0]?.title).toBe('DOT balance decreased 50.00%');
    expect(changeNotifications('Haupt', [change('XXBT', '1011.19088779', '1211.1908877900', '19.78')], rows, false, readNumberLocale('de-DE'))).toEqual([
      { title: 'BTC balance increased 19,78\u00a0%', body: 'Haupt: 1.011,19088779 → 1.211,19088779 BTC' },
    ]);
  });

  it('hides amounts and percentages in privacy mode', () => {
    const [text] = changeNotifications('Main', [change('XXBT', '1', '2', '100.00')], rows, true, en);
    expect(text).toEqual({ title: 'BTC balance increased', body: 'Main: amounts hidden (privacy mode)' });
  });

  it('sums up many changes in one notification', () => {
    const many = ['XXBT', 'ETH2.S', 'DOT', 'USDT'].map((a) => change(a, '1', '2', '100.00'));
    const texts = changeNotifications('Main', many, rows, false, en);
    expect(texts).toEqual([{ title: '4 balances changed in Main', body: 'BTC ↑, Staked ETH ↑, DOT ↑, USDT ↑' }]);
  });
});

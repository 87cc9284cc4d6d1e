import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../../ipc/contract.ts';
import type { BalanceChange } from './balance-changes.ts';
import { changeNotifications } from './change-text.ts';

const row = (asset: string, base: string, extension: BalanceRow['extension'] = null): BalanceRow =>
  ({ asset, base, extension, readOnly: extension !== null, amount: '1', price: null, value: null, share: null });
const rows = [row('XXBT', 'BTC'), row('ETH2.S', 'ETH', 'S'), row('DOT', 'DOT'), row('USDT', 'USDT')];
const change = (asset: string, before: string, after: string, percent: string | null): BalanceChange =>
  ({ asset, before, after, percent, direction: after > before ? 'up' : 'down' });

describe('changeNotifications', () => {
  it('names the asset as the user knows it and shows amounts grouped, without trailing zeros', () => {
    expect(changeNotifications('Main', [change('XXBT', '1011.1908877900', '1211.19088779', '19.78')], rows, false)).toEqual([
      { title: 'BTC balance increased 19.78 %', body: 'Main: 1,011.19088779 → 1,211.19088779 BTC' },
    ]);
    expect(changeNotifications('Main', [change('ETH2.S', '0', '2', null)], rows, false)[0]?.title).toBe('New ETH (staked) balance');
    expect(changeNotifications('Main', [change('DOT', '4', '2', '-50.00')], rows, false)[0]?.title).toBe('DOT balance decreased 50.00 %');
  });

  it('hides amounts and percentages in privacy mode', () => {
    const [text] = changeNotifications('Main', [change('XXBT', '1', '2', '100.00')], rows, true);
    expect(text).toEqual({ title: 'BTC balance increased', body: 'Main: amounts hidden (privacy mode)' });
  });

  it('sums up many changes in one notification', () => {
    const many = ['XXBT', 'ETH2.S', 'DOT', 'USDT'].map((a) => change(a, '1', '2', '100.00'));
    const texts = changeNotifications('Main', many, rows, false);
    expect(texts).toEqual([{ title: '4 balances changed in Main', body: 'BTC ↑, ETH (staked) ↑, DOT ↑, USDT ↑' }]);
  });
});
